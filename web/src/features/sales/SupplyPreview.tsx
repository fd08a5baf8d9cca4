import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { describeError } from '@app/errors/messages';
import type { SupplyPreview as Preview } from './sales-queries';
import { REQUIREMENT_LABELS } from './vocabulary';

/** The requirements a vacancy sets (jobready and status are the candidate's side: shown apart). */
const VACANCY_REQUIREMENTS = [
  'CLASSIFICATION',
  'DRIVING_LICENCE',
  'CERTIFICATE',
  'DUTCH_LEVEL',
  'EDUCATION',
  'HOURS',
  'DISTANCE',
  'AVAILABILITY',
];

/**
 * The live supply preview beside the intake form: how many jobready candidates of both pools meet the
 * profile now, what each requirement excludes, and what relaxing one would add. Counts only, of the
 * candidates the user's organisation may see; the chart's numbers stand in the table beside it.
 */
export function SupplyPreview({
  preview,
  pending,
  error,
  incomplete,
}: {
  preview: Preview | undefined;
  pending: boolean;
  error: unknown;
  incomplete: string | null;
}) {
  return (
    <Card withBorder component="section" aria-labelledby="aanbod-titel" padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="aanbod-titel">
            Aanbod nu
          </Title>
          {pending && <Loader size="xs" aria-label="Aanbod wordt bijgewerkt" />}
        </Group>
        {incomplete ? (
          <Text size="sm">{incomplete}</Text>
        ) : error ? (
          <Text size="sm" role="alert">
            {describeError(error)}
          </Text>
        ) : !preview ? (
          <Text size="sm">Aanbod wordt geteld…</Text>
        ) : (
          <PreviewFigures preview={preview} />
        )}
      </Stack>
    </Card>
  );
}

function PreviewFigures({ preview }: { preview: Preview }) {
  const excluded = VACANCY_REQUIREMENTS.map((requirement) => ({
    requirement,
    count: preview.excluded[requirement] ?? 0,
  })).filter((entry) => entry.count > 0);
  const notReady = (preview.excluded.JOBREADY ?? 0) + (preview.excluded.STATUS ?? 0);
  const chartData = preview.relaxations
    .filter((relaxation) => relaxation.adds > 0)
    .map((relaxation) => ({ label: relaxation.label, adds: relaxation.adds }));
  return (
    <Stack gap="sm">
      <div aria-live="polite" aria-atomic="true" data-testid="supply-now">
        <Text size="xl" fw={700}>
          {preview.eligible} {preview.eligible === 1 ? 'kandidaat voldoet' : 'kandidaten voldoen'}
        </Text>
        <Text size="sm">
          WW: {preview.byPool.WW} · Bijstand: {preview.byPool.BIJSTAND} · van {preview.considered} die je mag zien
        </Text>
      </div>

      <Title order={3} size="h5">
        Wat ruimer oplevert
      </Title>
      {preview.relaxations.length === 0 ? (
        <Text size="sm">Geen eisen om te versoepelen.</Text>
      ) : (
        <Group align="flex-start" gap="md" wrap="wrap">
          <Table aria-label="Wat versoepelen oplevert" data-testid="relaxations" style={{ flex: '1 1 220px' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Versoepeling</Table.Th>
                <Table.Th ta="right">Erbij</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.relaxations.map((relaxation) => (
                <Table.Tr key={`${relaxation.kind}-${relaxation.value ?? ''}`}>
                  <Table.Td>{relaxation.label}</Table.Td>
                  <Table.Td ta="right">+{relaxation.adds}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {chartData.length > 0 && (
            <BarChart
              role="img"
              aria-label="Staafdiagram: wat versoepelen oplevert (getallen in de tabel ernaast)"
              style={{ flex: '1 1 220px' }}
              h={Math.max(80, chartData.length * 36)}
              data={chartData}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 140 }}
              xAxisProps={{ allowDecimals: false }}
              series={[{ name: 'adds', label: 'Erbij', color: 'blue.7' }]}
              withTooltip={false}
              withBarValueLabel
              gridAxis="none"
            />
          )}
        </Group>
      )}

      <Title order={3} size="h5">
        Wat uitsluit
      </Title>
      <Table aria-label="Kandidaten uitgesloten per eis" data-testid="excluded">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Eis</Table.Th>
            <Table.Th ta="right">Uitgesloten</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {excluded.map((entry) => (
            <Table.Tr key={entry.requirement}>
              <Table.Td>{REQUIREMENT_LABELS[entry.requirement] ?? entry.requirement}</Table.Td>
              <Table.Td ta="right">{entry.count}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>Niet jobready, geplaatst of inactief</Table.Td>
            <Table.Td ta="right">{notReady}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        Een kandidaat kan op meer eisen afvallen. Alleen aantallen, nooit namen.
      </Text>
    </Stack>
  );
}
