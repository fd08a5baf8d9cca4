import { Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FigureTable {
  /** The table's name for screen readers (its caption); also what the test finds it by. */
  caption: string;
  headers: string[];
  /** One row per line of the chart; the first cell names it (a row header). */
  rows: Array<{ key: string; cells: ReactNode[] }>;
  footer?: ReactNode[];
}

/**
 * A figure of the dashboard: the chart and, beside it, a table with the same numbers. The table is what
 * a screen reader reads and what managers copy into their own reports, so it is never left out.
 */
export function FigureSection({
  id,
  title,
  description,
  chart,
  tables,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  tables: FigureTable[];
}) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {description && <Text size="sm">{description}</Text>}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 6 }}>{chart}</Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack gap="md">
              {tables.map((table) => (
                <FigureNumbers key={table.caption} table={table} />
              ))}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}

function FigureNumbers({ table }: { table: FigureTable }) {
  return (
    // A wide table scrolls sideways in its column; focusable, so the keyboard can scroll it too (WCAG 2.1.1).
    <Table.ScrollContainer
      minWidth={320}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': `${table.caption} (scrollbaar)` } }}
    >
      <Table withTableBorder striped verticalSpacing={4} fz="sm" captionSide="top">
        <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)">
          {table.caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.headers.map((header, index) => (
              <Table.Th key={header} scope="col" ta={index === 0 ? 'left' : 'right'}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <Table.Th key={index} scope="row" fw={500}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={index} ta="right">
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
          {table.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={table.headers.length}>Geen gegevens in deze periode.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {table.footer && (
          <Table.Tfoot>
            <Table.Tr>
              {table.footer.map((cell, index) =>
                index === 0 ? (
                  <Table.Th key={index} scope="row">
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={index} ta="right" fw={600}>
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
