import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { ApiError } from '@app/errors/api-error';
import { fieldMessage } from '@app/errors/messages';
import { showFormError } from '@app/forms/api-form';
import { showSuccess } from '@app/errors/show-error';
import { useCurrentUser } from '@app/session';
import { useCreateEmployer, useEmployerByKvk, usePlace, useUpdateEmployer, type Employer } from './sales-queries';

interface Contact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

interface Values extends Record<string, unknown> {
  name: string;
  kvkNumber: string;
  sector: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  contacts: Contact[];
  notes: string;
}

const EMPTY_CONTACT: Contact = { name: '', role: '', phone: '', email: '' };

/** The API's nested field names (address.postcode, contacts.0.phone) at the form's fields. */
const FIELDS: Record<string, string> = {
  'address.street': 'street',
  'address.houseNumber': 'houseNumber',
  'address.postcode': 'postcode',
  'address.city': 'city',
};

/**
 * Register or edit an employer: the KvK number checked as it is typed (8 digits, not yet registered),
 * the postcode resolved to place and region as it is typed, the contact persons as a list.
 */
export function EmployerForm({
  employer,
  onDone,
  reload,
}: {
  employer: Employer | null;
  onDone: (employer: Employer) => void;
  reload?: () => void;
}) {
  const me = useCurrentUser().user;
  const create = useCreateEmployer();
  const update = useUpdateEmployer();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: employer?.name ?? '',
      kvkNumber: employer?.kvkNumber ?? '',
      sector: employer?.sector ?? '',
      street: employer?.address.street ?? '',
      houseNumber: employer?.address.houseNumber ?? '',
      postcode: employer?.address.postcode ?? '',
      city: employer?.address.city ?? '',
      contacts: employer?.contacts.map(({ name, role, phone, email }) => ({ name, role, phone, email })) ?? [],
      notes: employer?.notes ?? '',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Vul de naam in.'),
      kvkNumber: (value) => (/^[0-9]{8}$/.test(value) ? null : 'Een KvK-nummer heeft precies 8 cijfers.'),
      sector: (value) => (value.trim() ? null : 'Vul de sector in.'),
      street: (value) => (value.trim() ? null : 'Vul de straat in.'),
      houseNumber: (value) => (value.trim() ? null : 'Vul het huisnummer in.'),
      postcode: (value) =>
        /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/.test(value.trim()) ? null : 'Vul een postcode in als 3311 AB.',
      city: (value) => (value.trim() ? null : 'Vul de plaats in.'),
    },
  });
  const values = form.getValues();
  const [kvk] = useDebouncedValue(values.kvkNumber.trim(), 300);
  const existing = useEmployerByKvk(kvk);
  const takenBy = existing.data && existing.data.id !== employer?.id ? existing.data : null;
  const [postcode] = useDebouncedValue(values.postcode, 300);
  const place = usePlace(postcode);

  const submit = form.onSubmit(async (input) => {
    const address = {
      street: input.street.trim(),
      houseNumber: input.houseNumber.trim(),
      postcode: input.postcode.trim(),
      city: input.city.trim() || place.data?.municipality || '',
    };
    const body = {
      name: input.name,
      kvkNumber: input.kvkNumber.trim(),
      sector: input.sector,
      address,
      contacts: input.contacts,
      notes: input.notes,
    };
    try {
      const saved = employer
        ? await update.mutateAsync({ id: employer.id, version: employer.version, ...body })
        : await create.mutateAsync({ ...body, accountManagerId: me.id });
      showSuccess(employer ? `${saved.name} is bijgewerkt.` : `${saved.name} is geregistreerd.`);
      onDone(saved);
    } catch (error) {
      showFormError(form, error, { fields: FIELDS, reload });
      // A contact person's field errors ("contacts.1.email") at that person's field.
      if (error instanceof ApiError)
        for (const [path, message] of Object.entries(error.fieldErrors))
          if (/^contacts\.\d+\.\w+$/.test(path)) form.setFieldError(path, fieldMessage(message));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Naam" required {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <TextInput
            label="KvK-nummer"
            required
            inputMode="numeric"
            maxLength={8}
            description={
              takenBy
                ? undefined
                : /^[0-9]{8}$/.test(values.kvkNumber) && existing.isSuccess
                  ? 'Nog niet geregistreerd.'
                  : '8 cijfers'
            }
            {...form.getInputProps('kvkNumber')}
            error={
              form.errors.kvkNumber ??
              (takenBy ? (
                <>
                  Al geregistreerd: <Link to={`/werkgevers/${takenBy.id}`}>{takenBy.name}</Link>
                </>
              ) : undefined)
            }
          />
          <TextInput label="Sector" required {...form.getInputProps('sector')} />
        </Group>
        <Fieldset legend="Adres">
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput label="Straat" required {...form.getInputProps('street')} />
              <TextInput label="Huisnummer" required {...form.getInputProps('houseNumber')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label="Postcode"
                required
                {...form.getInputProps('postcode')}
                onBlur={() => {
                  if (!form.getValues().city && place.data) form.setFieldValue('city', place.data.municipality);
                }}
                error={form.errors.postcode ?? (place.isError ? 'Deze postcode kennen we niet.' : undefined)}
              />
              <TextInput label="Plaats" required {...form.getInputProps('city')} />
            </Group>
            <Text size="sm" aria-live="polite" data-testid="employer-place">
              {place.data
                ? `Gemeente ${place.data.municipality}, arbeidsmarktregio ${place.data.region}`
                : 'Gemeente en regio volgen uit de postcode.'}
            </Text>
          </Stack>
        </Fieldset>
        <Fieldset legend="Contactpersonen">
          <Stack gap="xs">
            {values.contacts.length === 0 && <Text size="sm">Nog geen contactpersoon.</Text>}
            {values.contacts.map((_, index) => (
              <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={`Naam contactpersoon ${index + 1}`}
                  {...form.getInputProps(`contacts.${index}.name`)}
                />
                <TextInput label="Functie" {...form.getInputProps(`contacts.${index}.role`)} />
                <TextInput label="Telefoon" type="tel" {...form.getInputProps(`contacts.${index}.phone`)} />
                <TextInput label="E-mail" type="email" {...form.getInputProps(`contacts.${index}.email`)} />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={`Contactpersoon ${index + 1} verwijderen`}
                  onClick={() => form.removeListItem('contacts', index)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('contacts', { ...EMPTY_CONTACT })}>
                Contactpersoon toevoegen
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Textarea label="Notities" autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending} disabled={takenBy !== null}>
            {employer ? 'Opslaan' : 'Registreren'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
