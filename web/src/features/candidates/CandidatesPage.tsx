import { Anchor, Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import {
  CANDIDATES_PAGE_SIZE,
  useCandidates,
  type CandidateFilters,
  type Jobready,
  type Pool,
} from './candidates-queries';
import { CandidateBadges } from './CandidateBadges';
import { Pager } from './Pager';
import { formatDate, JOBREADY_LABELS, POOL_LABELS, TARGET_GROUPS } from './labels';
import { ScopeControl, useScope } from './scope';

/** My candidates, my unit's, or all I may see, with the API's filters; the name opens the candidate. */
export default function CandidatesPage() {
  const { user } = useCurrentUser();
  const [scope, setScope, scopeFilter] = useScope();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  // `?maxWw=ja` opens the list on Max-WW clients (where the old Max-WW list's address leads).
  const [searchParams] = useSearchParams();
  const [filters, setFilters] = useState<Omit<CandidateFilters, 'q' | 'adviserId' | 'unitId'>>(() =>
    searchParams.get('maxWw') === 'ja' ? { maxWw: true } : {},
  );
  const candidates = useCandidates({ ...filters, ...scopeFilter, q });
  const setFilter = (change: Partial<CandidateFilters>) =>
    setFilters((current) => ({ ...current, ...change, offset: 0 }));
  const mayCreate = user.roles.includes('ADVISER') || user.roles.includes('ADMIN');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Kandidaten</Title>
        {mayCreate && (
          <Group gap="xs">
            <Button component={Link} to="/kandidaten/import" variant="default">
              Bestand importeren
            </Button>
            <Button component={Link} to="/kandidaten/nieuw">
              Nieuwe kandidaat
            </Button>
          </Group>
        )}
      </Group>
      <ScopeControl
        value={scope}
        onChange={(value) => {
          setScope(value);
          setFilter({});
        }}
      />
      <Group align="flex-end" gap="sm" role="search" aria-label="Kandidaten filteren">
        <TextInput
          label="Naam of klantnummer"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={220}
        />
        <Select
          label="Bestand"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={190}
          data={Object.entries(POOL_LABELS).map(([value, label]) => ({ value, label }))}
          value={filters.pool ?? null}
          onChange={(value) => setFilter({ pool: (value as Pool | null) ?? undefined })}
        />
        <Select
          label="Jobready"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={170}
          data={Object.entries(JOBREADY_LABELS).map(([value, label]) => ({ value, label }))}
          value={filters.jobready ?? null}
          onChange={(value) => setFilter({ jobready: (value as Jobready | null) ?? undefined })}
        />
        <Select
          label="Doelgroep"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={160}
          data={[...TARGET_GROUPS]}
          value={filters.targetGroup ?? null}
          onChange={(value) =>
            setFilter({ targetGroup: (value as CandidateFilters['targetGroup'] | null) ?? undefined })
          }
        />
        <Checkbox
          label="Alleen Max-WW"
          checked={filters.maxWw === true}
          onChange={(event) => setFilter({ maxWw: event.currentTarget.checked ? true : undefined })}
          mb={8}
        />
      </Group>
      {candidates.isPending ? (
        <PageLoader />
      ) : candidates.isError ? (
        <Text role="alert">{describeError(candidates.error)}</Text>
      ) : (
        <>
          <DataTable
            caption="Kandidaten"
            rows={candidates.data.items}
            rowKey={(candidate) => candidate.id}
            empty={
              scope === 'mine' ? 'Je hebt (met deze filters) geen kandidaten.' : 'Geen kandidaten met deze filters.'
            }
            columns={[
              {
                key: 'name',
                header: 'Naam',
                render: (candidate) => (
                  <Anchor component={Link} to={`/kandidaten/${candidate.id}`}>
                    {candidate.name ?? '(gewist)'}
                  </Anchor>
                ),
                sortValue: (candidate) => candidate.name ?? '',
              },
              {
                key: 'reference',
                header: 'Klantnummer',
                render: (candidate) => candidate.sourceReference,
                sortValue: (candidate) => candidate.sourceReference,
              },
              {
                key: 'pool',
                header: 'Bestand',
                render: (candidate) => (candidate.pool === 'WW' ? 'WW' : 'Bijstand'),
                sortValue: (candidate) => candidate.pool,
              },
              {
                key: 'group',
                header: 'Doelgroep',
                render: (candidate) => candidate.targetGroup ?? '—',
                sortValue: (candidate) => candidate.targetGroup ?? '',
              },
              {
                key: 'state',
                header: 'Status',
                render: (candidate) => <CandidateBadges candidate={candidate} />,
                sortValue: (candidate) => candidate.jobready,
              },
              {
                key: 'place',
                header: 'Gemeente',
                render: (candidate) => candidate.municipality ?? '—',
                sortValue: (candidate) => candidate.municipality ?? '',
              },
              {
                key: 'wwEnd',
                header: 'Einde WW',
                render: (candidate) => formatDate(candidate.wwEndDate),
                sortValue: (candidate) => candidate.wwEndDate ?? '9999',
              },
              {
                key: 'contact',
                header: 'Laatste notitie',
                render: (candidate) => formatDate(candidate.lastContactAt),
                sortValue: (candidate) => candidate.lastContactAt ?? '',
              },
            ]}
          />
          <Pager
            page={candidates.data}
            size={CANDIDATES_PAGE_SIZE}
            noun="kandidaat/kandidaten"
            onOffset={(offset) => setFilters((current) => ({ ...current, offset }))}
          />
        </>
      )}
    </Stack>
  );
}
