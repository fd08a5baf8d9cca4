import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { showError, showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import {
  useAddNote,
  useAssessJobready,
  useConsents,
  useReloadCandidate,
  useSignConsent,
  useWithdrawConsent,
  type Candidate,
  type Checklist,
  type Jobready,
} from './candidates-queries';
import { CHECKLIST_ITEMS, formatDate, formatDateTime, JOBREADY_LABELS, ORGANISATION_LABELS } from './labels';
import { todayInNetherlands } from '@app/dates';

const OWNER: Record<string, string> = { WW: 'UWV', BIJSTAND: 'MUNICIPALITY' };

/** The jobready judgement as the domain's checklist, with who judged and when. */
export function JobreadyPanel({ candidate, editable }: { candidate: Candidate; editable: boolean }) {
  const assess = useAssessJobready();
  const reload = useReloadCandidate(candidate.id);
  const stored = (candidate.jobreadyAssessment.checklist ?? {}) as Partial<Checklist>;
  const initial: Record<string, unknown> & { jobready: string } = {
    jobready: candidate.jobready,
    ...Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item.key, stored[item.key] ?? false])),
  };
  const form = useForm({ mode: 'controlled', initialValues: initial });
  const allChecked = CHECKLIST_ITEMS.every((item) => form.values[item.key] === true);

  const submit = form.onSubmit(async (values) => {
    const checklist = Object.fromEntries(
      CHECKLIST_ITEMS.map((item) => [item.key, values[item.key] === true]),
    ) as Checklist;
    try {
      await assess.mutateAsync({
        id: candidate.id,
        version: candidate.version,
        jobready: values.jobready as Jobready,
        checklist,
      });
      showSuccess(`Beoordeling opgeslagen: ${JOBREADY_LABELS[values.jobready as Jobready].toLowerCase()}.`);
    } catch (error) {
      showFormError(form, error, { reload });
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="jobready-title">
      <Stack>
        <Title order={2} size="h3" id="jobready-title">
          Jobready
        </Title>
        <Text size="sm">
          {candidate.jobreadyAssessment.assessedAt
            ? `Beoordeeld op ${formatDateTime(candidate.jobreadyAssessment.assessedAt)} door ${
                candidate.jobreadyAssessment.assessedByName ?? 'een collega'
              }.`
            : 'Nog niet beoordeeld.'}
        </Text>
        <form onSubmit={submit} aria-label="Jobready-beoordeling">
          <Stack>
            {/* A fieldset, not Checkbox.Group: each item is its own boolean of the API's checklist. */}
            <Fieldset legend="Checklist: vink aan wat in orde is" variant="unstyled">
              <Stack gap="xs" mt="xs">
                {CHECKLIST_ITEMS.map((item) => (
                  <Checkbox
                    key={item.key}
                    label={item.label}
                    description={item.description}
                    disabled={!editable}
                    {...form.getInputProps(item.key, { type: 'checkbox' })}
                  />
                ))}
              </Stack>
            </Fieldset>
            <Radio.Group label="Oordeel" {...form.getInputProps('jobready')}>
              <Group mt="xs">
                {Object.entries(JOBREADY_LABELS).map(([value, label]) => (
                  <Radio key={value} value={value} label={label} disabled={!editable} />
                ))}
              </Group>
            </Radio.Group>
            {form.values.jobready === 'YES' && !allChecked && (
              <Text size="sm" c="red.9" role="note">
                Niet alles op de checklist is in orde. Weet je zeker dat de kandidaat jobready is?
              </Text>
            )}
            {editable && (
              <Group justify="flex-end">
                <Button type="submit" loading={assess.isPending}>
                  Beoordeling opslaan
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** Bijzonderheden: the newest notes, and a new one. Matchers read them before proposing. */
export function NotesPanel({ candidate, editable }: { candidate: Candidate; editable: boolean }) {
  const add = useAddNote();
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: '' },
    validate: { text: (value) => (value.trim() ? null : 'Schrijf een notitie.') },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await add.mutateAsync({ id: candidate.id, text: values.text.trim() });
      form.reset();
      showSuccess('Notitie vastgelegd.');
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notes-title">
      <Stack>
        <Title order={2} size="h3" id="notes-title">
          Bijzonderheden
        </Title>
        {editable && (
          <form onSubmit={submit} aria-label="Nieuwe notitie">
            <Stack gap="xs">
              <Textarea label="Nieuwe notitie" autosize minRows={2} maxLength={4000} {...form.getInputProps('text')} />
              <Group justify="flex-end">
                <Button type="submit" variant="default" loading={add.isPending}>
                  Notitie vastleggen
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {candidate.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nog geen notities.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Notities">
            {candidate.notes.map((note) => (
              <li key={note.id}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(note.notedAt)} · {note.authorName ?? 'een collega'}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {note.text}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Signed consents to share the candidate's data for mediation, and their withdrawal. The pool's own
 * organisation needs none; the API refuses it and a date after today.
 */
export function ConsentsPanel({ candidate }: { candidate: Candidate }) {
  const consents = useConsents(candidate.id, true);
  const sign = useSignConsent();
  const withdraw = useWithdrawConsent();
  const organisations = Object.keys(ORGANISATION_LABELS).filter((code) => code !== OWNER[candidate.pool]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { organisation: '', signedOn: todayInNetherlands(), documentReference: '' },
    validate: {
      organisation: (value) => (value ? null : 'Kies een organisatie.'),
      signedOn: (value) => (!value ? 'Vul de datum in.' : value > todayInNetherlands() ? 'Niet na vandaag.' : null),
      documentReference: (value) => (value.trim() ? null : 'Vul het documentkenmerk in.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await sign.mutateAsync({
        id: candidate.id,
        organisation: values.organisation as 'UWV',
        signedOn: values.signedOn,
        documentReference: values.documentReference.trim(),
      });
      form.reset();
      showSuccess('Toestemming vastgelegd.');
    } catch (error) {
      showFormError(form, error);
    }
  });
  const withdrawOne = async (consentId: string, organisation: string) => {
    try {
      await withdraw.mutateAsync({ id: candidate.id, consentId });
      showSuccess(`Toestemming voor ${ORGANISATION_LABELS[organisation] ?? organisation} ingetrokken.`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consents-title">
      <Stack>
        <Title order={2} size="h3" id="consents-title">
          Toestemmingen
        </Title>
        <Text size="sm" c="dimmed">
          Met een getekende toestemming mag een andere organisatie de gegevens voor bemiddeling zien.
        </Text>
        {consents.isPending ? (
          <Text size="sm">Laden…</Text>
        ) : consents.isError ? (
          <Text size="sm" role="alert">
            De toestemmingen konden niet worden geladen.
          </Text>
        ) : consents.data.length === 0 ? (
          <Text size="sm">Geen toestemmingen vastgelegd.</Text>
        ) : (
          <Table withTableBorder>
            <caption style={{ textAlign: 'left' }}>Vastgelegde toestemmingen</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Organisatie</Table.Th>
                <Table.Th scope="col">Getekend op</Table.Th>
                <Table.Th scope="col">Document</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actie</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((consent) => (
                <Table.Tr key={consent.id}>
                  <Table.Td>{ORGANISATION_LABELS[consent.organisation] ?? consent.organisation}</Table.Td>
                  <Table.Td>{formatDate(consent.signedOn)}</Table.Td>
                  <Table.Td>{consent.documentReference}</Table.Td>
                  <Table.Td>
                    {consent.active ? (
                      <Badge color="teal.9">Geldig</Badge>
                    ) : (
                      <Badge variant="outline" color="gray.8">
                        Ingetrokken {formatDate(consent.withdrawnAt)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {consent.active && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={withdraw.isPending}
                        onClick={() => void withdrawOne(consent.id, consent.organisation)}
                        aria-label={`Toestemming voor ${ORGANISATION_LABELS[consent.organisation] ?? consent.organisation} intrekken`}
                      >
                        Intrekken
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={submit} aria-label="Toestemming vastleggen" noValidate>
          <Group align="flex-start" gap="sm">
            <Select
              label="Organisatie"
              w={200}
              data={organisations.map((code) => ({ value: code, label: ORGANISATION_LABELS[code]! }))}
              {...form.getInputProps('organisation')}
            />
            <TextInput type="date" label="Getekend op" w={170} {...form.getInputProps('signedOn')} />
            <TextInput
              label="Documentkenmerk"
              description="Waar het getekende formulier bewaard is"
              w={240}
              maxLength={100}
              {...form.getInputProps('documentReference')}
            />
            <Button type="submit" mt={24} loading={sign.isPending}>
              Toestemming vastleggen
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
