import { CloseButton, Group, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export interface EscoChoice {
  uri: string;
  label: string;
}

/** A readable stand-in for an ESCO URI whose label this page has not looked up. */
export function uriLabel(uri: string): string {
  return `ESCO ${uri.split('/').slice(-2).join(' ').slice(0, 24)}…`;
}

function useEscoSearch(kind: 'occupation' | 'skill', q: string) {
  return useQuery({
    queryKey: [...queryKeys.occupations.search(q), kind],
    queryFn: async (): Promise<EscoChoice[]> => {
      const found =
        kind === 'occupation'
          ? await unwrap(api.GET('/api/occupations/search', { params: { query: { q, limit: 8 } } }))
          : await unwrap(api.GET('/api/skills/search', { params: { query: { q, limit: 8 } } }));
      return found.map((item) => ({ uri: item.uri, label: item.label }));
    },
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/**
 * Search ESCO occupations or skills by Dutch (or English) label and pick one: `onPick` gets it.
 * The list is the API's ranked answer, not filtered again here.
 */
export function EscoSearch({
  kind,
  label,
  onPick,
  exclude = [],
}: {
  kind: 'occupation' | 'skill';
  label: string;
  onPick: (choice: EscoChoice) => void;
  exclude?: string[];
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useEscoSearch(kind, q);
  const options = (found.data ?? []).filter((item) => !exclude.includes(item.uri));
  return (
    <Select
      label={label}
      placeholder="Typ om te zoeken"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      filter={({ options: shown }) => shown}
      nothingFoundMessage={q.trim().length >= 2 && !found.isFetching ? 'Niets gevonden' : undefined}
      data={options.map((item) => ({ value: item.uri, label: item.label }))}
      onChange={(uri) => {
        const choice = options.find((item) => item.uri === uri);
        if (choice) onPick(choice);
        setSearch('');
      }}
    />
  );
}

/** Chosen ESCO items as pills, each with a labelled remove button. */
export function EscoChosen({
  items,
  onRemove,
  empty,
}: {
  items: EscoChoice[];
  onRemove: (uri: string) => void;
  empty: string;
}) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Group gap={6}>
        {items.map((item) => (
          <Pill key={item.uri} size="md">
            <Group gap={4} wrap="nowrap">
              {item.label}
              <CloseButton size="xs" aria-label={`${item.label} verwijderen`} onClick={() => onRemove(item.uri)} />
            </Group>
          </Pill>
        ))}
      </Group>
    </Stack>
  );
}
