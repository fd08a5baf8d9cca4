import { Button, Group, Modal, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { describeError } from '@app/errors/messages';
import { showFormError } from '@app/forms/api-form';
import { showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { useCreateUnit, useUnits, useUpdateUnit, type Unit } from './units-queries';

/** Units: the teams users belong to and vacancies are worked in. */
export default function UnitsPage() {
  const units = useUnits();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Eenheden</Title>
        <Button onClick={() => setEditing('new')}>Nieuwe eenheid</Button>
      </Group>
      {units.isPending ? (
        <PageLoader />
      ) : units.isError ? (
        <p role="alert">{describeError(units.error)}</p>
      ) : (
        <DataTable
          caption="Eenheden"
          rows={units.data}
          rowKey={(unit) => unit.id}
          filterText={(unit) => `${unit.name} ${unit.focus}`}
          initialSort={{ key: 'name', direction: 'ascending' }}
          columns={[
            { key: 'name', header: 'Naam', render: (unit) => unit.name, sortValue: (unit) => unit.name },
            { key: 'focus', header: 'Focus', render: (unit) => unit.focus || '—', sortValue: (unit) => unit.focus },
            {
              key: 'actions',
              header: 'Acties',
              render: (unit) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(unit)}
                  aria-label={`${unit.name} wijzigen`}
                >
                  Wijzigen
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Nieuwe eenheid' : 'Eenheid wijzigen'}
      >
        {editing !== null && <UnitForm unit={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function UnitForm({ unit, onDone }: { unit: Unit | null; onDone: () => void }) {
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: unit?.name ?? '', focus: unit?.focus ?? '' },
    validate: { name: (value) => (value.trim() ? null : 'Vul een naam in.') },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      if (unit) await update.mutateAsync({ id: unit.id, ...values });
      else await create.mutateAsync(values);
      showSuccess(unit ? `Eenheid ${values.name} is gewijzigd.` : `Eenheid ${values.name} is aangemaakt.`);
      onDone();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Naam" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Focus"
          description="Bijvoorbeeld de sectoren of de regio van de eenheid"
          {...form.getInputProps('focus')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={form.submitting}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
