import { Anchor, Grid, List, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { NearMiss } from './matching-queries';
import { POOL_LABELS, REQUIREMENT_LABELS } from './labels';

const ExclusionChart = lazy(() => import('./ExclusionChart'));

/**
 * "Waarom ontbreken anderen": per hard requirement how many visible candidates fail it, as a bar chart
 * with the numbers in a table beside it, and the near misses (excluded on exactly one requirement), so
 * the matcher can tell sales "drop VCA and 40 more qualify".
 */
export function MissingOthers({
  considered,
  eligible,
  excluded,
  nearMisses,
  onOpenCandidate,
}: {
  considered: number;
  eligible: number;
  excluded: Record<string, number>;
  nearMisses: readonly NearMiss[];
  onOpenCandidate?: (candidateId: string) => void;
}) {
  const rows = Object.entries(excluded)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => ({ requirement: REQUIREMENT_LABELS[code] ?? code, code, excluded: count }));
  return (
    <Stack component="section" aria-labelledby="ontbreken-kop" gap="sm">
      <Title order={2} size="h3" id="ontbreken-kop">
        Waarom ontbreken anderen
      </Title>
      <Text size="sm">
        Van de {considered} kandidaten die je mag zien voldoen er {eligible} aan alle eisen. Een kandidaat kan op meer
        eisen afvallen.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Niemand valt af op een eis.
        </Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Suspense fallback={<div style={{ height: Math.max(120, rows.length * 34) }} />}>
              <ExclusionChart data={rows} />
            </Suspense>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Table withTableBorder fz="sm" verticalSpacing={4}>
              <caption>Uitgesloten per eis</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Eis</Table.Th>
                  <Table.Th scope="col">Uitgesloten</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.code}>
                    <Table.Td>{row.requirement}</Table.Td>
                    <Table.Td>{row.excluded}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
        </Grid>
      )}
      <Title order={3} size="h4">
        Net niet ({nearMisses.length})
      </Title>
      {nearMisses.length === 0 ? (
        <Text size="sm" c="dimmed">
          Geen kandidaten die op precies één eis afvallen.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Net niet">
          {nearMisses.map((miss) => (
            <List.Item key={miss.candidate.id}>
              {onOpenCandidate ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpenCandidate(miss.candidate.id)}>
                  {miss.candidate.name}
                </Anchor>
              ) : (
                miss.candidate.name
              )}{' '}
              ({POOL_LABELS[miss.candidate.pool] ?? miss.candidate.pool}, score {Math.round(miss.score)}):{' '}
              {miss.sentence}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
