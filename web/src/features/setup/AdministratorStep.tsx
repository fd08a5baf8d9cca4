import { Button, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showFormError } from '@app/forms/api-form';
import { useSession } from '@app/session';
import { useCreateAdministrator } from './setup-queries';

const ORGANISATIONS = [
  { value: 'UWV', label: 'UWV' },
  { value: 'MUNICIPALITY', label: 'Gemeente (sociale dienst)' },
  { value: 'STAFFING_FIRM', label: 'Uitzendbureau' },
];
const MIN_PASSWORD_LENGTH = 12;

export function AdministratorStep({ onCreated }: { onCreated: () => void }) {
  const session = useSession();
  const create = useCreateAdministrator();
  const form = useForm({
    mode: 'controlled',
    initialValues: { setupToken: '', name: '', email: '', password: '', organisation: '', unitName: 'Beheer' },
    validate: {
      setupToken: (value) => (value.trim() ? null : 'Vul het set-up-token in.'),
      name: (value) => (value.trim() ? null : 'Vul je naam in.'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : 'Vul een geldig e-mailadres in.'),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : `Gebruik minstens ${MIN_PASSWORD_LENGTH} tekens.`,
      organisation: (value) => (value ? null : 'Kies een organisatie.'),
      unitName: (value) => (value.trim() ? null : 'Vul een eenheid in.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const tokens = await create.mutateAsync({
        ...values,
        setupToken: values.setupToken.trim(),
        organisation: values.organisation as 'UWV' | 'MUNICIPALITY' | 'STAFFING_FIRM',
      });
      await session.startWith(tokens);
      onCreated();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack mt="md">
        <PasswordInput
          label="Set-up-token"
          description="Staat in de console van de service, na “SETUP TOKEN:”."
          required
          autoComplete="off"
          {...form.getInputProps('setupToken')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Naam" required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput
            label="E-mailadres"
            type="email"
            required
            autoComplete="username"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Wachtwoord"
            description={`Minstens ${MIN_PASSWORD_LENGTH} tekens`}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Select label="Organisatie" required data={ORGANISATIONS} {...form.getInputProps('organisation')} />
          <TextInput label="Eenheid" required {...form.getInputProps('unitName')} />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={form.submitting}>
            Beheerder aanmaken
          </Button>
        </div>
      </Stack>
    </form>
  );
}
