import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { useCurrentUser } from '@app/session';
import {
  useCertificates,
  useCreateCandidate,
  useReloadCandidate,
  useUpdateCandidate,
  type Candidate,
  type CreateCandidate,
  type Pool,
  type UpdateCandidate,
} from './candidates-queries';
import { EscoChosen, EscoSearch, uriLabel, type EscoChoice } from './EscoPicker';
import {
  CLASSIFICATION_LABELS,
  DRIVING_LICENCES,
  DUTCH_LEVELS,
  EDUCATION_LABELS,
  passesElfproef,
  POOL_LABELS,
  STATUS_LABELS,
  TRANSPORT_LABELS,
} from './labels';
import { todayInNetherlands } from '@app/dates';

interface Values extends Record<string, unknown> {
  pool: string;
  sourceReference: string;
  bsn: string;
  name: string;
  postcode: string;
  phone: string;
  email: string;
  dateOfBirth: string;
  wwEndDate: string;
  wajong: boolean;
  classification: string;
  doelgroepregister: boolean;
  hoursMin: number | string;
  hoursMax: number | string;
  availableFrom: string;
  transport: string[];
  maxTravelKm: number | string;
  educationLevel: string;
  dutchLevel: string;
  drivingLicences: string[];
  certificates: string[];
  workExperience: Array<EscoChoice & { years: number | string }>;
  wishedOccupationUris: EscoChoice[];
  skillUris: EscoChoice[];
  acceptsBroodbaan: boolean;
  adviserIsMe: boolean;
  status: string;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

function initialValues(candidate: Candidate | null, meIsAdviser: boolean, myId: string): Values {
  return {
    pool: candidate?.pool ?? '',
    sourceReference: candidate?.sourceReference ?? '',
    bsn: '',
    name: candidate?.name ?? '',
    postcode: candidate?.postcode ?? '',
    phone: candidate?.phone ?? '',
    email: candidate?.email ?? '',
    dateOfBirth: candidate?.dateOfBirth ?? '',
    wwEndDate: candidate?.wwEndDate ?? '',
    wajong: candidate?.wajong ?? false,
    classification: candidate?.classification ?? '',
    doelgroepregister: candidate?.doelgroepregister ?? false,
    hoursMin: candidate?.hoursMin ?? '',
    hoursMax: candidate?.hoursMax ?? '',
    availableFrom: candidate?.availableFrom ?? todayInNetherlands(),
    transport: candidate?.transport ?? [],
    maxTravelKm: candidate?.maxTravelKm ?? '',
    educationLevel: candidate?.educationLevel ?? '',
    dutchLevel: candidate?.dutchLevel ?? '',
    drivingLicences: candidate?.drivingLicences ?? [],
    certificates: candidate?.certificates ?? [],
    workExperience: (candidate?.workExperience ?? []).map((entry) => ({
      uri: entry.occupationUri,
      label: uriLabel(entry.occupationUri),
      years: entry.years,
    })),
    wishedOccupationUris: (candidate?.wishedOccupationUris ?? []).map((uri) => ({ uri, label: uriLabel(uri) })),
    skillUris: (candidate?.skillUris ?? []).map((uri) => ({ uri, label: uriLabel(uri) })),
    acceptsBroodbaan: candidate?.acceptsBroodbaan ?? true,
    adviserIsMe: candidate ? candidate.adviserId === myId : meIsAdviser,
    status: candidate?.status ?? 'ACTIVE',
  };
}

/** The fields both create and update send (the API checks each; the pool decides WW- or Bijstand-only ones). */
function sharedFields(values: Values, pool: Pool) {
  return {
    phone: orNull(values.phone),
    email: orNull(values.email),
    dateOfBirth: orNull(values.dateOfBirth),
    wwEndDate: pool === 'WW' ? orNull(values.wwEndDate) : null,
    wajong: pool === 'WW' ? values.wajong : false,
    // A UWV client carries a classification only as the mark of a work limitation (loonwaarde 50-80).
    classification: (pool === 'BIJSTAND'
      ? orNull(values.classification)
      : values.classification === '50-80'
        ? '50-80'
        : null) as CreateCandidate['classification'],
    doelgroepregister: values.doelgroepregister,
    transport: values.transport as CreateCandidate['transport'],
    maxTravelKm: numberOrNull(values.maxTravelKm),
    educationLevel: orNull(values.educationLevel) as CreateCandidate['educationLevel'],
    dutchLevel: orNull(values.dutchLevel) as CreateCandidate['dutchLevel'],
    drivingLicences: values.drivingLicences as CreateCandidate['drivingLicences'],
    certificates: values.certificates,
    workExperience: values.workExperience.map((entry) => ({ occupationUri: entry.uri, years: Number(entry.years) })),
    wishedOccupationUris: values.wishedOccupationUris.map((item) => item.uri),
    skillUris: values.skillUris.map((item) => item.uri),
    acceptsBroodbaan: values.acceptsBroodbaan,
    status: values.status as CreateCandidate['status'],
  };
}

/**
 * Intake of a new candidate, or the edit of one (sending the version read: 409 when stale). The BSN is
 * typed once, at intake; afterwards the API shows it only masked and it cannot be changed here.
 */
export function CandidateForm({
  candidate,
  onSaved,
}: {
  candidate: Candidate | null;
  onSaved: (saved: Candidate) => void;
}) {
  const { user } = useCurrentUser();
  const meIsAdviser = user.roles.includes('ADVISER');
  const certificates = useCertificates();
  const create = useCreateCandidate();
  const update = useUpdateCandidate();
  const reload = useReloadCandidate(candidate?.id ?? '');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(candidate, meIsAdviser, user.id),
    validate: {
      pool: (value) => (value ? null : 'Kies het bestand.'),
      sourceReference: (value) => (value.trim() ? null : 'Vul het klantnummer in.'),
      bsn: (value) =>
        candidate || passesElfproef(value) ? null : 'Vul een BSN van 9 cijfers in dat de elfproef doorstaat.',
      name: (value) => (value.trim() ? null : 'Vul een naam in.'),
      postcode: (value) => (/^\d{4}\s?[a-zA-Z]{2}$/.test(value.trim()) ? null : 'Vul een postcode in, zoals 3311 AB.'),
      hoursMin: (value) => (value === '' ? 'Vul het minimum aantal uren in.' : null),
      hoursMax: (value, values) =>
        value === ''
          ? 'Vul het maximum aantal uren in.'
          : values.hoursMin !== '' && Number(value) < Number(values.hoursMin)
            ? 'Minstens het minimum aantal uren.'
            : null,
      availableFrom: (value) => (value ? null : 'Vul een datum in.'),
    },
  });
  const pool = form.values.pool as Pool | '';

  const submit = form.onSubmit(async (values) => {
    const chosenPool = values.pool as Pool;
    try {
      if (candidate) {
        const body: UpdateCandidate & { id: string } = {
          id: candidate.id,
          version: candidate.version,
          sourceReference: values.sourceReference.trim(),
          name: values.name.trim(),
          postcode: values.postcode.trim(),
          hoursMin: Number(values.hoursMin),
          hoursMax: Number(values.hoursMax),
          availableFrom: values.availableFrom,
          ...sharedFields(values, chosenPool),
        };
        if (values.adviserIsMe && candidate.adviserId !== user.id) body.adviserId = user.id;
        if (!values.adviserIsMe && candidate.adviserId === user.id) body.adviserId = null;
        const saved = await update.mutateAsync(body);
        showSuccess(`${saved.name ?? 'De kandidaat'} is bijgewerkt.`);
        onSaved(saved);
      } else {
        const saved = await create.mutateAsync({
          pool: chosenPool,
          sourceReference: values.sourceReference.trim(),
          bsn: values.bsn.replace(/\D/g, ''),
          name: values.name.trim(),
          postcode: values.postcode.trim(),
          hoursMin: Number(values.hoursMin),
          hoursMax: Number(values.hoursMax),
          availableFrom: values.availableFrom,
          ...sharedFields(values, chosenPool),
          ...(values.adviserIsMe ? { adviserId: user.id } : {}),
        });
        showSuccess(`${saved.name ?? 'De kandidaat'} is ingeschreven.`);
        onSaved(saved);
      }
    } catch (error) {
      showFormError(form, error, { reload, fields: { adviserId: 'adviserIsMe' } });
    }
  });

  // A cleared select holds '' in the form; Mantine reads '' as a value (and offers to clear it), null as none.
  const selectProps = (field: 'classification' | 'educationLevel' | 'dutchLevel') => ({
    ...form.getInputProps(field),
    value: form.values[field] || null,
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
  });

  const dateInput = (field: 'dateOfBirth' | 'wwEndDate' | 'availableFrom', label: string, description?: string) => (
    <TextInput type="date" label={label} description={description} {...form.getInputProps(field)} />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={candidate ? 'Kandidaat wijzigen' : 'Nieuwe kandidaat'}>
      <Stack>
        <Fieldset legend="Persoon en bestand">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label="Bestand"
              required
              disabled={candidate !== null}
              data={Object.entries(POOL_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('pool')}
            />
            <TextInput
              label="Klantnummer"
              description="Het nummer in het bronsysteem"
              required
              {...form.getInputProps('sourceReference')}
            />
            {candidate ? (
              <TextInput label="BSN" value={candidate.bsn ?? '—'} readOnly description="Alleen gemaskeerd zichtbaar" />
            ) : (
              <TextInput
                label="BSN"
                required
                inputMode="numeric"
                autoComplete="off"
                maxLength={11}
                description="Eenmalig invoeren; daarna alleen gemaskeerd zichtbaar"
                {...form.getInputProps('bsn')}
              />
            )}
            <TextInput label="Naam" required autoComplete="off" {...form.getInputProps('name')} />
            <TextInput label="Postcode" required autoComplete="off" {...form.getInputProps('postcode')} />
            {dateInput('dateOfBirth', 'Geboortedatum', 'Alleen voor het dossier; telt niet mee bij matchen')}
            <TextInput label="Telefoon" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
            <TextInput label="E-mail" type="email" autoComplete="off" {...form.getInputProps('email')} />
            <Select
              label="Status"
              data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
        </Fieldset>

        {pool === 'WW' && (
          <Fieldset legend="WW">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {dateInput('wwEndDate', 'Einddatum WW')}
              <Checkbox label="Wajong" mt="lg" {...form.getInputProps('wajong', { type: 'checkbox' })} />
              <Checkbox
                label="In het doelgroepregister"
                mt="lg"
                {...form.getInputProps('doelgroepregister', { type: 'checkbox' })}
              />
              <Checkbox
                label="Arbeidsbeperking (loonwaarde 50-80)"
                description="Past bij vacatures open voor de 50-80-groep; met doelgroepregister: loondispensatie"
                mt="lg"
                checked={form.values.classification === '50-80'}
                onChange={(event) => form.setFieldValue('classification', event.currentTarget.checked ? '50-80' : '')}
                error={form.errors.classification}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        {pool === 'BIJSTAND' && (
          <Fieldset legend="Bijstand">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select
                label="Klantprofiel (classificatie)"
                clearable
                clearButtonProps={{ 'aria-label': 'Klantprofiel wissen' }}
                data={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))}
                {...selectProps('classification')}
              />
              <Checkbox
                label="In het doelgroepregister"
                mt="lg"
                {...form.getInputProps('doelgroepregister', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Fieldset>
        )}

        <Fieldset legend="Beschikbaarheid en vervoer">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NumberInput
              label="Uren per week, minimaal"
              required
              min={1}
              max={60}
              {...form.getInputProps('hoursMin')}
            />
            <NumberInput
              label="Uren per week, maximaal"
              required
              min={1}
              max={60}
              {...form.getInputProps('hoursMax')}
            />
            {dateInput('availableFrom', 'Beschikbaar per')}
            <MultiSelect
              label="Vervoer"
              data={Object.entries(TRANSPORT_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('transport')}
            />
            <NumberInput label="Maximale reisafstand (km)" min={0} max={500} {...form.getInputProps('maxTravelKm')} />
            <Checkbox
              label="Staat open voor een broodbaan"
              mt="lg"
              {...form.getInputProps('acceptsBroodbaan', { type: 'checkbox' })}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Opleiding, taal en certificaten">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              label="Hoogste opleiding"
              clearable
              clearButtonProps={{ 'aria-label': 'Opleiding wissen' }}
              data={Object.entries(EDUCATION_LABELS).map(([value, label]) => ({ value, label }))}
              {...selectProps('educationLevel')}
            />
            <Select
              label="Nederlands (taalniveau)"
              clearable
              clearButtonProps={{ 'aria-label': 'Taalniveau wissen' }}
              data={[...DUTCH_LEVELS]}
              {...selectProps('dutchLevel')}
            />
            <MultiSelect label="Rijbewijzen" data={[...DRIVING_LICENCES]} {...form.getInputProps('drivingLicences')} />
            <MultiSelect
              label="Certificaten"
              searchable
              data={(certificates.data ?? []).map((certificate) => ({
                value: certificate.code,
                label: certificate.name,
              }))}
              {...form.getInputProps('certificates')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Werkervaring, wensen en vaardigheden">
          <Stack>
            <EscoSearch
              kind="occupation"
              label="Werkervaring toevoegen (beroep)"
              exclude={form.values.workExperience.map((entry) => entry.uri)}
              onPick={(choice) => form.insertListItem('workExperience', { ...choice, years: 1 })}
            />
            {form.values.workExperience.length > 0 ? (
              <Table withTableBorder>
                <caption style={{ textAlign: 'left' }}>Werkervaring</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Beroep</Table.Th>
                    <Table.Th scope="col">Jaren</Table.Th>
                    <Table.Th scope="col">
                      <Text size="sm" fw={700} component="span">
                        Verwijderen
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.values.workExperience.map((entry, index) => (
                    <Table.Tr key={entry.uri}>
                      <Table.Td>{entry.label}</Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`Jaren ervaring als ${entry.label}`}
                          min={0}
                          max={60}
                          w={100}
                          {...form.getInputProps(`workExperience.${index}.years`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="default"
                          aria-label={`${entry.label} verwijderen`}
                          onClick={() => form.removeListItem('workExperience', index)}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                Nog geen werkervaring.
              </Text>
            )}
            <EscoSearch
              kind="occupation"
              label="Gewenst beroep toevoegen"
              exclude={form.values.wishedOccupationUris.map((item) => item.uri)}
              onPick={(choice) => form.insertListItem('wishedOccupationUris', choice)}
            />
            <EscoChosen
              items={form.values.wishedOccupationUris}
              empty="Nog geen gewenste beroepen."
              onRemove={(uri) =>
                form.setFieldValue(
                  'wishedOccupationUris',
                  form.values.wishedOccupationUris.filter((item) => item.uri !== uri),
                )
              }
            />
            <EscoSearch
              kind="skill"
              label="Vaardigheid toevoegen"
              exclude={form.values.skillUris.map((item) => item.uri)}
              onPick={(choice) => form.insertListItem('skillUris', choice)}
            />
            <EscoChosen
              items={form.values.skillUris}
              empty="Nog geen vaardigheden."
              onRemove={(uri) =>
                form.setFieldValue(
                  'skillUris',
                  form.values.skillUris.filter((item) => item.uri !== uri),
                )
              }
            />
          </Stack>
        </Fieldset>

        {meIsAdviser && (
          <Checkbox
            label="Ik ben de vaste klantregisseur van deze kandidaat"
            {...form.getInputProps('adviserIsMe', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {candidate ? 'Opslaan' : 'Inschrijven'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
