import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { isErased, useCandidate, type Candidate } from './candidates-queries';
import { CandidateBadges } from './CandidateBadges';
import { CandidateForm } from './CandidateForm';
import { ConsentsPanel, JobreadyPanel, NotesPanel } from './CandidatePanels';
import { MaxWwClientPanel } from '@features/maxww/MaxWwClientPanel';
import { formatDate, ORGANISATION_LABELS, POOL_LABELS, TRANSPORT_LABELS } from './labels';

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

function Summary({ candidate }: { candidate: Candidate }) {
  return (
    <Paper withBorder p="md" component="section" aria-label="Samenvatting">
      <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
        <Fact label="Bestand">{POOL_LABELS[candidate.pool as 'WW']}</Fact>
        <Fact label="Klantnummer">{candidate.sourceReference}</Fact>
        <Fact label="BSN">{candidate.bsn ?? '—'}</Fact>
        <Fact label="Doelgroep">{candidate.targetGroup ?? '—'}</Fact>
        <Fact label="Woonplaats">
          {candidate.postcode ?? '—'} {candidate.municipality ?? ''}
        </Fact>
        <Fact label="Uren per week">
          {candidate.hoursMin}–{candidate.hoursMax}
        </Fact>
        <Fact label="Vervoer">{candidate.transport.map((t) => TRANSPORT_LABELS[t] ?? t).join(', ') || '—'}</Fact>
        <Fact label="Beschikbaar per">{formatDate(candidate.availableFrom)}</Fact>
        {candidate.pool === 'WW' && <Fact label="Einde WW">{formatDate(candidate.wwEndDate)}</Fact>}
        <Fact label="Toestemming voor">
          {candidate.consentOrganisations.map((code) => ORGANISATION_LABELS[code] ?? code).join(', ') || 'geen'}
        </Fact>
        <Fact label="Telefoon">
          {candidate.phone ? (
            <Anchor href={`tel:${candidate.phone.replace(/\s/g, '')}`}>{candidate.phone}</Anchor>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="E-mail">
          {candidate.email ? <Anchor href={`mailto:${candidate.email}`}>{candidate.email}</Anchor> : '—'}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

/** One candidate: summary, jobready checklist, notes, consents and (for advisers) the edit form. */
export default function CandidatePage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const candidate = useCandidate(id);
  const [editing, setEditing] = useState(false);
  const editable = user.roles.includes('ADVISER') || user.roles.includes('ADMIN');
  const mayHunt = ['MATCHER', 'ADVISER', 'MANAGER'].some((role) => user.roles.includes(role as 'ADVISER'));

  if (candidate.isPending) return <PageLoader />;
  if (candidate.isError) return <Text role="alert">{describeError(candidate.error)}</Text>;
  const data = candidate.data;
  if (isErased(data)) {
    return (
      <Stack>
        <Title order={1}>Kandidaat</Title>
        <Text>Deze kandidaat is op {formatDate(data.erasedAt)} op verzoek gewist.</Text>
      </Stack>
    );
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component={Link} to="/kandidaten" size="sm">
            ← Kandidaten
          </Anchor>
          <Title order={1}>{data.name}</Title>
          <Group gap="xs">
            <CandidateBadges candidate={data} />
            {data.doelgroepregister && (
              <Badge variant="outline" color="gray.8">
                Doelgroepregister
              </Badge>
            )}
            {data.pool === 'WW' && data.classification === '50-80' && (
              <Badge variant="outline" color="gray.8">
                Arbeidsbeperking (loonwaarde 50-80)
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {mayHunt && (
            <Button component={Link} to={`/kandidaten/${data.id}/vacatures`} variant="default">
              Vacatures zoeken
            </Button>
          )}
          {editable && (
            <Button variant={editing ? 'default' : 'filled'} onClick={() => setEditing((current) => !current)}>
              {editing ? 'Wijzigen sluiten' : 'Gegevens wijzigen'}
            </Button>
          )}
        </Group>
      </Group>
      {editing ? (
        <Paper withBorder p="md" component="section" aria-label="Gegevens wijzigen">
          <CandidateForm key={data.version} candidate={data} onSaved={() => setEditing(false)} />
        </Paper>
      ) : (
        <Summary candidate={data} />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <JobreadyPanel key={`jobready-${data.version}`} candidate={data} editable={editable} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <NotesPanel candidate={data} editable={editable} />
        </Grid.Col>
      </Grid>
      {editable && <ConsentsPanel candidate={data} />}
      {user.roles.some((role) => role === 'ADVISER' || role === 'ADMIN') && <MaxWwClientPanel candidateId={data.id} />}
    </Stack>
  );
}
