import { Alert, Anchor, Badge, Drawer, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { mayOpenPath } from '@app/access';
import { describeError } from '@app/errors/messages';
import { useCurrentUser } from '@app/session';
import { useCandidate, useCandidateProposals, type Candidate, type ErasedCandidate } from './matching-queries';
import { formatDate, ORGANISATION_LABELS, POOL_LABELS, PROPOSAL_STATE_LABELS, wwEndsText } from './labels';

/** The roles that may read a candidate's profile (GET /api/candidates/{id} in the authorization matrix). */
export const CANDIDATE_READERS = ['MATCHER', 'ADVISER', 'ADMIN'];

const JOBREADY_LABELS: Record<string, string> = { YES: 'Ja', NO: 'Nee', TO_ASSESS: 'Te beoordelen' };

const isErased = (candidate: Candidate | ErasedCandidate): candidate is ErasedCandidate => 'erasedAt' in candidate;

/**
 * A candidate from the list, in a side panel: the profile (the BSN masked, as the API sends it), the
 * newest notes first (the "bijzonderheden" a matcher checks before proposing), consents, earlier
 * proposals and placements. Each opening is a fresh, audited read.
 */
export function CandidateDrawer({
  candidateId,
  onClose,
  actions,
}: {
  candidateId: string | null;
  onClose: () => void;
  /** Buttons for this candidate (propose, shortlist), shown under the name. */
  actions?: ReactNode;
}) {
  const candidate = useCandidate(candidateId);
  const data = candidate.data;
  const title = data && !isErased(data) ? (data.name ?? 'Kandidaat') : 'Kandidaat';
  return (
    <Drawer
      opened={candidateId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={title}
      closeButtonProps={{ 'aria-label': 'Paneel sluiten' }}
    >
      {candidate.isPending ? (
        <Loader aria-label="Kandidaat wordt geladen" />
      ) : candidate.isError ? (
        <Alert color="red" role="alert">
          {describeError(candidate.error)}
        </Alert>
      ) : isErased(candidate.data) ? (
        <Text>Deze kandidaat is op eigen verzoek verwijderd ({formatDate(candidate.data.erasedAt)}).</Text>
      ) : (
        <CandidateProfile candidate={candidate.data} actions={actions} />
      )}
    </Drawer>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={180}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function CandidateProfile({ candidate, actions }: { candidate: Candidate; actions?: ReactNode }) {
  const { user } = useCurrentUser();
  const proposals = useCandidateProposals(candidate.id);
  const notes = [...candidate.notes].sort((a, b) => b.notedAt.localeCompare(a.notedAt));
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : '—');
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light">{POOL_LABELS[candidate.pool] ?? candidate.pool}</Badge>
        {candidate.targetGroup && <Badge variant="outline">{candidate.targetGroup}</Badge>}
        {candidate.maxWw && candidate.wwEndDate && (
          <Badge color="red" variant="light">
            Max-WW · {wwEndsText(candidate.wwEndDate)}
          </Badge>
        )}
      </Group>
      {actions && <Group gap="xs">{actions}</Group>}
      {mayOpenPath(user.roles, '/kandidaten/:id/vacatures') && (
        <Anchor component={Link} to={`/kandidaten/${candidate.id}/vacatures`} size="sm">
          Beste open vacatures voor deze kandidaat
        </Anchor>
      )}
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <caption>Profiel</caption>
        <Table.Tbody>
          <Fact label="BSN">{candidate.bsn ?? '—'}</Fact>
          <Fact label="Woonplaats">
            {candidate.municipality ?? '—'}
            {candidate.region ? ` (${candidate.region})` : ''}
          </Fact>
          <Fact label="Werkfit">{JOBREADY_LABELS[candidate.jobready] ?? candidate.jobready}</Fact>
          {candidate.classification && <Fact label="Klantprofiel">{candidate.classification}</Fact>}
          {candidate.wwEndDate && <Fact label="WW tot">{formatDate(candidate.wwEndDate)}</Fact>}
          <Fact label="Beschikbaar vanaf">{formatDate(candidate.availableFrom)}</Fact>
          <Fact label="Uren per week">
            {candidate.hoursMin}–{candidate.hoursMax}
          </Fact>
          <Fact label="Vervoer">{list(candidate.transport)}</Fact>
          <Fact label="Reisafstand">{candidate.maxTravelKm ? `tot ${candidate.maxTravelKm} km` : '—'}</Fact>
          <Fact label="Rijbewijzen">{list(candidate.drivingLicences)}</Fact>
          <Fact label="Certificaten">{list(candidate.certificates)}</Fact>
          <Fact label="Nederlands">{candidate.dutchLevel ?? '—'}</Fact>
          <Fact label="Opleiding">{candidate.educationLevel ?? '—'}</Fact>
          <Fact label="Werkervaring">
            {candidate.workExperience.length === 0
              ? '—'
              : `${candidate.workExperience.length} beroep(en), ${candidate.workExperience.reduce(
                  (sum, entry) => sum + entry.years,
                  0,
                )} jaar`}
          </Fact>
          <Fact label="Broodbaan">{candidate.acceptsBroodbaan ? 'Staat open voor een broodbaan' : 'Nee'}</Fact>
          <Fact label="Toestemming">
            {candidate.consentOrganisations.length === 0
              ? 'Geen getekende toestemming voor delen'
              : `Getekend voor ${candidate.consentOrganisations.map((organisation) => ORGANISATION_LABELS[organisation] ?? organisation).join(', ')}`}
          </Fact>
        </Table.Tbody>
      </Table>

      <Title order={3} size="h4">
        Notities (nieuwste eerst)
      </Title>
      {notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          Geen notities.
        </Text>
      ) : (
        <List size="sm" spacing="xs" aria-label="Notities">
          {notes.map((note) => (
            <List.Item key={note.id}>
              <Text span fw={600} size="sm">
                {formatDate(note.notedAt)}
              </Text>{' '}
              {note.text}
            </List.Item>
          ))}
        </List>
      )}

      <Title order={3} size="h4">
        Eerdere voorstellen en plaatsingen
      </Title>
      {proposals.isPending ? (
        <Loader size="sm" aria-label="Voorstellen worden geladen" />
      ) : proposals.isError ? (
        <Text size="sm" role="alert">
          {describeError(proposals.error)}
        </Text>
      ) : proposals.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nog niet voorgesteld.
        </Text>
      ) : (
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <caption>Voorstellen van deze kandidaat</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Vacature</Table.Th>
              <Table.Th scope="col">Stand</Table.Th>
              <Table.Th scope="col">Sinds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {proposals.data.items.map((proposal) => (
              <Table.Tr key={proposal.id}>
                <Table.Td>
                  {proposal.vacancyTitle} · {proposal.employerName}
                </Table.Td>
                <Table.Td>{PROPOSAL_STATE_LABELS[proposal.state]}</Table.Td>
                <Table.Td>
                  {formatDate(proposal.closedAt ?? proposal.interviewAt ?? proposal.proposedAt ?? proposal.createdAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
