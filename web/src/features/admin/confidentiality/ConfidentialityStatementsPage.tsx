import { Badge, Button, Group, Modal, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { useUnits } from '@features/admin/units/units-queries';
import { todayInNetherlands } from '@app/dates';
import {
  useRecordStatement,
  useRevokeStatement,
  useStaffingFirmUsers,
  useStatements,
  type Statement,
  type StatementFilters,
} from './statements-queries';

const SCOPE_LABELS: Record<Statement['scope'], string> = {
  MAX_WW: 'Max-WW-programma',
  UNIT: 'Eenheid',
};

const STATUS_OPTIONS = [
  { value: 'active', label: 'Actief' },
  { value: 'revoked', label: 'Ingetrokken' },
  { value: 'all', label: 'Alle' },
];

const formatDay = (day: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium' }).format(new Date(day));

/**
 * Geheimhoudingsverklaringen: the statements staffing-firm staff sign before they may see UWV's clients.
 * Scope Max-WW-programma opens the WW clients in the programme, scope Eenheid those whose adviser
 * works in that unit; without one a staffing-firm user sees a WW client only with the client's consent.
 */
export default function ConfidentialityStatementsPage() {
  const [userId, setUserId] = useState<string | null>(null);
  const [scope, setScope] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('active');
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<Statement | null>(null);
  const filters: StatementFilters = {
    userId: userId ?? undefined,
    scope: (scope as Statement['scope'] | null) ?? undefined,
    active: status === 'all' ? undefined : status === 'active',
  };
  const statements = useStatements(filters);
  const users = useStaffingFirmUsers();
  const userOptions = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.name} (${user.email})`,
  }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Geheimhoudingsverklaringen</Title>
        <Button onClick={() => setRecording(true)}>Verklaring vastleggen</Button>
      </Group>
      <Text size="sm">
        Medewerkers van het uitzendbureau zien UWV-klanten alleen met een getekende geheimhoudingsverklaring: voor het
        Max-WW-programma (klanten van wie de WW binnen de Max-WW-termijn eindigt of die in het programma zitten) of voor
        een eenheid (klanten met een klantregisseur in die eenheid). Intrekken beëindigt die inzage meteen.
      </Text>
      <Group align="flex-end">
        <Select
          label="Medewerker"
          placeholder="Alle medewerkers"
          data={userOptions}
          value={userId}
          onChange={setUserId}
          searchable
          clearable
        />
        <Select
          label="Reikwijdte"
          placeholder="Alle"
          data={Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={scope}
          onChange={setScope}
          clearable
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus(value ?? 'active')}
          allowDeselect={false}
        />
      </Group>
      {statements.isPending ? (
        <PageLoader />
      ) : statements.isError ? (
        <p role="alert">{describeError(statements.error)}</p>
      ) : (
        <DataTable
          caption="Geheimhoudingsverklaringen"
          rows={statements.data}
          rowKey={(statement) => statement.id}
          filterText={(statement) => `${statement.userName} ${statement.reference} ${statement.unitName ?? ''}`}
          initialSort={{ key: 'user', direction: 'ascending' }}
          columns={[
            {
              key: 'user',
              header: 'Medewerker',
              render: (statement) => statement.userName,
              sortValue: (statement) => statement.userName,
            },
            {
              key: 'scope',
              header: 'Reikwijdte',
              render: (statement) =>
                statement.scope === 'UNIT' ? `Eenheid ${statement.unitName ?? ''}` : SCOPE_LABELS.MAX_WW,
              sortValue: (statement) => `${statement.scope} ${statement.unitName ?? ''}`,
            },
            {
              key: 'signedOn',
              header: 'Getekend op',
              render: (statement) => formatDay(statement.signedOn),
              sortValue: (statement) => statement.signedOn,
            },
            {
              key: 'reference',
              header: 'Kenmerk',
              render: (statement) => statement.reference,
              sortValue: (statement) => statement.reference,
            },
            {
              key: 'recorded',
              header: 'Vastgelegd door',
              render: (statement) => statement.recordedByName,
              sortValue: (statement) => statement.recordedByName,
            },
            {
              key: 'status',
              header: 'Status',
              render: (statement) =>
                statement.active ? (
                  <Badge color="teal.9">Actief</Badge>
                ) : (
                  <Badge color="gray.8">
                    Ingetrokken{statement.revokedByName ? ` door ${statement.revokedByName}` : ''}
                  </Badge>
                ),
              sortValue: (statement) => (statement.active ? 0 : 1),
            },
            {
              key: 'actions',
              header: 'Acties',
              render: (statement) =>
                statement.active ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setRevoking(statement)}
                    aria-label={`Verklaring ${statement.reference} van ${statement.userName} intrekken`}
                  >
                    Intrekken
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <Modal opened={recording} onClose={() => setRecording(false)} title="Verklaring vastleggen">
        {recording && <StatementForm userOptions={userOptions} onDone={() => setRecording(false)} />}
      </Modal>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Verklaring intrekken">
        {revoking && <RevokeConfirmation statement={revoking} onDone={() => setRevoking(null)} />}
      </Modal>
    </Stack>
  );
}

function StatementForm({
  userOptions,
  onDone,
}: {
  userOptions: Array<{ value: string; label: string }>;
  onDone: () => void;
}) {
  const record = useRecordStatement();
  const units = useUnits();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      userId: '',
      signedOn: todayInNetherlands(),
      reference: '',
      scope: 'MAX_WW' as Statement['scope'],
      unitId: '',
    },
    validate: {
      userId: (value) => (value ? null : 'Kies een medewerker.'),
      signedOn: (value) => (value ? null : 'Vul de datum in.'),
      reference: (value) => (value.trim() ? null : 'Vul het kenmerk in.'),
      unitId: (value, values) => (values.scope === 'UNIT' && !value ? 'Kies een eenheid.' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({
        userId: values.userId,
        signedOn: values.signedOn,
        reference: values.reference,
        scope: values.scope,
        unitId: values.scope === 'UNIT' ? values.unitId : null,
      });
      showSuccess('De verklaring is vastgelegd.');
      onDone();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Medewerker van het uitzendbureau"
          data={userOptions}
          searchable
          required
          data-autofocus
          {...form.getInputProps('userId')}
        />
        <TextInput label="Getekend op" type="date" required {...form.getInputProps('signedOn')} />
        <TextInput
          label="Kenmerk"
          description="Waar de getekende verklaring bewaard is"
          required
          {...form.getInputProps('reference')}
        />
        <Radio.Group label="Reikwijdte" required {...form.getInputProps('scope')}>
          <Stack gap="xs" mt="xs">
            <Radio value="MAX_WW" label="Max-WW-programma" />
            <Radio value="UNIT" label="Eén eenheid" />
          </Stack>
        </Radio.Group>
        {form.values.scope === 'UNIT' && (
          <Select
            label="Eenheid"
            data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            required
            {...form.getInputProps('unitId')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={form.submitting}>
            Vastleggen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeConfirmation({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const revoke = useRevokeStatement();
  const confirm = async () => {
    try {
      await revoke.mutateAsync(statement.id);
      showSuccess(`De verklaring ${statement.reference} is ingetrokken.`);
      onDone();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Stack>
      <Text>
        {statement.userName} ziet daarna de UWV-klanten van deze verklaring (
        {statement.scope === 'UNIT' ? `eenheid ${statement.unitName ?? ''}` : 'Max-WW-programma'}) niet meer.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          Annuleren
        </Button>
        <Button color="red.9" onClick={() => void confirm()} loading={revoke.isPending}>
          Intrekken bevestigen
        </Button>
      </Group>
    </Stack>
  );
}
