import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '@app/session';

export type Scope = 'mine' | 'unit' | 'all';

/**
 * Whose candidates a list shows: an adviser starts with their own, anyone else with all they may see.
 * The API decides what "all" holds (visibility per organisation and consent).
 */
export function useScope(): [Scope, (scope: Scope) => void, { adviserId?: string; unitId?: string }] {
  const { user } = useCurrentUser();
  const [scope, setScope] = useState<Scope>(user.roles.includes('ADVISER') ? 'mine' : 'all');
  const filter = scope === 'mine' ? { adviserId: user.id } : scope === 'unit' ? { unitId: user.unitId } : {};
  return [scope, setScope, filter];
}

export function ScopeControl({ value, onChange }: { value: Scope; onChange: (scope: Scope) => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="scope-label">
        Welke kandidaten
      </Text>
      <SegmentedControl
        aria-labelledby="scope-label"
        value={value}
        onChange={(next) => onChange(next)}
        data={[
          { value: 'mine', label: 'Mijn kandidaten' },
          { value: 'unit', label: 'Mijn eenheid' },
          { value: 'all', label: 'Alle' },
        ]}
        w="fit-content"
      />
    </Stack>
  );
}
