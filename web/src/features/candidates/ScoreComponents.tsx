import { Group, Progress, Stack, Text } from '@mantine/core';

interface Component {
  code: string;
  points: number;
  max: number;
  sentence: string;
}

/**
 * Why a match scores what it scores: each component's sentence with its points out of the maximum,
 * as text beside a bar (the bar alone would tell a screen reader nothing).
 */
export function ScoreComponents({ components }: { components: Component[] }) {
  const shown = components.filter((component) => component.max > 0);
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {shown.map((component) => (
        <li key={component.code}>
          <Group gap="xs" wrap="nowrap">
            <Progress value={(component.points / component.max) * 100} w={60} size="sm" aria-hidden color="blue.9" />
            <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
              {Math.round(component.points)}/{component.max}
            </Text>
            <Text size="xs">{component.sentence}</Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
