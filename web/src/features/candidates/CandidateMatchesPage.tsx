import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { useCandidateMatches } from './candidates-queries';
import { ScoreComponents } from './ScoreComponents';

/**
 * Job hunting from the candidate's side: the open vacancies that fit best, with why, and those missed on
 * exactly one requirement (what the adviser could work on with the client).
 */
export default function CandidateMatchesPage() {
  const { id = '' } = useParams();
  const matches = useCandidateMatches(id);

  return (
    <Stack>
      <Anchor component={Link} to={`/kandidaten/${id}`} size="sm">
        ← Terug naar de kandidaat
      </Anchor>
      <Title order={1}>Vacatures voor deze kandidaat</Title>
      {matches.isPending ? (
        <PageLoader />
      ) : matches.isError ? (
        <Text role="alert">{describeError(matches.error)}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            De best passende open vacatures, hoogste score bovenaan (weging {matches.data.weightsVersion}).
          </Text>
          <DataTable
            caption="Passende vacatures"
            rows={matches.data.items}
            rowKey={(item) => item.vacancyId}
            initialSort={{ key: 'score', direction: 'descending' }}
            empty="Geen open vacature waaraan deze kandidaat voldoet."
            columns={[
              {
                key: 'score',
                header: 'Score',
                render: (item) => Math.round(item.score),
                sortValue: (item) => item.score,
              },
              { key: 'title', header: 'Vacature', render: (item) => item.title, sortValue: (item) => item.title },
              {
                key: 'employer',
                header: 'Werkgever',
                render: (item) => item.employerName,
                sortValue: (item) => item.employerName,
              },
              {
                key: 'distance',
                header: 'Afstand',
                render: (item) => `${Math.round(item.distanceKm)} km`,
                sortValue: (item) => item.distanceKm,
              },
              { key: 'why', header: 'Waarom', render: (item) => <ScoreComponents components={item.components} /> },
            ]}
          />
          <Title order={2} size="h3">
            Bijna passend
          </Title>
          {matches.data.nearMisses.length === 0 ? (
            <Text size="sm">Geen vacatures die op één eis na passen.</Text>
          ) : (
            <Table withTableBorder striped>
              <caption style={{ textAlign: 'left' }}>Vacatures die op één eis na passen</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Vacature</Table.Th>
                  <Table.Th scope="col">Werkgever</Table.Th>
                  <Table.Th scope="col">Wat ontbreekt</Table.Th>
                  <Table.Th scope="col">Score</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matches.data.nearMisses.map((miss) => (
                  <Table.Tr key={miss.vacancyId}>
                    <Table.Td>{miss.title}</Table.Td>
                    <Table.Td>{miss.employerName}</Table.Td>
                    <Table.Td>{miss.sentence}</Table.Td>
                    <Table.Td>{Math.round(miss.score)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
