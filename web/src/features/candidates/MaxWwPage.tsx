import { Anchor, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { CANDIDATES_PAGE_SIZE, useMaxWwCandidates, type Jobready } from './candidates-queries';
import { CandidateBadges } from './CandidateBadges';
import { formatDate, JOBREADY_LABELS } from './labels';
import { Pager } from './Pager';
import { ScopeControl, useScope } from './scope';

/** Days from today until an ISO date (negative: past). */
function daysUntil(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  const end = Date.UTC(year!, month! - 1, day);
  const now = new Date();
  return Math.round((end - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86_400_000);
}

/** The Max-WW team's list: WW clients whose WW ends soon, the soonest first (the API's order). */
export default function MaxWwPage() {
  const [scope, setScope, scopeFilter] = useScope();
  const [jobready, setJobready] = useState<Jobready | undefined>();
  const [offset, setOffset] = useState(0);
  const list = useMaxWwCandidates({ ...scopeFilter, jobready, offset });

  return (
    <Stack>
      <Title order={1}>Max-WW</Title>
      <Text size="sm" c="dimmed" maw={720}>
        WW-klanten van wie de WW binnenkort eindigt, de eerste einddatum bovenaan. Zo stromen zij niet door naar de
        bijstand.
      </Text>
      <Group align="flex-end" gap="lg">
        <ScopeControl
          value={scope}
          onChange={(value) => {
            setScope(value);
            setOffset(0);
          }}
        />
        <Select
          label="Jobready"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={170}
          data={Object.entries(JOBREADY_LABELS).map(([value, label]) => ({ value, label }))}
          value={jobready ?? null}
          onChange={(value) => {
            setJobready((value as Jobready | null) ?? undefined);
            setOffset(0);
          }}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Text role="alert">{describeError(list.error)}</Text>
      ) : (
        <>
          <DataTable
            caption="Max-WW-kandidaten"
            rows={list.data.items}
            rowKey={(candidate) => candidate.id}
            empty="Geen WW-klanten met een einddatum binnen de Max-WW-termijn."
            columns={[
              {
                key: 'wwEnd',
                header: 'Einde WW',
                render: (candidate) =>
                  candidate.wwEndDate
                    ? `${formatDate(candidate.wwEndDate)} (over ${daysUntil(candidate.wwEndDate)} dagen)`
                    : '—',
              },
              {
                key: 'name',
                header: 'Naam',
                render: (candidate) => (
                  <Anchor component={Link} to={`/kandidaten/${candidate.id}`}>
                    {candidate.name ?? '(gewist)'}
                  </Anchor>
                ),
              },
              { key: 'reference', header: 'Klantnummer', render: (candidate) => candidate.sourceReference },
              { key: 'state', header: 'Status', render: (candidate) => <CandidateBadges candidate={candidate} /> },
              { key: 'place', header: 'Gemeente', render: (candidate) => candidate.municipality ?? '—' },
              { key: 'contact', header: 'Laatste notitie', render: (candidate) => formatDate(candidate.lastContactAt) },
            ]}
          />
          <Pager page={list.data} size={CANDIDATES_PAGE_SIZE} noun="kandidaat/kandidaten" onOffset={setOffset} />
        </>
      )}
    </Stack>
  );
}
