import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { mayOpenPath } from '@app/access';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { useHandover } from './maxww-route-queries';
import { formatDay } from './route-labels';

const STATE_LABELS: Record<string, string> = { PROPOSED: 'Voorgesteld', INTERVIEW: 'Gesprek' };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** One hand-over: where the client stands, what was tried, the proposals running now, whom to call. */
export default function HandoverPage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const handover = useHandover(id);
  const mayOpenCandidate = mayOpenPath(user.roles, '/kandidaten/:id');

  if (handover.isPending) return <PageLoader />;
  if (handover.isError) return <Text role="alert">{describeError(handover.error)}</Text>;
  const data = handover.data;
  return (
    <Stack>
      <Stack gap={4}>
        <Anchor component={Link} to="/max-ww/overdrachten" size="sm">
          ← Overdrachten
        </Anchor>
        <Title order={1}>Overdracht: {data.candidateName ?? 'gewiste klant'}</Title>
        <Group gap="xs">
          {data.wwEnded ? <Badge color="gray.8">WW afgelopen</Badge> : <Badge color="blue.8">WW loopt</Badge>}
          {!data.consent.active && <Badge color="red.9">Toestemming ingetrokken</Badge>}
        </Group>
      </Stack>
      <Paper withBorder p="md" component="section" aria-label="Gegevens van de overdracht">
        <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
          <Fact label="WW-klant">
            {mayOpenCandidate ? (
              <Anchor component={Link} to={`/kandidaten/${data.candidateId}`}>
                {data.sourceReference}
              </Anchor>
            ) : (
              data.sourceReference
            )}
          </Fact>
          <Fact label="Einde WW">{formatDay(data.wwEndDate)}</Fact>
          <Fact label="Contactpersoon">
            {data.contactAdviser.name} (
            <Anchor href={`mailto:${data.contactAdviser.email}`}>{data.contactAdviser.email}</Anchor>)
          </Fact>
          <Fact label="Toestemming">
            {formatDay(data.consent.signedOn)}, {data.consent.documentReference}
          </Fact>
          <Fact label="Bijstandsdossier">
            {data.bijstandCandidate ? (
              mayOpenCandidate && data.bijstandCandidate.name ? (
                <Anchor component={Link} to={`/kandidaten/${data.bijstandCandidate.id}`}>
                  Gekoppeld: {data.bijstandCandidate.name}
                </Anchor>
              ) : (
                'Gekoppeld'
              )
            ) : (
              'Nog niet gekoppeld'
            )}
          </Fact>
          <Fact label="Overgedragen op">{formatDay(data.createdAt)}</Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="handover-summary">
        <Title order={2} size="h3" id="handover-summary">
          Samenvatting
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{data.summary}</Text>
        <Title order={2} size="h3" mt="md" id="handover-tried">
          Wat is geprobeerd
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{data.tried}</Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="handover-proposals">
        <Title order={2} size="h3" id="handover-proposals">
          Lopende voorstellen
        </Title>
        {data.currentProposals.length === 0 ? (
          <Text size="sm">Er lopen nu geen voorstellen bij werkgevers.</Text>
        ) : (
          <Table withTableBorder>
            <caption style={{ textAlign: 'left' }}>Voorstellen bij werkgevers, nu</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Vacature</Table.Th>
                <Table.Th scope="col">Werkgever</Table.Th>
                <Table.Th scope="col">Stand</Table.Th>
                <Table.Th scope="col">Voorgesteld op</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.currentProposals.map((proposal) => (
                <Table.Tr key={proposal.id}>
                  <Table.Td>{proposal.vacancyTitle}</Table.Td>
                  <Table.Td>{proposal.employerName}</Table.Td>
                  <Table.Td>{STATE_LABELS[proposal.state] ?? proposal.state}</Table.Td>
                  <Table.Td>{formatDay(proposal.proposedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
