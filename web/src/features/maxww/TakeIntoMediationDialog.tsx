import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '@app/api-client';
import { showFormError } from '@app/forms/api-form';
import { showSuccess } from '@app/errors/show-error';
import { queryKeys } from '@app/query-keys';
import { useTakeIntoMediation, useWwClientSearch } from './mediation-queries';
import { todayInNetherlands } from '@app/dates';

/**
 * "In bemiddeling nemen": a WW client, the start and the day the client agreed (mediation is
 * voluntary); the adviser is you. The API checks the triage: a client routed to the UWV adviser is refused.
 */
export function TakeIntoMediationDialog({
  opened,
  onClose,
  preselectedId,
}: {
  opened: boolean;
  onClose: () => void;
  preselectedId?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const clients = useWwClientSearch(debounced);
  const preselected = useQuery({
    queryKey: queryKeys.candidates.detail(preselectedId ?? ''),
    queryFn: () => unwrap(api.GET('/api/candidates/{id}', { params: { path: { id: preselectedId ?? '' } } })),
    enabled: preselectedId !== undefined,
  });
  const takeIn = useTakeIntoMediation();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      candidateId: preselectedId ?? '',
      startedOn: todayInNetherlands(),
      clientAgreedOn: todayInNetherlands(),
    },
    validate: {
      candidateId: (value) => (value ? null : 'Kies een klant.'),
      startedOn: (value) => (value ? null : 'Vul de startdatum in.'),
      clientAgreedOn: (value) => (value ? null : 'Vul in wanneer de klant akkoord gaf.'),
    },
  });

  const options = new Map<string, string>();
  const pre = preselected.data;
  if (pre && 'sourceReference' in pre) options.set(pre.id, `${pre.name ?? 'Onbekend'} (${pre.sourceReference})`);
  for (const client of clients.data?.items ?? []) {
    options.set(client.id, `${client.name ?? 'Onbekend'} (${client.sourceReference})`);
  }

  const submit = form.onSubmit(async (values) => {
    try {
      const mediation = await takeIn.mutateAsync(values);
      showSuccess(`${mediation.candidateName ?? 'De klant'} is in bemiddeling genomen.`);
      form.reset();
      setSearch('');
      onClose();
    } catch (error) {
      showFormError(form, error);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title="In bemiddeling nemen">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label="Klant"
            description="Zoek een WW-klant op naam of klantnummer"
            searchable
            required
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={clients.isFetching ? 'Zoeken…' : 'Geen WW-klant gevonden'}
            data={[...options].map(([value, label]) => ({ value, label }))}
            filter={({ options: all }) => all}
            {...form.getInputProps('candidateId')}
          />
          <TextInput type="date" label="Startdatum" required {...form.getInputProps('startedOn')} />
          <TextInput
            type="date"
            label="Akkoord klant op"
            description="Deelname is vrijwillig: de dag dat de klant akkoord gaf"
            required
            {...form.getInputProps('clientAgreedOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={takeIn.isPending}>
              In bemiddeling nemen
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
