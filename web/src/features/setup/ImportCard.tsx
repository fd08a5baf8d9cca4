import { Alert, Button, FileInput, Group, List, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { describeError, fieldMessage } from '@app/errors/messages';
import { ApiError } from '@app/errors/api-error';
import { useJobProgress, useStartImport } from './setup-queries';

/** One import (ESCO or places): from a folder on the server or an uploaded zip, with the job's progress. */
export function ImportCard(props: {
  kind: 'esco' | 'places';
  title: string;
  description: string;
  defaultFolder: string;
  onDone: () => void;
}) {
  const { kind, onDone } = props;
  const [folder, setFolder] = useState(props.defaultFolder);
  const [zip, setZip] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ field: 'folder' | 'file' | null; text: string } | null>(null);
  const start = useStartImport(kind);
  const job = useJobProgress(kind, jobId);
  const headingId = useId();
  const state = job.data?.state;

  useEffect(() => {
    if (state === 'done') onDone();
  }, [state, onDone]);

  const run = async (source: { folder: string } | { zip: File }): Promise<void> => {
    setProblem(null);
    try {
      setJobId(await start.mutateAsync(source));
    } catch (error) {
      const field = 'folder' in source ? 'folder' : 'file';
      const message = error instanceof ApiError ? error.fieldErrors[field] : undefined;
      setProblem({ field: message ? field : null, text: message ? fieldMessage(message) : describeError(error) });
    }
  };

  const busy = start.isPending || state === 'queued' || state === 'running';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {props.title}
        </Title>
        <Text size="sm">{props.description}</Text>
        <Group align="flex-end">
          <TextInput
            label="Map op de server"
            value={folder}
            onChange={(event) => setFolder(event.currentTarget.value)}
            error={problem?.field === 'folder' ? problem.text : undefined}
            w={340}
          />
          <Button onClick={() => void run({ folder })} disabled={busy || !folder.trim()}>
            Importeren uit map
          </Button>
        </Group>
        <Group align="flex-end">
          <FileInput
            label="Of een zipbestand"
            accept=".zip,application/zip"
            value={zip}
            onChange={setZip}
            clearable
            clearButtonProps={{ 'aria-label': 'Gekozen bestand weghalen' }}
            error={problem?.field === 'file' ? problem.text : undefined}
            w={340}
          />
          <Button variant="default" onClick={() => zip && void run({ zip })} disabled={busy || !zip}>
            Zip uploaden
          </Button>
        </Group>
        {problem?.field === null && (
          <Alert color="red" role="alert">
            {problem.text}
          </Alert>
        )}
        {jobId && (
          <Stack gap={4}>
            <Progress
              value={job.data?.progress ?? 0}
              color={state === 'failed' ? 'red' : state === 'done' ? 'teal' : 'blue'}
              aria-label={`Voortgang ${props.title}`}
              animated={state === 'running'}
              size="lg"
            />
            <Text size="sm" aria-live="polite">
              {state === 'done'
                ? 'Klaar.'
                : state === 'failed'
                  ? `Mislukt: ${job.data?.error ?? 'onbekende fout'}. Er is niets veranderd.`
                  : state === 'running'
                    ? `Bezig: ${job.data?.progress ?? 0}%`
                    : 'In de wachtrij…'}
            </Text>
            {state === 'done' && (job.data?.lines.length ?? 0) > 0 && (
              <List size="sm">
                {job.data!.lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            )}
            {job.isError && <Text size="sm">{describeError(job.error)}</Text>}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
