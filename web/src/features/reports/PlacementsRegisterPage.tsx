import { Alert, Button, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Schema } from '@api/types';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import { useUnits } from '@features/admin/units/units-queries';
import {
  CONTRACT_LABELS,
  formatDate,
  INSTRUMENT_LABELS,
  ORGANISATION_LABELS,
  OUTFLOW_LABELS,
  POOL_LABELS,
  TARGET_GROUPS,
  targetGroupLabel,
} from './report-labels';
import {
  downloadRegisterCsv,
  usePlacementsRegister,
  REGISTER_PAGE_SIZE,
  type RegisterFilters,
  type RegisterItem,
} from './reports-queries';

type Filters = RegisterFilters;

/** A date on one line: 01-12-2026, not broken at its dashes. */
function NoWrap({ children }: { children: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

const options = <Code extends string>(labels: Record<Code, string>) =>
  (Object.entries(labels) as Array<[Code, string]>).map(([value, label]) => ({ value, label }));

const YES_NO = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

const SORTS: Array<{ value: Schema<'RegisterSort'>; label: string }> = [
  { value: '-startDate', label: 'Startdatum, nieuwste eerst' },
  { value: 'startDate', label: 'Startdatum, oudste eerst' },
  { value: '-endDate', label: 'Einddatum, laatste eerst' },
  { value: 'unit', label: 'Eenheid' },
  { value: 'employer', label: 'Werkgever' },
  { value: 'targetGroup', label: 'Doelgroep' },
  { value: 'candidate', label: 'Kandidaat' },
];

/** The placements register: filtered, sorted and paged by the API, and exported as CSV with the same filters. */
export default function PlacementsRegisterPage() {
  const { user } = useCurrentUser();
  const mayExport = user.roles.includes('MANAGER') || user.roles.includes('ADMIN');
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState(false);
  const register = usePlacementsRegister(filters, offset);
  const units = useUnits();

  const setFilter = <Key extends keyof Filters>(key: Key, value: Filters[Key] | undefined) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setOffset(0);
  };
  const selectProps = (label: string, key: keyof Filters, data: Array<{ value: string; label: string }>) => ({
    label,
    data,
    clearable: true,
    clearButtonProps: { 'aria-label': `${label}: filter wissen` },
    w: 190,
    value: filters[key] === undefined ? null : String(filters[key]),
    onChange: (value: string | null) =>
      setFilter(key, (value === 'true' ? true : value === 'false' ? false : (value ?? undefined)) as never),
  });

  const exportCsv = async () => {
    setExporting(true);
    try {
      const name = await downloadRegisterCsv(filters);
      showSuccess(`${name} is gedownload.`);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  const page = register.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Plaatsingenregister</Title>
        {mayExport && (
          <Button onClick={() => void exportCsv()} loading={exporting}>
            Exporteren (CSV)
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label="Plaatsingen filteren">
        <TextInput
          type="date"
          label="Start vanaf"
          value={filters.from ?? page?.from ?? ''}
          onChange={(event) => setFilter('from', event.currentTarget.value || undefined)}
        />
        <TextInput
          type="date"
          label="Start tot en met"
          value={filters.to ?? page?.to ?? ''}
          onChange={(event) => setFilter('to', event.currentTarget.value || undefined)}
        />
        <Select
          {...selectProps(
            'Eenheid',
            'unitId',
            (units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          )}
        />
        <Select {...selectProps('Organisatie matcher', 'matcherOrganisation', options(ORGANISATION_LABELS))} />
        <Select
          {...selectProps(
            'Doelgroep',
            'targetGroup',
            TARGET_GROUPS.map((group) => ({ value: group, label: group })),
          )}
        />
        <Select {...selectProps('Pool', 'pool', options(POOL_LABELS))} />
        <Select {...selectProps('Instrument', 'instrument', options(INSTRUMENT_LABELS))} />
        <Select {...selectProps('Contract', 'contractType', options(CONTRACT_LABELS))} />
        <Select {...selectProps('SROI', 'sroi', YES_NO('Alleen SROI', 'Zonder SROI'))} />
        <Select {...selectProps('Werkt nog', 'ended', YES_NO('Beëindigd', 'Werkt nog'))} />
        <Select {...selectProps('Uitstroom', 'outflow', options(OUTFLOW_LABELS))} />
        <Select
          label="Sortering"
          w={230}
          allowDeselect={false}
          data={SORTS}
          value={filters.sort ?? '-startDate'}
          onChange={(value) => setFilter('sort', value ?? undefined)}
        />
        {/* Mantine's clear buttons are mouse-only (aria-hidden, no tab stop): this one is for everyone. */}
        <Button
          variant="default"
          disabled={Object.values(filters).every((value) => value === undefined)}
          onClick={() => {
            setFilters({});
            setOffset(0);
          }}
        >
          Filters wissen
        </Button>
      </Group>
      {register.isPending ? (
        <PageLoader />
      ) : register.isError ? (
        <Alert color="red" title="Het register kon niet worden geladen">
          {describeError(register.error)}
        </Alert>
      ) : (
        <>
          <Text aria-live="polite">
            {page!.total} plaatsing(en) met start van {formatDate(page!.from)} tot en met {formatDate(page!.to)}
            {page!.notVisible > 0 &&
              `; ${page!.notVisible} andere tellen mee in de cijfers maar zijn voor jou niet zichtbaar (geen toestemming)`}
            .
          </Text>
          <DataTable<RegisterItem>
            caption="Plaatsingen"
            rows={page!.items}
            rowKey={(row) => row.id}
            columns={[
              { key: 'start', header: 'Start', render: (row) => <NoWrap>{formatDate(row.startDate)}</NoWrap> },
              {
                key: 'end',
                header: 'Einde',
                render: (row) =>
                  row.endDate ? <NoWrap>{`${formatDate(row.endDate)}${row.ended ? '' : ' (gepland)'}`}</NoWrap> : '–',
              },
              { key: 'candidate', header: 'Kandidaat', render: (row) => row.candidate.name ?? '(gewist)' },
              { key: 'pool', header: 'Pool', render: (row) => POOL_LABELS[row.pool] },
              { key: 'group', header: 'Doelgroep', render: (row) => targetGroupLabel(row.targetGroup) },
              { key: 'unit', header: 'Eenheid', render: (row) => row.unit.name },
              { key: 'employer', header: 'Werkgever', render: (row) => row.employer.name },
              { key: 'vacancy', header: 'Vacature', render: (row) => row.vacancy.title },
              {
                key: 'matcher',
                header: 'Matcher',
                render: (row) =>
                  row.matcher ? `${row.matcher.name} (${ORGANISATION_LABELS[row.matcher.organisation]})` : '–',
              },
              {
                key: 'contract',
                header: 'Contract',
                render: (row) =>
                  `${CONTRACT_LABELS[row.contractType]}${row.contractMonths ? `, ${row.contractMonths} mnd` : ''}, ${row.hoursPerWeek} u/w`,
              },
              {
                key: 'instruments',
                header: 'Instrumenten',
                render: (row) => row.instruments.map((instrument) => INSTRUMENT_LABELS[instrument]).join(', ') || '–',
              },
              { key: 'sroi', header: 'SROI', render: (row) => (row.sroi ? (row.sroiTenderReference ?? 'Ja') : 'Nee') },
              {
                key: 'outflow',
                header: 'Uitstroom',
                render: (row) =>
                  row.outflow
                    ? `${OUTFLOW_LABELS[row.outflow.outflow]}${row.outflow.benefitChangedOn ? ` per ${formatDate(row.outflow.benefitChangedOn)}` : ''}`
                    : OUTFLOW_LABELS.UNRECORDED,
              },
            ]}
            empty="Geen plaatsingen met deze filters."
          />
          {page!.total > REGISTER_PAGE_SIZE && (
            <Pagination
              total={Math.ceil(page!.total / REGISTER_PAGE_SIZE)}
              value={Math.floor(offset / REGISTER_PAGE_SIZE) + 1}
              onChange={(value) => setOffset((value - 1) * REGISTER_PAGE_SIZE)}
              getControlProps={(control) => ({
                'aria-label': control === 'next' ? 'Volgende pagina' : 'Vorige pagina',
              })}
              getItemProps={(value) => ({ 'aria-label': `Pagina ${value}` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
