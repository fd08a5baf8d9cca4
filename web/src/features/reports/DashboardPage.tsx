import { Alert, Anchor, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schema } from '@api/types';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useUnits } from '@features/admin/units/units-queries';
import { FigureSection } from './FigureSection';
import { LazyChart } from './LazyChart';
import {
  formatNumber,
  formatPct,
  milestoneLabel,
  monthLabel,
  ORGANISATION_LABELS,
  periodLabel,
  SROI_BAND_LABELS,
  TARGET_GROUP_COLORS,
  targetGroupLabel,
} from './report-labels';
import { useDashboard, type Dashboard, type DashboardFilters } from './reports-queries';

const CHART_HEIGHT = 280;
const ALL_UNITS = 'all';

/** The managers' dashboard: every figure for a unit or the whole partnership and a period, charts with their tables. */
export default function DashboardPage() {
  const [filters, setFilters] = useState<DashboardFilters>({});
  const dashboard = useDashboard(filters);
  const units = useUnits();
  const setFilter = (change: Partial<DashboardFilters>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <Stack>
      <Title order={1}>Dashboard</Title>
      <Group align="flex-end" gap="sm" role="search" aria-label="Periode en eenheid kiezen">
        <Select
          label="Eenheid"
          w={260}
          allowDeselect={false}
          data={[
            { value: ALL_UNITS, label: 'Hele samenwerking' },
            ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          value={filters.unitId ?? ALL_UNITS}
          onChange={(value) => setFilter({ unitId: value && value !== ALL_UNITS ? value : undefined })}
        />
        <TextInput
          type="date"
          label="Van"
          value={filters.from ?? dashboard.data?.from ?? ''}
          onChange={(event) => setFilter({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="Tot en met"
          value={filters.to ?? dashboard.data?.to ?? ''}
          onChange={(event) => setFilter({ to: event.currentTarget.value || undefined })}
        />
      </Group>
      {dashboard.error && (
        <Alert color="red" title="De cijfers konden niet worden geladen">
          {describeError(dashboard.error)}
        </Alert>
      )}
      {dashboard.isPending && <PageLoader />}
      {dashboard.data && <Figures dashboard={dashboard.data} />}
    </Stack>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Stack>
      <Text size="sm">
        Plaatsingen met een startdatum van {dashboard.from} tot en met {dashboard.to}; vandaag is {dashboard.today}.
        Muurborden:{' '}
        {dashboard.units.map((unit, index) => (
          <span key={unit.id}>
            {index > 0 && ', '}
            <Anchor component={Link} to={`/muurbord/${unit.id}`}>
              {unit.name}
            </Anchor>
          </span>
        ))}
        .
      </Text>
      <TargetsFigure dashboard={dashboard} />
      <TargetGroupFigure dashboard={dashboard} />
      <DurabilityFigure dashboard={dashboard} />
      <ProposalQualityFigure dashboard={dashboard} />
      <OutflowFigure dashboard={dashboard} />
      <SroiFigure dashboard={dashboard} />
    </Stack>
  );
}

/** The target period shown by default: the quarter of today when the period has it, else the last one. */
function defaultTargetPeriod(dashboard: Dashboard, keys: string[]): string | undefined {
  const quarter = `${dashboard.today.slice(0, 4)}-Q${Math.ceil(Number(dashboard.today.slice(5, 7)) / 3)}`;
  return keys.includes(quarter) ? quarter : keys.at(-1);
}

function TargetsFigure({ dashboard }: { dashboard: Dashboard }) {
  const keys = dashboard.targets[0]?.periods.map((period) => period.period) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen && keys.includes(chosen) ? chosen : defaultTargetPeriod(dashboard, keys);
  const rows = dashboard.targets.map((unit) => ({
    unit: unit.unit,
    progress: unit.periods.find((candidate) => candidate.period === period),
  }));
  const data = rows.map(({ unit, progress }) => ({
    unit: unit.name,
    Geplaatst: progress?.counted ?? 0,
    Prognose: progress?.forecast ?? null,
    Doel: progress?.target ?? null,
  }));
  const single = rows.length === 1 ? rows[0]?.progress?.target : null;

  return (
    <FigureSection
      id="figuur-doelen"
      title="Plaatsingen tegen doel"
      description={
        <>
          Per eenheid de plaatsingen die in de periode starten, het doel (lijn) en de prognose in het huidige tempo.
          {period && ` Periode: ${periodLabel(period)} (hele periode).`}
        </>
      }
      chart={
        <Stack gap="xs">
          <Select
            label="Doelperiode"
            w={220}
            allowDeselect={false}
            data={keys.map((key) => ({ value: key, label: periodLabel(key) }))}
            value={period ?? null}
            onChange={setChosen}
          />
          <LazyChart
            kind="composite"
            h={CHART_HEIGHT}
            data={data}
            dataKey="unit"
            withLegend
            maxBarWidth={56}
            series={[
              { name: 'Geplaatst', color: 'blue.8', type: 'bar' },
              { name: 'Prognose', color: 'gray.5', type: 'bar' },
              { name: 'Doel', color: 'red.9', type: 'line', strokeDasharray: '6 4' },
            ]}
            referenceLines={single != null ? [{ y: single, label: `Doel ${single}`, color: 'red.9' }] : []}
          />
        </Stack>
      }
      tables={[
        {
          caption: 'Plaatsingen tegen doel',
          headers: ['Eenheid', 'Doel', 'Geplaatst', 'Verwacht tot nu', 'Voortgang', 'Prognose', 'Op koers'],
          rows: rows.map(({ unit, progress }) => ({
            key: unit.id,
            cells: [
              unit.name,
              formatNumber(progress?.target),
              formatNumber(progress?.counted),
              formatNumber(progress?.expectedSoFar),
              formatPct(progress?.progressPct),
              formatNumber(progress?.forecast),
              progress?.onTrack == null ? '–' : progress.onTrack ? 'Ja' : 'Nee',
            ],
          })),
        },
      ]}
    />
  );
}

function TargetGroupFigure({ dashboard }: { dashboard: Dashboard }) {
  const { byMonth, total } = dashboard.placements;
  const data = byMonth.map((month) => ({
    month: monthLabel(month.month),
    ...Object.fromEntries(month.byTargetGroup.map((group) => [targetGroupLabel(group.targetGroup), group.placements])),
  }));
  const groups = total.byTargetGroup.map((group) => group.targetGroup);
  return (
    <FigureSection
      id="figuur-doelgroepen"
      title="Plaatsingen per doelgroep"
      description="Per startmaand, gestapeld per doelgroep."
      chart={
        <LazyChart
          kind="bar"
          h={CHART_HEIGHT}
          data={data}
          dataKey="month"
          type="stacked"
          withLegend
          series={groups.map((group) => ({
            name: targetGroupLabel(group),
            color: group ? TARGET_GROUP_COLORS[group] : 'gray.7',
          }))}
        />
      }
      tables={[
        {
          caption: 'Plaatsingen per doelgroep en maand',
          headers: ['Maand', ...groups.map(targetGroupLabel), 'Totaal'],
          rows: byMonth.map((month) => ({
            key: month.month,
            cells: [
              monthLabel(month.month),
              ...groups.map((group) =>
                formatNumber(month.byTargetGroup.find((entry) => entry.targetGroup === group)?.placements ?? 0),
              ),
              formatNumber(month.total),
            ],
          })),
          footer: [
            'Totaal',
            ...groups.map((group) =>
              formatNumber(total.byTargetGroup.find((entry) => entry.targetGroup === group)?.placements ?? 0),
            ),
            formatNumber(total.total),
          ],
        },
      ]}
    />
  );
}

function DurabilityFigure({ dashboard }: { dashboard: Dashboard }) {
  const { durability } = dashboard;
  const labels = durability.offsets.map(milestoneLabel);
  const data = durability.cohorts.map((cohort) => ({
    month: monthLabel(cohort.month),
    ...Object.fromEntries(
      cohort.milestones.map((milestone, index): [string, number | null] => [
        labels[index] ?? milestone.offset,
        milestone.stillWorkingPct,
      ]),
    ),
  }));
  const reference = durability.reference.stillWorkingPct;
  return (
    <FigureSection
      id="figuur-duurzaamheid"
      title="Duurzaamheid per startmaand"
      description={`Het deel van de geplaatsten dat na ${labels.join(' en ')} nog werkt (van wie het bekend is), per startmaand; ${durability.reference.source} meet ${reference}%.`}
      chart={
        <LazyChart
          kind="line"
          h={CHART_HEIGHT}
          data={data}
          dataKey="month"
          withLegend
          unit="%"
          yAxisProps={{ domain: [0, 100] }}
          connectNulls={false}
          series={labels.map((label, index) => ({ name: label, color: index === 0 ? 'blue.8' : 'teal.9' }))}
          referenceLines={[{ y: reference, label: `${reference}% (${durability.reference.source})`, color: 'red.9' }]}
        />
      }
      tables={[
        {
          caption: 'Duurzaamheid per startmaand',
          headers: [
            'Startmaand',
            'Plaatsingen',
            ...labels.flatMap((label) => [`Werkt na ${label}`, `Gestopt voor ${label}`, `% na ${label}`]),
          ],
          rows: durability.cohorts.map((cohort) => ({
            key: cohort.month,
            cells: [
              monthLabel(cohort.month),
              formatNumber(cohort.placements),
              ...cohort.milestones.flatMap((milestone) => [
                formatNumber(milestone.stillWorking),
                formatNumber(milestone.stoppedWorking),
                formatPct(milestone.stillWorkingPct),
              ]),
            ],
          })),
          footer: [
            'Totaal',
            formatNumber(durability.total.placements),
            ...durability.total.milestones.flatMap((milestone) => [
              formatNumber(milestone.stillWorking),
              formatNumber(milestone.stoppedWorking),
              formatPct(milestone.stillWorkingPct),
            ]),
          ],
        },
      ]}
    />
  );
}

function ProposalQualityFigure({ dashboard }: { dashboard: Dashboard }) {
  const quality = dashboard.proposalQuality;
  const aim = quality.aim;
  type Row = { name: string; key: string; figures: Schema<'QualityFiguresDto'> };
  const perUnit: Row[] = quality.perUnit.map((row) => ({ name: row.unit.name, key: row.unit.id, figures: row }));
  const perMatcher: Row[] = quality.perMatcher.map((row) => ({
    name: row.organisation ? `${row.name} (${ORGANISATION_LABELS[row.organisation]})` : row.name,
    key: row.matcherId,
    figures: row,
  }));
  const table = (caption: string, first: string, rows: Row[]) => ({
    caption,
    headers: [first, 'Voorstellen', 'Gesprekken', 'Plaatsingen', 'Voorstellen per plaatsing'],
    rows: rows.map((row) => ({
      key: row.key,
      cells: [
        row.name,
        formatNumber(row.figures.proposals),
        formatNumber(row.figures.interviews),
        formatNumber(row.figures.placements),
        formatNumber(row.figures.proposalsPerPlacement),
      ],
    })),
  });
  const chartData = [
    ...perUnit.map((row) => ({ name: row.name, 'Voorstellen per plaatsing': row.figures.proposalsPerPlacement })),
    ...perMatcher.map((row) => ({ name: row.name, 'Voorstellen per plaatsing': row.figures.proposalsPerPlacement })),
  ];
  return (
    <FigureSection
      id="figuur-voorstellen"
      title="Voorstellen per plaatsing"
      description={`Per eenheid en per matcher; het streven is ${aim}:1 of minder. Totaal: ${formatNumber(quality.total.proposalsPerPlacement)}.`}
      chart={
        <LazyChart
          kind="bar"
          h={CHART_HEIGHT}
          data={chartData}
          dataKey="name"
          maxBarWidth={48}
          series={[{ name: 'Voorstellen per plaatsing', color: 'indigo.8' }]}
          referenceLines={[{ y: aim, label: `Streven ${aim}:1`, color: 'red.9' }]}
        />
      }
      tables={[
        table('Voorstellen per eenheid', 'Eenheid', perUnit),
        table('Voorstellen per matcher', 'Matcher', perMatcher),
      ]}
    />
  );
}

function OutflowFigure({ dashboard }: { dashboard: Dashboard }) {
  const { outflow } = dashboard;
  return (
    <FigureSection
      id="figuur-uitstroom"
      title="Uitstroom uit de uitkering"
      description="Uitkeringen die in de periode stopten (de KPI) of werden verlaagd, per eenheid."
      chart={
        <LazyChart
          kind="bar"
          h={CHART_HEIGHT}
          data={outflow.byUnit.map((row) => ({ unit: row.unit.name, Gestopt: row.full, Verlaagd: row.partial }))}
          dataKey="unit"
          withLegend
          maxBarWidth={56}
          series={[
            { name: 'Gestopt', color: 'teal.9' },
            { name: 'Verlaagd', color: 'yellow.9' },
          ]}
        />
      }
      tables={[
        {
          caption: 'Uitstroom per eenheid',
          headers: ['Eenheid', 'Gestopt', 'Verlaagd'],
          rows: outflow.byUnit.map((row) => ({
            key: row.unit.id,
            cells: [row.unit.name, formatNumber(row.full), formatNumber(row.partial)],
          })),
          footer: ['Totaal', formatNumber(outflow.total.full), formatNumber(outflow.total.partial)],
        },
        {
          caption: 'Uitstroom per doelgroep',
          headers: ['Doelgroep', 'Gestopt', 'Verlaagd'],
          rows: outflow.byTargetGroup.map((row) => ({
            key: targetGroupLabel(row.targetGroup),
            cells: [targetGroupLabel(row.targetGroup), formatNumber(row.full), formatNumber(row.partial)],
          })),
        },
      ]}
    />
  );
}

function SroiFigure({ dashboard }: { dashboard: Dashboard }) {
  const { minPct, maxPct } = dashboard.sroiReference;
  const rows = [
    ...dashboard.placements.byUnit.map((row) => ({ key: row.unit.id, name: row.unit.name, sroi: row.sroi })),
    { key: 'total', name: 'Totaal', sroi: dashboard.placements.total.sroi },
  ];
  return (
    <FigureSection
      id="figuur-sroi"
      title="Aandeel SROI-plaatsingen"
      description={`Plaatsingen op een vacature uit een SROI-bepaling van een aanbesteding; de regio verwacht ${minPct}–${maxPct}%.`}
      chart={
        <LazyChart
          kind="bar"
          h={CHART_HEIGHT}
          data={rows.map((row) => ({ name: row.name, 'SROI-aandeel': row.sroi.sroiPct }))}
          dataKey="name"
          unit="%"
          maxBarWidth={56}
          series={[{ name: 'SROI-aandeel', color: 'grape.8' }]}
          referenceLines={[
            { y: minPct, label: `${minPct}%`, color: 'red.9' },
            { y: maxPct, label: `${maxPct}%`, color: 'red.9' },
          ]}
        />
      }
      tables={[
        {
          caption: 'SROI-aandeel',
          headers: ['Eenheid', 'Plaatsingen', 'SROI', 'Aandeel', 'Tegen de norm'],
          rows: rows.map((row) => ({
            key: row.key,
            cells: [
              row.name,
              formatNumber(row.sroi.placements),
              formatNumber(row.sroi.sroi),
              formatPct(row.sroi.sroiPct),
              row.sroi.band ? SROI_BAND_LABELS[row.sroi.band] : '–',
            ],
          })),
        },
      ]}
    />
  );
}
