import { Button, FileInput, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { describeError, fieldMessage } from '@app/errors/messages';
import { showFormError } from '@app/forms/api-form';
import { useImportJob, useStartImport, type Pool } from './candidates-queries';
import { POOL_LABELS } from './labels';

const STATUS_TEXT: Record<string, string> = {
  QUEUED: 'In de wachtrij',
  RUNNING: 'Bezig',
  DONE: 'Klaar',
  FAILED: 'Mislukt',
};

const LAYOUT_HINT: Record<Pool, string> = {
  WW: 'UWV-export: klantnummer, bsn, naam, postcode, einddatum_ww, uren_min, uren_max (verplicht), en verder o.a. telefoonnummer, emailadres, wajong, rijbewijzen, certificaten, werkervaring.',
  BIJSTAND:
    'Gemeente-export: clientnummer, bsn, naam, postcode, uren_min, uren_max (verplicht), en verder o.a. klantprofiel, doelgroepregister, telefoon, email, rijbewijzen, certificaten.',
};

/** Bulk import of a pool from the source system's CSV, with the job's progress and each refused line. */
export default function ImportPage() {
  const start = useStartImport();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const form = useForm<{ pool: string; file: File | null }>({
    mode: 'controlled',
    initialValues: { pool: '', file: null },
    validate: {
      pool: (value) => (value ? null : 'Kies het bestand (WW of Bijstand).'),
      file: (value) => (value ? null : 'Kies een CSV-bestand.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const started = await start.mutateAsync({ pool: values.pool as Pool, file: values.file! });
      setJobId(started.id);
    } catch (error) {
      showFormError(form, error);
    }
  });
  const running = job.data && ['QUEUED', 'RUNNING'].includes(job.data.status);

  return (
    <Stack maw={960}>
      <Title order={1}>Kandidaten importeren</Title>
      <Text size="sm" c="dimmed">
        Lees een export uit het bronsysteem in. Bestaande kandidaten (zelfde klantnummer) worden bijgewerkt; regels met
        fouten worden geweigerd en hieronder per regel getoond.
      </Text>
      <form onSubmit={submit} aria-label="Import starten" noValidate>
        <Stack>
          <Group align="flex-start">
            <Select
              label="Bestand"
              w={220}
              data={Object.entries(POOL_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('pool')}
            />
            <FileInput
              label="CSV-bestand"
              accept=".csv,text/csv"
              placeholder="Kies een bestand"
              w={320}
              clearable
              clearButtonProps={{ 'aria-label': 'Bestand wissen' }}
              {...form.getInputProps('file')}
            />
          </Group>
          {form.values.pool && (
            <Text size="xs" c="dimmed">
              {LAYOUT_HINT[form.values.pool as Pool]} Scheidingsteken ; of , — lijsten in een cel met |.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={start.isPending} disabled={Boolean(running)}>
              Import starten
            </Button>
          </Group>
        </Stack>
      </form>
      {job.isError && <Text role="alert">{describeError(job.error)}</Text>}
      {job.data && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-result-title">
          <Stack>
            <Title order={2} size="h3" id="import-result-title">
              Import: {STATUS_TEXT[job.data.status] ?? job.data.status}
            </Title>
            <Progress value={job.data.progress} aria-label="Voortgang van de import" />
            <Text size="sm" aria-live="polite">
              {job.data.processedRows}
              {job.data.totalRows !== null ? ` van ${job.data.totalRows}` : ''} regels verwerkt ({job.data.progress}%):{' '}
              {job.data.inserted} nieuw, {job.data.updated} bijgewerkt, {job.data.unchanged} ongewijzigd,{' '}
              {job.data.failed} geweigerd.
            </Text>
            {job.data.failureReason && (
              <Text size="sm" role="alert">
                De import is mislukt: {job.data.failureReason}
              </Text>
            )}
            {job.data.errors.length > 0 && (
              <Table withTableBorder striped>
                <caption style={{ textAlign: 'left' }}>Geweigerde regels</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Regel</Table.Th>
                    <Table.Th scope="col">Kolom</Table.Th>
                    <Table.Th scope="col">Reden</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {job.data.errors.map((error, index) => (
                    <Table.Tr key={`${error.row}-${error.field}-${index}`}>
                      <Table.Td>{error.row}</Table.Td>
                      <Table.Td>{error.field}</Table.Td>
                      <Table.Td>{fieldMessage(error.reason)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
