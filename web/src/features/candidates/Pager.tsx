import { Button, Group, Text } from '@mantine/core';

/** "N kandidaten, 1–50 getoond" with Vorige / Volgende for a page of the API's list. */
export function Pager({
  page,
  size,
  noun,
  onOffset,
}: {
  page: { total: number; offset: number; items: unknown[] };
  size: number;
  noun: string;
  onOffset: (offset: number) => void;
}) {
  const [one, many] = noun.split('/');
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {page.total} {page.total === 1 ? one : many}
        {page.total > size ? `, ${page.offset + 1}–${page.offset + page.items.length} getoond` : ''}
      </Text>
      {page.total > size && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={page.offset === 0}
            onClick={() => onOffset(Math.max(0, page.offset - size))}
          >
            Vorige
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={page.offset + page.items.length >= page.total}
            onClick={() => onOffset(page.offset + size)}
          >
            Volgende
          </Button>
        </Group>
      )}
    </Group>
  );
}
