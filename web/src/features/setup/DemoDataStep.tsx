import { Button, Group, List, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { showFormError } from '@app/forms/api-form';
import { useJobProgress, useStartDemoData } from './setup-queries';

const MIN_PASSWORD_LENGTH = 12;

/** Optional: the demo users (one per role and organisation) with a password chosen here, then the rest as a job. */
export function DemoDataStep({ onNext }: { onNext: () => void }) {
  const start = useStartDemoData();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJobProgress('demo', jobId);
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
      setJobId(await start.mutateAsync(values.password));
    } catch (error) {
      showFormError(form, error);
    }
  });
  const state = job.data?.state;
  return (
    <Stack mt="md">
      <Text>
        Demodata maakt twee eenheden en per organisatie één gebruiker per rol (zoals matcher.uwv@example.org), en met de
        referentiedata ook werkgevers, vacatures, 300 kandidaten, voorstellen en plaatsingen. Alleen voor uitproberen.
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <PasswordInput
            label="Wachtwoord voor de demogebruikers"
            required
            autoComplete="new-password"
            w={320}
            disabled={jobId !== null}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} disabled={jobId !== null}>
            Demodata laden
          </Button>
        </Group>
      </form>
      {jobId && (
        <Stack gap={4}>
          <Progress
            value={job.data?.progress ?? 0}
            aria-label="Voortgang demodata"
            size="lg"
            color={state === 'failed' ? 'red' : state === 'done' ? 'teal' : 'blue'}
          />
          <Text size="sm" aria-live="polite">
            {state === 'done'
              ? 'Klaar.'
              : state === 'failed'
                ? `Mislukt: ${job.data?.error ?? ''}`
                : `Bezig: ${job.data?.progress ?? 0}%`}
          </Text>
          {state === 'done' && (
            <List size="sm">
              {job.data!.lines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
      <div>
        <Button onClick={onNext} variant={state === 'done' || jobId === null ? 'filled' : 'default'}>
          {jobId === null ? 'Overslaan' : 'Verder'}
        </Button>
      </div>
    </Stack>
  );
}
