import { Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { FigureSection } from '@features/reports/FigureSection';
import { LazyChart } from '@features/reports/LazyChart';
import { formatNumber, monthLabel } from '@features/reports/report-labels';
import { useMaxWwCohorts, type MaxWwCohorts } from './maxww-route-queries';
import { dutchDay } from './route-labels';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The columns of the report, in the order of the route: invited → attended → mediation → how they left. */
const COLUMNS = [
  ['invited', 'Uitgenodigd'],
  ['attended', 'Aanwezig'],
  ['inMediation', 'In bemiddeling genomen'],
  ['placedByTeam', 'Geplaatst door het team'],
  ['ownJob', 'Zelf werk gevonden'],
  ['movedToBijstand', 'Naar de Bijstand'],
  ['otherExit', 'Anders uitgestroomd'],
  ['stillInMediation', 'Nog in bemiddeling'],
] as const satisfies ReadonlyArray<readonly [keyof MaxWwCohorts['total'], string]>;

/** In the chart: the funnel of each month (the table has every column). */
const CHARTED = ['invited', 'attended', 'inMediation', 'placedByTeam'] as const;
const COLORS: Record<(typeof CHARTED)[number], string> = {
  invited: 'gray.6',
  attended: 'blue.8',
  inMediation: 'teal.9',
  placedByTeam: 'orange.9',
};

/**
 * Max-WW cohorten: per intake month (the month of the meeting of the client's first invitation) how
 * many were invited, came, were taken into mediation and how they left. Counts only.
 */
export default function MaxWwCohortsPage() {
  const year = dutchDay().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01`);
  const [to, setTo] = useState(`${year}-12`);
  // The report follows the fields once both are months in order; a half-typed month asks nothing.
  const [asked, setAsked] = useState({ from, to });
  const cohorts = useMaxWwCohorts(asked.from, asked.to);
  const change = (next: { from: string; to: string }) => {
    setFrom(next.from);
    setTo(next.to);
    if (MONTH.test(next.from) && MONTH.test(next.to) && next.from <= next.to) setAsked(next);
  };

  return (
    <Stack>
      <Title order={1}>Max-WW cohorten</Title>
      <Text maw={800}>
        Per instroommaand (de maand van de bijeenkomst van de eerste uitnodiging): hoeveel klanten zijn uitgenodigd,
        waren aanwezig (bij de eerste of tweede uitnodiging), zijn in bemiddeling genomen, en hoe ze uitstroomden.
        Alleen aantallen.
      </Text>
      <Group align="flex-start">
        <TextInput
          type="month"
          label="Van (maand)"
          w={190}
          value={from}
          onChange={(event) => change({ from: event.currentTarget.value, to })}
        />
        <TextInput
          type="month"
          label="Tot en met (maand)"
          w={190}
          value={to}
          onChange={(event) => change({ from, to: event.currentTarget.value })}
          error={MONTH.test(from) && MONTH.test(to) && from > to ? 'Niet voor de beginmaand.' : undefined}
        />
      </Group>
      {cohorts.isPending ? (
        <PageLoader />
      ) : cohorts.isError ? (
        <p role="alert">{describeError(cohorts.error)}</p>
      ) : (
        <CohortFigure report={cohorts.data} />
      )}
    </Stack>
  );
}

function CohortFigure({ report }: { report: MaxWwCohorts }) {
  const label = (key: (typeof CHARTED)[number]) => COLUMNS.find(([column]) => column === key)![1];
  const data = report.months.map((month) => ({
    month: monthLabel(month.month),
    ...Object.fromEntries(CHARTED.map((key) => [label(key), month[key]])),
  }));
  return (
    <FigureSection
      id="figuur-cohorten"
      title={`Cohorten ${monthLabel(report.from)} tot en met ${monthLabel(report.to)}`}
      description={`Totaal: ${formatNumber(report.total.inMediation)} in bemiddeling genomen, ${formatNumber(report.total.placedByTeam)} geplaatst door het team.`}
      chart={
        <LazyChart
          kind="bar"
          h={300}
          data={data}
          dataKey="month"
          withLegend
          series={CHARTED.map((key) => ({ name: label(key), color: COLORS[key] }))}
        />
      }
      tables={[
        {
          caption: 'Max-WW cohorten per instroommaand',
          headers: ['Instroommaand', ...COLUMNS.map(([, header]) => header)],
          rows: report.months.map((month) => ({
            key: month.month,
            cells: [monthLabel(month.month), ...COLUMNS.map(([key]) => formatNumber(month[key]))],
          })),
          footer: ['Totaal', ...COLUMNS.map(([key]) => formatNumber(report.total[key]))],
        },
      ]}
    />
  );
}
