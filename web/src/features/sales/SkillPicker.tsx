import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSkillSearch } from './sales-queries';

/**
 * ESCO skills found by their Dutch or English label as you type. The labels of chosen skills are kept
 * here (the vacancy stores URIs only); a skill chosen earlier shows its label once the search has met it.
 */
export function SkillPicker({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (uris: string[]) => void;
  error?: React.ReactNode;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useSkillSearch(q);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const options = new Map<string, string>();
  for (const uri of value) options.set(uri, labels[uri] ?? 'ESCO-vaardigheid');
  for (const skill of found.data ?? [])
    options.set(skill.uri, skill.label === skill.labelEn ? skill.label : `${skill.label} (${skill.labelEn})`);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder="Zoek op Nederlandse of Engelse naam"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={q.length >= 2 ? 'Geen vaardigheid gevonden' : 'Typ minstens 2 letters'}
      data={[...options].map(([uri, name]) => ({ value: uri, label: name }))}
      value={value}
      onChange={(uris) => {
        setLabels((current) => {
          const next = { ...current };
          for (const uri of uris) if (options.has(uri)) next[uri] = options.get(uri)!;
          return next;
        });
        onChange(uris);
      }}
      error={error}
      clearable
    />
  );
}
