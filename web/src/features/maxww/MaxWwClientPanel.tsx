import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { useCurrentUser } from '@app/session';
import { useConsents } from '@features/candidates/candidates-queries';
import {
  useClientProgramme,
  useCreateHandover,
  useRecordExit,
  type ClientProgramme,
  type ExitKind,
} from './maxww-route-queries';
import { dutchDay, EXIT_KIND_LABELS, EXIT_KINDS, formatDay } from './route-labels';

/** The Max-WW team: advisers of UWV or the staffing firm, and administrators (the API's rule too). */
function isTeam(user: { roles: readonly string[]; organisation: string }): boolean {
  if (user.roles.includes('ADMIN')) return true;
  return user.roles.includes('ADVISER') && (user.organisation === 'UWV' || user.organisation === 'STAFFING_FIRM');
}

/**
 * The client's Max-WW route on the candidate page (and for the programme view of the Max-WW mediation
 * to include): mediation, exit (uitstroom) and the hand-over to the social service, with the team's
 * forms "Uitstroom vastleggen" and "Overdracht aan de sociale dienst".
 */
export function MaxWwClientPanel({ candidateId }: { candidateId: string }) {
  const { user } = useCurrentUser();
  const programme = useClientProgramme(candidateId);
  const team = isTeam(user);

  if (programme.isPending) return null;
  if (programme.isError) {
    return (
      <Text size="sm" role="alert">
        {describeError(programme.error)}
      </Text>
    );
  }
  const data = programme.data;
  // A Bijstand record shows only where it came from (a hand-over); nothing else of Max-WW applies to it.
  if (data.pool === 'BIJSTAND' && !data.handoverId) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="maxww-route-title">
      <Stack>
        <Title order={2} size="h3" id="maxww-route-title">
          Max-WW: uitstroom en overdracht
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
          <div>
            <Text size="xs" c="dimmed" component="dt">
              Bemiddeling
            </Text>
            <Text size="sm" component="dd" m={0}>
              {data.mediation
                ? `Sinds ${formatDay(data.mediation.startedOn)}${data.mediation.endedOn ? `, beëindigd ${formatDay(data.mediation.endedOn)}` : ''}`
                : 'Niet in bemiddeling'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" component="dt">
              Uitstroom
            </Text>
            <Text size="sm" component="dd" m={0}>
              {data.exit
                ? `${EXIT_KIND_LABELS[data.exit.kind]} op ${formatDay(data.exit.exitOn)}`
                : 'Nog geen uitstroom vastgelegd'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" component="dt">
              {data.pool === 'BIJSTAND' ? 'Overgedragen vanuit de WW' : 'Overdracht aan de sociale dienst'}
            </Text>
            <Text size="sm" component="dd" m={0}>
              {data.handoverId ? (
                <Anchor component={Link} to={`/max-ww/overdrachten/${data.handoverId}`}>
                  Overdracht bekijken
                </Anchor>
              ) : (
                'Nog niet overgedragen'
              )}
            </Text>
          </div>
        </SimpleGrid>
        {team && data.pool === 'WW' && !data.exit && <ExitForm programme={data} />}
        {team && data.pool === 'WW' && !data.handoverId && <HandoverForm candidateId={candidateId} />}
      </Stack>
    </Paper>
  );
}

/** "Uitstroom vastleggen": kind and date; a team placement names the placement, a job found alone does not. */
export function ExitForm({ programme }: { programme: ClientProgramme }) {
  const record = useRecordExit();
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: '' as ExitKind | '', exitOn: dutchDay(), placementId: '' },
    validate: {
      kind: (value) => (value ? null : 'Kies de soort uitstroom.'),
      exitOn: (value) => (value ? null : 'Vul de datum in.'),
      placementId: (value, values) =>
        values.kind === 'PLACED_BY_TEAM' && !value ? 'Kies de plaatsing door het team.' : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({
        candidateId: programme.candidateId,
        kind: values.kind as ExitKind,
        exitOn: values.exitOn,
        ...(values.kind === 'PLACED_BY_TEAM' ? { placementId: values.placementId } : {}),
      });
      showSuccess('Uitstroom vastgelegd.');
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <form onSubmit={submit} aria-label="Uitstroom vastleggen" noValidate>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Uitstroom vastleggen
        </Title>
        <Group align="flex-start" gap="sm">
          <Select
            label="Soort uitstroom"
            w={240}
            data={EXIT_KINDS.map((kind) => ({ value: kind, label: EXIT_KIND_LABELS[kind] }))}
            {...form.getInputProps('kind')}
          />
          <TextInput type="date" label="Datum uitstroom" w={170} {...form.getInputProps('exitOn')} />
          {form.values.kind === 'PLACED_BY_TEAM' && (
            <Select
              label="Plaatsing"
              w={320}
              data={programme.placements.map((placement) => ({
                value: placement.id,
                label: `${placement.vacancyTitle}, ${placement.employerName} (${formatDay(placement.startDate)})`,
              }))}
              nothingFoundMessage="Geen plaatsing van deze klant"
              {...form.getInputProps('placementId')}
            />
          )}
          <Button type="submit" mt={24} loading={record.isPending}>
            Uitstroom vastleggen
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Zelf werk gevonden is geen plaatsing door het team. Een plaatsing via een voorstel wordt vanzelf als uitstroom
          vastgelegd; een lopende bemiddeling eindigt op de datum van de uitstroom.
        </Text>
      </Stack>
    </form>
  );
}

