import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '@app/errors/api-error';
import { describeError } from '@app/errors/messages';
import { showFormError } from '@app/forms/api-form';
import { SETUP_PATH, useSetupOpen, type ReturnState } from '@app/routes';
import { useSession } from '@app/session';

export default function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const setupOpen = useSetupOpen();
  const from = (location.state as ReturnState | null)?.from ?? '/';
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : 'Vul je e-mailadres in.'),
      password: (value) => (value ? null : 'Vul je wachtwoord in.'),
    },
  });

  useEffect(() => {
    document.title = 'Aanmelden · Matching';
  }, []);

  if (session.state.status === 'signed-in') return <Navigate to={from} replace />;
  if (setupOpen) return <Navigate to={SETUP_PATH} replace />;

  const submit = form.onSubmit(async (values) => {
    try {
      await session.signIn(values.email, values.password);
    } catch (error) {
      // Wrong e-mail or password: one message, at the form, like the API (no hint which was wrong).
      if (error instanceof ApiError && (error.status === 401 || error.status === 429)) {
        form.setErrors({ password: describeError(error) });
      } else showFormError(form, error);
    }
  });

  const ended = session.state.status === 'signed-out' && session.state.ended;
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Aanmelden
            </Title>
            {ended && (
              <Alert color="orange" title="Je sessie is beëindigd" role="status">
                Meld je opnieuw aan; daarna ga je verder waar je was.
              </Alert>
            )}
            <TextInput
              label="E-mailadres"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Wachtwoord"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              Aanmelden
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
