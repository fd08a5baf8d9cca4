import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { describeError } from '@app/errors/messages';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import {
  dutchToday,
  formatDate,
  formatNumber,
  formatPct,
  periodLabel,
  quarterFrom,
  TARGET_GROUPS,
} from './report-labels';
import {
  useReloadTargets,
  useSetTarget,
  useTargets,
  type TargetGroup,
  type UnitTargetOverview,
} from './reports-queries';

/** The periods a manager sets targets for: next quarter first (bottom-up, ahead of time), then the rest. */
function periodOptions(today: string) {
  const year = Number(today.slice(0, 4));
  const quarters = [1, 0, 2, 3].map((ahead) => quarterFrom(today, ahead));
  return [...quarters, String(year + 1), String(year)].map((period) => ({ value: period, label: periodLabel(period) }));
}

/** Targets per unit, set bottom-up for the next period, with last period's target and result beside each. */
export default function TargetsPage() {
  const options = periodOptions(dutchToday());
  const [period, setPeriod] = useState(options[0]!.value);
  const targets = useTargets(period);
  const [editing, setEditing] = useState<UnitTargetOverview | null>(null);

  const previous = targets.data?.units[0]?.previous.period;
  return (
    <Stack>
      <Title order={1}>Doelen</Title>
      <Text>
        Elke eenheid stelt haar groepsdoel voor de komende periode zelf voor; hier leg je het vast. Ernaast staat wat de
        eenheid de periode ervoor haalde.
      </Text>
      <Select
        label="Periode"
        w={240}
        allowDeselect={false}
        data={options}
        value={period}
        onChange={(value) => value && setPeriod(value)}
      />
      {targets.isPending ? (
        <PageLoader />
      ) : targets.isError ? (
        <Alert color="red" title="De doelen konden niet worden geladen">
          {describeError(targets.error)}
        </Alert>
      ) : (
        <DataTable
          caption={`Doelen ${periodLabel(period)}`}
          rows={targets.data.units}
          rowKey={(row) => row.unit.id}
          initialSort={{ key: 'unit', direction: 'ascending' }}
          columns={[
            { key: 'unit', header: 'Eenheid', render: (row) => row.unit.name, sortValue: (row) => row.unit.name },
            {
              key: 'previousTarget',
              header: `Doel ${previous ? periodLabel(previous) : 'vorige periode'}`,
              render: (row) => formatNumber(row.previous.target),
            },
            {
              key: 'previousResult',
              header: `Gehaald ${previous ? periodLabel(previous) : 'vorige periode'}`,
              render: (row) =>
                `${formatNumber(row.previous.counted)}${row.previous.target ? ` (${formatPct(row.previous.progressPct)})` : ''}`,
              sortValue: (row) => row.previous.counted,
            },
            {
              key: 'target',
              header: `Doel ${periodLabel(period)}`,
              render: (row) => formatNumber(row.target?.placements),
              sortValue: (row) => row.target?.placements ?? -1,
            },
            {
              key: 'split',
              header: 'Per doelgroep',
              render: (row) =>
                row.target?.byTargetGroup.length
                  ? row.target.byTargetGroup.map((group) => `${group.targetGroup}: ${group.placements}`).join(', ')
                  : '–',
            },
            {
              key: 'setBy',
              header: 'Vastgelegd door',
              render: (row) =>
                row.target ? `${row.target.setBy.name}, ${formatDate(row.target.setAt.slice(0, 10))}` : '–',
            },
            {
              key: 'actions',
              header: 'Acties',
              render: (row) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(row)}
                  aria-label={`Doel ${row.unit.name}`}
                >
                  {row.target ? 'Wijzigen' : 'Instellen'}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Doel ${editing.unit.name}, ${periodLabel(period)}` : ''}
      >
        {editing && <TargetForm row={editing} period={period} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

type GroupField = `group ${TargetGroup}`;
type TargetValues = { placements: number | string } & Record<GroupField, number | string>;

const groupField = (group: TargetGroup): GroupField => `group ${group}`;

function TargetForm({ row, period, onDone }: { row: UnitTargetOverview; period: string; onDone: () => void }) {
  const setTarget = useSetTarget();
  const reload = useReloadTargets();
  const split = new Map((row.target?.byTargetGroup ?? []).map((group) => [group.targetGroup, group.placements]));
  const form = useForm<TargetValues>({
    mode: 'controlled',
    initialValues: {
      placements: row.target?.placements ?? '',
      ...(Object.fromEntries(TARGET_GROUPS.map((group) => [groupField(group), split.get(group) ?? ''])) as Record<
        GroupField,
        number | string
      >),
    },
    validate: { placements: (value) => (value === '' ? 'Vul het aantal plaatsingen in.' : null) },
  });
  const submit = form.onSubmit(async (values) => {
    const byTargetGroup = TARGET_GROUPS.filter((group) => values[groupField(group)] !== '').map((group) => ({
      targetGroup: group,
      placements: Number(values[groupField(group)]),
    }));
    try {
      await setTarget.mutateAsync({
        unitId: row.unit.id,
        period,
        placements: Number(values.placements),
        byTargetGroup,
        ...(row.target ? { version: row.target.version } : {}),
      });
      showSuccess(`Doel van ${row.unit.name} voor ${periodLabel(period)} is vastgelegd.`);
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
        <Text size="sm">
          Vorige periode ({periodLabel(row.previous.period)}): doel {formatNumber(row.previous.target)}, gehaald{' '}
          {formatNumber(row.previous.counted)}.
        </Text>
        <NumberInput
          label="Aantal plaatsingen"
          min={0}
          max={100000}
          allowDecimal={false}
          allowNegative={false}
          required
          data-autofocus
          {...form.getInputProps('placements')}
        />
        <Text size="sm" fw={600}>
          Verdeling per doelgroep (optioneel; leeg is geen eigen doel)
        </Text>
        <SimpleGrid cols={2}>
          {TARGET_GROUPS.map((group) => (
            <NumberInput
              key={group}
              label={group}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(groupField(group))}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={setTarget.isPending}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
