import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ALL_ROLES, ROLE_LABELS } from '@app/access';
import { showFormError } from '@app/forms/api-form';
import { showSuccess } from '@app/errors/show-error';
import { useUnits } from '../units/units-queries';
import {
  useCreateUser,
  useOrganisations,
  useReloadUsers,
  useResetPassword,
  useUpdateUser,
  type User,
} from './users-queries';

/** The API's minimum (MIN_PASSWORD_LENGTH); the API checks it again. */
const MIN_PASSWORD_LENGTH = 12;

/** Create a user, or change one's name, organisation, unit and roles (with the version read: 409 when stale). */
export function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const units = useUnits();
  const organisations = useOrganisations();
  const create = useCreateUser();
  const update = useUpdateUser();
  const reload = useReloadUsers();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      organisation: user?.organisation ?? '',
      unitId: user?.unitId ?? '',
      roles: user?.roles ?? [],
      password: '',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Vul een naam in.'),
      email: (value) => (user || /^\S+@\S+\.\S+$/.test(value) ? null : 'Vul een geldig e-mailadres in.'),
      organisation: (value) => (value ? null : 'Kies een organisatie.'),
      unitId: (value) => (value ? null : 'Kies een eenheid.'),
      roles: (value) => (value.length > 0 ? null : 'Kies minstens één rol.'),
      password: (value) =>
        user || value.length >= MIN_PASSWORD_LENGTH ? null : `Gebruik minstens ${MIN_PASSWORD_LENGTH} tekens.`,
    },
  });

  const submit = form.onSubmit(async (values) => {
    const organisation = values.organisation as User['organisation'];
    const roles = values.roles;
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          version: user.version,
          name: values.name,
          organisation,
          unitId: values.unitId,
          roles,
        });
        showSuccess(`${values.name} is gewijzigd.`);
      } else {
        await create.mutateAsync({
          name: values.name,
          email: values.email,
          organisation,
          unitId: values.unitId,
          roles,
          password: values.password,
        });
        showSuccess(`${values.name} is aangemaakt en kan zich aanmelden.`);
      }
      onDone();
    } catch (error) {
      showFormError(form, error, {
        reload: () => {
          reload();
          onDone();
        },
      });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Naam" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="E-mailadres"
            type="email"
            required
            disabled={user !== null}
            {...form.getInputProps('email')}
          />
          <Select
            label="Organisatie"
            required
            data={(organisations.data ?? []).map((organisation) => ({
              value: organisation.code,
              label: organisation.name,
            }))}
            {...form.getInputProps('organisation')}
          />
          <Select
            label="Eenheid"
            required
            searchable
            data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            {...form.getInputProps('unitId')}
          />
        </SimpleGrid>
        <Checkbox.Group label="Rollen" required {...form.getInputProps('roles')}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs">
            {ALL_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {user ? (
          <Text size="sm" c="dimmed">
            Andere rollen of een andere organisatie gaan meteen in: de gebruiker moet zich opnieuw aanmelden.
          </Text>
        ) : (
          <PasswordInput
            label="Wachtwoord"
            description={`Minstens ${MIN_PASSWORD_LENGTH} tekens; geef het de gebruiker veilig door.`}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={form.submitting}>
            {user ? 'Opslaan' : 'Gebruiker aanmaken'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const reset = useResetPassword();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: {
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : `Gebruik minstens ${MIN_PASSWORD_LENGTH} tekens.`,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await reset.mutateAsync({ id: user.id, password: values.password });
      showSuccess(`${user.name} heeft een nieuw wachtwoord; hun sessies zijn beëindigd.`);
      onDone();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">Een nieuw wachtwoord voor {user.name} beëindigt al hun sessies.</Text>
        <PasswordInput
          label="Nieuw wachtwoord"
          required
          autoComplete="new-password"
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={form.submitting}>
            Wachtwoord instellen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
