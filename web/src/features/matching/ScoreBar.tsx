import { Box, Table, Tooltip } from '@mantine/core';
import type { Schema } from '@api/types';
import { COMPONENT_COLORS, COMPONENT_LABELS } from './labels';
import classes from './ScoreBar.module.css';

type Component = Schema<'ScoreComponentDto'>;

const points = (value: number): string => value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

/**
 * The score as one bar of 100 points split into its components, each as wide as its points. The
 * bar names its parts for screen readers; hovering it shows the sentences (ScoreExplanation spells
 * them out when a row is expanded).
 */
export function ScoreBar({ score, components }: { score: number; components: readonly Component[] }) {
  const shown = components.filter((component) => component.points > 0);
  const label = `Score ${points(score)} van 100: ${shown
    .map((component) => `${COMPONENT_LABELS[component.code] ?? component.code} ${points(component.points)}`)
    .join(', ')}`;
  return (
    <Tooltip
      multiline
      w={320}
      label={shown.map((component) => (
        <div key={component.code}>
          {points(component.points)}: {component.sentence}
        </div>
      ))}
    >
      <Box className={classes.bar} role="img" aria-label={label}>
        {shown.map((component) => (
          <Box
            key={component.code}
            className={classes.segment}
            bg={COMPONENT_COLORS[component.code] ?? 'gray.6'}
            style={{ width: `${Math.max(0, Math.min(100, component.points))}%` }}
          />
        ))}
      </Box>
    </Tooltip>
  );
}

/** The components with their points and Dutch sentences, as a table. */
export function ScoreExplanation({ components }: { components: readonly Component[] }) {
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Onderdeel</Table.Th>
          <Table.Th scope="col">Punten</Table.Th>
          <Table.Th scope="col">Waarom</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {components.map((component) => (
          <Table.Tr key={component.code}>
            <Table.Td>
              <Box
                component="span"
                className={classes.swatch}
                bg={COMPONENT_COLORS[component.code] ?? 'gray.6'}
                aria-hidden
              />
              {COMPONENT_LABELS[component.code] ?? component.code}
            </Table.Td>
            <Table.Td>
              {points(component.points)} / {points(component.max)}
            </Table.Td>
            <Table.Td>{component.sentence}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
