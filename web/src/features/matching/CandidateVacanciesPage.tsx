import { Alert, Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { mayOpenPath } from '@app/access';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { useCandidateMatches } from './matching-queries';
import { ScoreBar } from './ScoreBar';

/** Job hunting from the candidate's side (the 50-80 team's way): the open vacancies that fit, best first. */
export default function CandidateVacanciesPage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const matches = useCandidateMatches(id);
  const mayRank = mayOpenPath(user.roles, '/vacatures/:id');
  if (matches.isPending) return <PageLoader />;
  if (matches.isError) return <Alert role="alert">{describeError(matches.error)}</Alert>;
  const { items, nearMisses } = matches.data;
  return (
    <Stack>
      <Title order={1}>Beste open vacatures voor deze kandidaat</Title>
      <Text size="sm" c="dimmed">
        Open vacatures waarvan de kandidaat aan alle eisen voldoet, best passend eerst.
      </Text>
      {items.length === 0 ? (
        <Text>Geen open vacature waarvoor de kandidaat aan alle eisen voldoet.</Text>
      ) : (
        <ol aria-label="Passende vacatures" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item, index) => (
            <li key={item.vacancyId}>
              <Paper withBorder p="xs" mb={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text fw={700} size="sm" aria-hidden>
                        {index + 1}.
                      </Text>
                      {mayRank ? (
                        <Anchor component={Link} to={`/vacatures/${item.vacancyId}`} fw={600}>
                          {item.title}
                        </Anchor>
                      ) : (
                        <Text fw={600}>{item.title}</Text>
                      )}
                      <Badge variant="light" size="sm" tt="none">
                        {item.distanceKm.toLocaleString('nl-NL')} km
                      </Badge>
                    </Group>
                    <Text size="sm">{item.employerName}</Text>
                  </Stack>
                  <Group gap="sm" wrap="nowrap" w={320}>
                    <Text fw={700} size="sm" w={40}>
                      {Math.round(item.score)}
                    </Text>
                    <ScoreBar score={item.score} components={item.components} />
                  </Group>
                </Group>
              </Paper>
            </li>
          ))}
        </ol>
      )}
      <Title order={2} size="h3">
        Net niet
      </Title>
      {nearMisses.length === 0 ? (
        <Text size="sm" c="dimmed">
          Geen vacatures waarvoor de kandidaat op precies één eis afvalt.
        </Text>
      ) : (
        <List size="sm" aria-label="Net niet">
          {nearMisses.map((miss) => (
            <List.Item key={miss.vacancyId}>
              {miss.title} ({miss.employerName}): {miss.sentence}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
