import { Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import classes from './DataTable.module.css';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: Row) => string | number;
}

interface Props<Row> {
  /** Names the table for screen readers and its filter box. */
  caption: string;
  rows: readonly Row[];
  columns: Array<Column<Row>>;
  rowKey: (row: Row) => string;
  /** Text the quick filter searches; no filter box without it. */
  filterText?: (row: Row) => string;
  initialSort?: { key: string; direction: 'ascending' | 'descending' };
  empty?: string;
}

/**
 * The app's table: sortable by clicking (or Enter/Space on) a column header, with `aria-sort`, and an
 * optional quick filter over the shown rows. Server-side filters go above it, in the page.
 */
export function DataTable<Row>({ caption, rows, columns, rowKey, filterText, initialSort, empty }: Props<Row>) {
  const [sort, setSort] = useState(initialSort);
  const [filter, setFilter] = useState('');

  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('nl');
    const filtered =
      needle && filterText ? rows.filter((row) => filterText(row).toLocaleLowerCase('nl').includes(needle)) : [...rows];
    const column = columns.find((candidate) => candidate.key === sort?.key);
    if (!column?.sortValue || !sort) return filtered;
    const value = column.sortValue;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return filtered.sort((a, b) => {
      const [left, right] = [value(a), value(b)];
      return (
        factor *
        (typeof left === 'number' && typeof right === 'number'
          ? left - right
          : String(left).localeCompare(String(right), 'nl'))
      );
    });
  }, [rows, columns, sort, filter, filterText]);

  const toggle = (key: string): void =>
    setSort((current) => ({
      key,
      direction: current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <>
      {filterText && (
        <TextInput
          label={`Zoek in ${caption.toLocaleLowerCase('nl')}`}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          mb="sm"
          maw={360}
        />
      )}
      {/* A wide table scrolls sideways; focusable, so the keyboard can scroll it too (WCAG 2.1.1). */}
      <Table.ScrollContainer
        minWidth={640}
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': `${caption} (scrollbaar)` } }}
      >
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <caption className={classes.caption}>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th
                  key={column.key}
                  aria-sort={sort?.key === column.key ? sort.direction : undefined}
                  scope="col"
                >
                  {column.sortValue ? (
                    <UnstyledButton className={classes.sort} onClick={() => toggle(column.key)}>
                      {column.header}
                      <span aria-hidden="true">
                        {sort?.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key}>{column.render(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && (
        <Text c="dimmed" mt="sm">
          {empty ?? 'Niets gevonden.'}
        </Text>
      )}
    </>
  );
}
