import {
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { showFormError } from '@app/forms/api-form';
import { showSuccess } from '@app/errors/show-error';
import { useCurrentUser } from '@app/session';
import { SkillPicker } from './SkillPicker';
import { SupplyPreview } from './SupplyPreview';
import {
  useCertificates,
  useCreateVacancy,
  useEmployers,
  useOccupationSuggestions,
  usePlace,
  useSupplyPreview,
  useUpdateVacancy,
  type SupplyProfile,
  type Vacancy,
} from './sales-queries';
import {
  CONTRACT_LABELS,
  DRIVING_LICENCES,
  DUTCH_LEVELS,
  EDUCATION_LABELS,
  INSTRUMENT_LABELS,
  SHIFT_LABELS,
} from './vocabulary';

type Licence = Vacancy['drivingLicences'][number];
type Shift = Vacancy['shifts'][number];
type Instrument = Vacancy['instruments'][number];
type Contract = Vacancy['contractType'];
type Education = NonNullable<Vacancy['minEducationLevel']>;
type DutchLevel = NonNullable<Vacancy['minDutchLevel']>;

interface Values extends Record<string, unknown> {
  employerId: string;
  title: string;
  occupationUri: string;
  description: string;
  drivingLicences: Licence[];
  certificates: string[];
  minDutchLevel: string;
  minEducationLevel: string;
  requiredSkillUris: string[];
  preferredSkillUris: string[];
  experienceYearsWish: number | string;
  hoursMin: number | string;
  hoursMax: number | string;
  shifts: Shift[];
  workplacePostcode: string;
  maxTravelKm: number | string;
  startDate: string;
  positions: number | string;
  contractType: string;
  contractMonths: number | string;
  openToReducedWageValue: boolean;
  instruments: Instrument[];
  sroi: boolean;
  sroiTenderReference: string;
}

const POSTCODE = /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** "32-40 uur", "32 - 40 u", "24 uur": the hours as employers put them in a title. */
const HOURS_IN_TITLE = /(\d{1,2})\s*(?:-|–|tot)\s*(\d{1,2})\s*u(?:ur)?\b|(\d{1,2})\s*u(?:ur)?\b/i;

const whole = (value: number | string): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function initialValues(vacancy: Vacancy | null, employerId: string | null, workplacePostcode?: string): Values {
  return {
    employerId: vacancy?.employer.id ?? employerId ?? '',
    title: vacancy?.title ?? '',
    occupationUri: vacancy?.occupationConfirmed ? (vacancy.occupationUri ?? '') : '',
    description: vacancy?.description ?? '',
    drivingLicences: vacancy?.drivingLicences ?? [],
    certificates: vacancy?.certificates ?? [],
    minDutchLevel: vacancy?.minDutchLevel ?? '',
    minEducationLevel: vacancy?.minEducationLevel ?? '',
    requiredSkillUris: vacancy?.requiredSkillUris ?? [],
    preferredSkillUris: vacancy?.preferredSkillUris ?? [],
    experienceYearsWish: vacancy?.experienceYearsWish ?? '',
    hoursMin: vacancy?.hoursMin ?? '',
    hoursMax: vacancy?.hoursMax ?? '',
    shifts: vacancy?.shifts ?? [],
    workplacePostcode: vacancy?.workplace.postcode ?? workplacePostcode ?? '',
    maxTravelKm: vacancy?.maxTravelKm ?? '',
    startDate: vacancy?.startDate ?? '',
    positions: vacancy?.positions ?? 1,
    contractType: vacancy?.contractType ?? '',
    contractMonths: vacancy?.contractMonths ?? '',
    openToReducedWageValue: vacancy?.openToReducedWageValue ?? false,
    instruments: vacancy?.instruments ?? [],
    sroi: vacancy?.sroi ?? false,
    sroiTenderReference: vacancy?.sroiTenderReference ?? '',
  };
}

/** What matching reads of the form as it is now; null (with why) until the preview can count. */
function profileOf(
  values: Values,
  unitId: string | undefined,
): { profile: SupplyProfile | null; missing: string | null } {
  const hoursMin = whole(values.hoursMin);
  const hoursMax = whole(values.hoursMax);
  if (hoursMin === null || hoursMax === null)
    return { profile: null, missing: 'Vul de uren in om het aanbod te zien.' };
  if (hoursMin > hoursMax) return { profile: null, missing: 'De uren kloppen nog niet (van is meer dan tot).' };
  if (!POSTCODE.test(values.workplacePostcode.trim()))
    return { profile: null, missing: 'Vul de postcode van de werkplek in om het aanbod te zien.' };
  if (!ISO_DATE.test(values.startDate))
    return { profile: null, missing: 'Vul de startdatum in om het aanbod te zien.' };
  return {
    missing: null,
    profile: {
      occupationUri: values.occupationUri || undefined,
      drivingLicences: values.drivingLicences,
      certificates: values.certificates,
      minDutchLevel: (values.minDutchLevel || null) as DutchLevel | null,
      minEducationLevel: (values.minEducationLevel || null) as Education | null,
      requiredSkillUris: values.requiredSkillUris,
      preferredSkillUris: values.preferredSkillUris,
      experienceYearsWish: whole(values.experienceYearsWish),
      hoursMin,
      hoursMax,
      workplacePostcode: values.workplacePostcode.trim(),
      maxTravelKm: whole(values.maxTravelKm),
      startDate: values.startDate,
      openToReducedWageValue: values.openToReducedWageValue,
      ...(unitId ? { unitId } : {}),
    },
  };
}

/**
 * The vacancy intake as one form, in the order of the conversation with the employer, with the live
 * supply preview beside it. `vacancy` null: a new vacancy (for `employerId` when given); otherwise an
 * edit that sends the version it read.
 */
export function VacancyForm({
  vacancy,
  employerId,
  employerName,
  workplacePostcode,
  onSaved,
  reload,
  readOnly = false,
}: {
  vacancy: Vacancy | null;
  employerId: string | null;
  employerName?: string;
  workplacePostcode?: string;
  onSaved: (vacancy: Vacancy) => void;
  reload?: () => void;
  readOnly?: boolean;
}) {
  const { user } = useCurrentUser();
  const mayPreview = ['SALES', 'MATCHER', 'MANAGER'].some((role) => user.roles.includes(role as never));
  const create = useCreateVacancy();
  const update = useUpdateVacancy();
  const certificates = useCertificates();
  // The typed search asks the API; the select shows the chosen employer's name itself (search not controlled).
  const [employerSearch, setEmployerSearch] = useState('');
  const [employerQ] = useDebouncedValue(employerSearch, 300);
  const employers = useEmployers({ q: employerQ });
  const [chosenEmployer, setChosenEmployer] = useState<{ id: string; name: string } | null>(null);
  const [hoursTouched, setHoursTouched] = useState(vacancy !== null);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(vacancy, employerId, workplacePostcode),
    validate: {
      employerId: (value) => (value ? null : 'Kies de werkgever.'),
      title: (value) => (value.trim() ? null : 'Vul de functietitel in.'),
      hoursMin: (value) => (whole(value) === null ? 'Vul de uren in.' : null),
      hoursMax: (value, values) =>
        whole(value) === null
          ? 'Vul de uren in.'
          : whole(values.hoursMin) !== null && whole(value)! < whole(values.hoursMin)!
            ? 'Tot moet minstens van zijn.'
            : null,
      workplacePostcode: (value) => (POSTCODE.test(value.trim()) ? null : 'Vul een postcode in als 3311 AB.'),
      startDate: (value) => (ISO_DATE.test(value) ? null : 'Kies de startdatum.'),
      positions: (value) => (whole(value) === null ? 'Vul het aantal plaatsen in.' : null),
      contractType: (value) => (value ? null : 'Kies het contract.'),
      contractMonths: (value, values) =>
        values.contractType === 'FIXED_TERM' && whole(value) === null ? 'Vul het aantal maanden in.' : null,
      sroiTenderReference: (value, values) =>
        values.sroi && !value.trim() ? 'Vul het kenmerk van de aanbesteding in.' : null,
    },
  });
  const values = form.getValues();

  const [title] = useDebouncedValue(values.title, 300);
  const suggestions = useOccupationSuggestions(title);
  const [postcode] = useDebouncedValue(values.workplacePostcode, 300);
  const place = usePlace(postcode);

  const { profile, missing } = profileOf(values, vacancy?.unitId);
  const profileKey = JSON.stringify(profile);
  const [debouncedKey] = useDebouncedValue(profileKey, 400);
  const debouncedProfile = useMemo(() => JSON.parse(debouncedKey) as SupplyProfile | null, [debouncedKey]);
  const preview = useSupplyPreview(debouncedProfile, mayPreview);

  const selectedEmployer = employers.data?.items.find((employer) => employer.id === values.employerId);
  const employerOptions = new Map<string, string>();
  if (vacancy) employerOptions.set(vacancy.employer.id, vacancy.employer.name);
  if (employerId && employerName) employerOptions.set(employerId, employerName);
  if (chosenEmployer) employerOptions.set(chosenEmployer.id, chosenEmployer.name);
  for (const employer of employers.data?.items ?? []) employerOptions.set(employer.id, employer.name);

  const takeHoursFromTitle = (): void => {
    if (hoursTouched) return;
    const match = HOURS_IN_TITLE.exec(form.getValues().title);
    if (!match) return;
    const [from, to] = match[1] ? [Number(match[1]), Number(match[2])] : [Number(match[3]), Number(match[3])];
    if (from >= 1 && to <= 60 && from <= to) {
      form.setFieldValue('hoursMin', from);
      form.setFieldValue('hoursMax', to);
    }
  };

  const submit = form.onSubmit(async (input) => {
    const common = {
      title: input.title.trim(),
      description: input.description,
      drivingLicences: input.drivingLicences,
      certificates: input.certificates,
      minDutchLevel: (input.minDutchLevel || null) as DutchLevel | null,
      minEducationLevel: (input.minEducationLevel || null) as Education | null,
      requiredSkillUris: input.requiredSkillUris,
      preferredSkillUris: input.preferredSkillUris,
      experienceYearsWish: whole(input.experienceYearsWish),
      hoursMin: whole(input.hoursMin)!,
      hoursMax: whole(input.hoursMax)!,
      shifts: input.shifts,
      workplacePostcode: input.workplacePostcode.trim(),
      maxTravelKm: whole(input.maxTravelKm),
      startDate: input.startDate,
      positions: whole(input.positions)!,
      contractType: input.contractType as Contract,
      contractMonths: input.contractType === 'FIXED_TERM' ? whole(input.contractMonths) : null,
      openToReducedWageValue: input.openToReducedWageValue,
      instruments: input.instruments,
      sroi: input.sroi,
      sroiTenderReference: input.sroi ? input.sroiTenderReference.trim() : null,
    };
    try {
      let saved: Vacancy;
      if (vacancy) {
        const occupation =
          input.occupationUri && input.occupationUri !== (vacancy.occupationConfirmed ? vacancy.occupationUri : '')
            ? { occupationUri: input.occupationUri }
            : {};
        saved = await update.mutateAsync({ id: vacancy.id, version: vacancy.version, ...common, ...occupation });
      } else {
        saved = await create.mutateAsync({
          ...common,
          employerId: input.employerId,
          occupationUri: input.occupationUri || undefined,
          contractMonths: common.contractMonths ?? undefined,
          sroiTenderReference: common.sroiTenderReference ?? undefined,
        });
      }
      showSuccess(vacancy ? 'De vacature is bijgewerkt.' : 'De vacature is opgeslagen als concept.');
      onSaved(saved);
    } catch (error) {
      showFormError(form, error, { reload });
    }
  });

  const occupationOptions = suggestions.data ?? [];
  const certificateOptions = (certificates.data ?? []).map((certificate) => ({
    value: certificate.code,
    label: certificate.name,
  }));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={submit} noValidate aria-label="Vacature">
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack>
              <Fieldset legend="Werkgever en functie">
                <Stack gap="sm">
                  <Select
                    label="Werkgever"
                    required
                    searchable
                    disabled={vacancy !== null}
                    onSearchChange={setEmployerSearch}
                    filter={({ options }) => options}
                    nothingFoundMessage="Geen werkgever gevonden"
                    data={[...employerOptions].map(([value, label]) => ({ value, label }))}
                    {...form.getInputProps('employerId')}
                    onChange={(value: string | null) => {
                      form.setFieldValue('employerId', value ?? '');
                      const employer = employers.data?.items.find((candidate) => candidate.id === value);
                      if (employer) setChosenEmployer({ id: employer.id, name: employer.name });
                      if (employer && !form.getValues().workplacePostcode)
                        form.setFieldValue('workplacePostcode', employer.address.postcode);
                    }}
                  />
                  <TextInput
                    label="Functietitel"
                    description="Zoals de werkgever hem noemt"
                    required
                    {...form.getInputProps('title')}
                    onBlur={takeHoursFromTitle}
                  />
                  <Radio.Group
                    label="Beroep (ESCO)"
                    description={
                      vacancy && !vacancy.occupationConfirmed && !values.occupationUri
                        ? 'Nog niet bevestigd: kies het passende beroep.'
                        : 'Kies het beroep dat bij de titel past; zonder keuze wordt het beste voorstel bewaard.'
                    }
                    value={values.occupationUri}
                    onChange={(value) => form.setFieldValue('occupationUri', value)}
                  >
                    <Stack gap={4} mt={4} data-testid="occupation-suggestions">
                      {occupationOptions.length === 0 && (
                        <Text size="sm">
                          {title.trim().length < 3 ? 'Typ de titel voor voorstellen.' : 'Geen beroep gevonden.'}
                        </Text>
                      )}
                      {occupationOptions.map((occupation) => (
                        <Radio
                          key={occupation.uri}
                          value={occupation.uri}
                          label={`${occupation.label}${
                            occupation.matchedLabel !== occupation.label ? ` (via “${occupation.matchedLabel}”)` : ''
                          }`}
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                  <Textarea label="Omschrijving" autosize minRows={2} {...form.getInputProps('description')} />
                </Stack>
              </Fieldset>

              <Fieldset legend="Harde eisen">
                <Stack gap="sm">
                  <MultiSelect
                    label="Rijbewijzen"
                    description="CE omvat C en B"
                    data={DRIVING_LICENCES}
                    searchable
                    clearable
                    {...form.getInputProps('drivingLicences')}
                  />
                  <MultiSelect
                    label="Certificaten"
                    data={certificateOptions}
                    searchable
                    clearable
                    {...form.getInputProps('certificates')}
                  />
                  <Group grow align="flex-start">
                    <Select
                      label="Nederlands minimaal"
                      clearable
                      data={DUTCH_LEVELS.map((level) => ({ value: level, label: level }))}
                      {...form.getInputProps('minDutchLevel')}
                      onChange={(value: string | null) => form.setFieldValue('minDutchLevel', value ?? '')}
                    />
                    <Select
                      label="Opleiding minimaal"
                      clearable
                      data={Object.entries(EDUCATION_LABELS).map(([value, label]) => ({ value, label }))}
                      {...form.getInputProps('minEducationLevel')}
                      onChange={(value: string | null) => form.setFieldValue('minEducationLevel', value ?? '')}
                    />
                  </Group>
                  <SkillPicker
                    label="Vereiste vaardigheden"
                    value={values.requiredSkillUris}
                    onChange={(uris) => form.setFieldValue('requiredSkillUris', uris)}
                    error={form.errors.requiredSkillUris}
                  />
                </Stack>
              </Fieldset>

              <Fieldset legend="Wensen">
                <Stack gap="sm">
                  <SkillPicker
                    label="Gewenste vaardigheden"
                    value={values.preferredSkillUris}
                    onChange={(uris) => form.setFieldValue('preferredSkillUris', uris)}
                    error={form.errors.preferredSkillUris}
                  />
                  <NumberInput
                    label="Gewenste jaren ervaring"
                    min={0}
                    max={50}
                    allowDecimal={false}
                    w={220}
                    {...form.getInputProps('experienceYearsWish')}
                  />
                </Stack>
              </Fieldset>

              <Fieldset legend="Uren en diensten">
                <Stack gap="sm">
                  <Group grow align="flex-start">
                    <NumberInput
                      label="Uren per week van"
                      required
                      min={1}
                      max={60}
                      allowDecimal={false}
                      {...form.getInputProps('hoursMin')}
                      onChange={(value: number | string) => {
                        setHoursTouched(true);
                        form.setFieldValue('hoursMin', value);
                      }}
                    />
                    <NumberInput
                      label="Uren per week tot"
                      required
                      min={1}
                      max={60}
                      allowDecimal={false}
                      {...form.getInputProps('hoursMax')}
                      onChange={(value: number | string) => {
                        setHoursTouched(true);
                        form.setFieldValue('hoursMax', value);
                      }}
                    />
                  </Group>
                  <Checkbox.Group label="Diensten" {...form.getInputProps('shifts')}>
                    <Group mt={4}>
                      {Object.entries(SHIFT_LABELS).map(([value, label]) => (
                        <Checkbox key={value} value={value} label={label} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                </Stack>
              </Fieldset>

              <Fieldset legend="Werkplek">
                <Stack gap="sm">
                  <Group grow align="flex-start">
                    <TextInput
                      label="Postcode werkplek"
                      required
                      {...form.getInputProps('workplacePostcode')}
                      error={
                        form.errors.workplacePostcode ?? (place.isError ? 'Deze postcode kennen we niet.' : undefined)
                      }
                    />
                    <NumberInput
                      label="Maximale reisafstand (km)"
                      description="Leeg: geen grens van de werkgever"
                      min={1}
                      max={300}
                      allowDecimal={false}
                      {...form.getInputProps('maxTravelKm')}
                    />
                  </Group>
                  <Text size="sm" aria-live="polite">
                    {place.data
                      ? `Werkplek in ${place.data.municipality}, arbeidsmarktregio ${place.data.region}`
                      : selectedEmployer
                        ? `Werkgever zit in ${selectedEmployer.address.municipality}`
                        : ''}
                  </Text>
                </Stack>
              </Fieldset>

              <Fieldset legend="Start, plaatsen en contract">
                <Stack gap="sm">
                  <Group grow align="flex-start">
                    <TextInput label="Startdatum" type="date" required {...form.getInputProps('startDate')} />
                    <NumberInput
                      label="Aantal plaatsen"
                      required
                      min={1}
                      max={500}
                      allowDecimal={false}
                      {...form.getInputProps('positions')}
                    />
                  </Group>
                  <Group grow align="flex-start">
                    <Select
                      label="Contract"
                      required
                      data={Object.entries(CONTRACT_LABELS).map(([value, label]) => ({ value, label }))}
                      {...form.getInputProps('contractType')}
                      onChange={(value: string | null) => form.setFieldValue('contractType', value ?? '')}
                    />
                    {values.contractType === 'FIXED_TERM' ? (
                      <NumberInput
                        label="Looptijd (maanden)"
                        required
                        min={1}
                        max={60}
                        allowDecimal={false}
                        {...form.getInputProps('contractMonths')}
                      />
                    ) : (
                      <div />
                    )}
                  </Group>
                  <Checkbox
                    label="Staat open voor doelgroep 50-80 (loonkostensubsidie)"
                    {...form.getInputProps('openToReducedWageValue', { type: 'checkbox' })}
                  />
                  <Checkbox.Group label="Geaccepteerde instrumenten" {...form.getInputProps('instruments')}>
                    <Group mt={4}>
                      {Object.entries(INSTRUMENT_LABELS).map(([value, label]) => (
                        <Checkbox key={value} value={value} label={label} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <Group align="flex-end">
                    <Checkbox
                      label="Uit een SROI-clausule (social return)"
                      {...form.getInputProps('sroi', { type: 'checkbox' })}
                      mb={8}
                    />
                    {values.sroi && (
                      <TextInput label="Kenmerk aanbesteding" required {...form.getInputProps('sroiTenderReference')} />
                    )}
                  </Group>
                </Stack>
              </Fieldset>
              {!readOnly && (
                <Group justify="flex-end">
                  <Button type="submit" loading={create.isPending || update.isPending}>
                    {vacancy ? 'Wijzigingen opslaan' : 'Vacature opslaan'}
                  </Button>
                </Group>
              )}
            </Stack>
          </fieldset>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <div style={{ position: 'sticky', top: 76 }}>
          {mayPreview ? (
            <SupplyPreview
              preview={preview.data}
              pending={preview.isFetching}
              error={preview.error}
              incomplete={missing}
            />
          ) : (
            <Text size="sm">Het aanbod zien sales, matchers en managers.</Text>
          )}
        </div>
      </Grid.Col>
    </Grid>
  );
}