/** "Overdracht aan de sociale dienst": under the client's signed consent naming the municipality. */
export function HandoverForm({ candidateId }: { candidateId: string }) {
  const { user } = useCurrentUser();
  const [open, setOpen] = useState(false);
  const consents = useConsents(candidateId, open);
  const create = useCreateHandover();
  const navigate = useNavigate();
  const municipalConsents = (consents.data ?? []).filter(
    (consent) => consent.active && consent.organisation === 'MUNICIPALITY',
  );
  const form = useForm({
    mode: 'controlled',
    initialValues: { consentId: '', summary: '', tried: '' },
    validate: {
      consentId: (value) => (value ? null : 'Kies de getekende toestemming voor de gemeente.'),
      summary: (value) => (value.trim() ? null : 'Vul de samenvatting in.'),
      tried: (value) => (value.trim() ? null : 'Vul in wat is geprobeerd.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({
        candidateId,
        consentId: values.consentId,
        summary: values.summary.trim(),
        tried: values.tried.trim(),
        contactAdviserId: user.id,
      });
      showSuccess('Overdracht aan de sociale dienst vastgelegd.');
      void navigate(`/max-ww/overdrachten/${created.id}`);
    } catch (error) {
      showFormError(form, error, { fields: { contactAdviserId: 'summary' } });
    }
  });
  return (
    <Stack gap="xs">
      <Button
        variant="default"
        w="fit-content"
        onClick={() => setOpen((current) => !current)}
        aria-expanded={open}
        aria-controls="handover-form"
      >
        Overdracht aan de sociale dienst
      </Button>
      <div id="handover-form">
        {open && (
          <form onSubmit={submit} aria-label="Overdracht aan de sociale dienst" noValidate>
            <Stack gap="sm" maw={720}>
              {consents.isSuccess && municipalConsents.length === 0 && (
                <Text size="sm" role="status">
                  Er is geen geldige getekende toestemming voor de gemeente. Leg die eerst vast bij Toestemmingen.
                </Text>
              )}
              <Select
                label="Toestemming"
                description="De getekende toestemming voor bemiddeling door de gemeente"
                data={municipalConsents.map((consent) => ({
                  value: consent.id,
                  label: `${formatDay(consent.signedOn)}, ${consent.documentReference}`,
                }))}
                {...form.getInputProps('consentId')}
              />
              <Textarea
                label="Samenvatting"
                description="Waar de klant staat: wat de sociale dienst moet weten"
                autosize
                minRows={3}
                maxLength={2000}
                {...form.getInputProps('summary')}
              />
              <Textarea
                label="Wat is geprobeerd"
                description="Coaching, aangeboden vacatures, sollicitaties"
                autosize
                minRows={3}
                maxLength={2000}
                {...form.getInputProps('tried')}
              />
              <Text size="sm">Contactpersoon voor de sociale dienst: {user.name} (jij).</Text>
              <Button type="submit" w="fit-content" loading={create.isPending}>
                Overdracht vastleggen
              </Button>
            </Stack>
          </form>
        )}
      </div>
    </Stack>
  );
}
