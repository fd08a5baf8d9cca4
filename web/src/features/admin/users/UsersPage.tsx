import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ROLE_LABELS, type Role } from '@app/access';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { useCurrentUser } from '@app/session';
import { useUnits } from '../units/units-queries';
import { PasswordForm, UserForm } from './UserForms';
import {
  useDeactivateUser,
  useOrganisations,
  useReloadUsers,
  useUpdateUser,
  useUsers,
  USERS_PAGE_SIZE,
  type User,
  type UserFilters,
} from './users-queries';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

const STATUS_OPTIONS = [
  { value: 'active', label: 'Actief' },
  { value: 'inactive', label: 'Gedeactiveerd' },
];

export default function UsersPage() {
  const me = useCurrentUser().user;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState<Omit<UserFilters, 'q'>>({});
  const users = useUsers({ ...filters, q });
  const units = useUnits();
  const organisations = useOrganisations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const deactivate = useDeactivateUser();
  const update = useUpdateUser();
  const reload = useReloadUsers();

  const unitName = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const setFilter = (change: Partial<UserFilters>) => setFilters((current) => ({ ...current, ...change, offset: 0 }));

  const toggleActive = async (user: User): Promise<void> => {
    try {
      if (user.active) await deactivate.mutateAsync(user.id);
      else await update.mutateAsync({ id: user.id, version: user.version, active: true });
      showSuccess(user.active ? `${user.name} is gedeactiveerd.` : `${user.name} is weer actief.`);
    } catch (error) {
      showError(error, { reload });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Gebruikers</Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>Nieuwe gebruiker</Button>
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label="Gebruikers filteren">
        <TextInput
          label="Naam of e-mail"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={220}
        />
        <Select
          label="Organisatie"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={200}
          data={(organisations.data ?? []).map((organisation) => ({
            value: organisation.code,
            label: organisation.name,
          }))}
          value={filters.organisation ?? null}
          onChange={(value) => setFilter({ organisation: value ?? undefined })}
        />
        <Select
          label="Eenheid"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          searchable
          w={200}
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={filters.unitId ?? null}
          onChange={(value) => setFilter({ unitId: value ?? undefined })}
        />
        <Select
          label="Rol"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={170}
          data={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
          value={filters.role ?? null}
          onChange={(value) => setFilter({ role: (value as Role | null) ?? undefined })}
        />
        <Select
          label="Status"
          clearable
          clearButtonProps={{ 'aria-label': 'Filter wissen' }}
          w={160}
          data={STATUS_OPTIONS}
          value={filters.active === undefined ? null : filters.active ? 'active' : 'inactive'}
          onChange={(value) => setFilter({ active: value === null ? undefined : value === 'active' })}
        />
      </Group>
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <Text role="alert">{describeError(users.error)}</Text>
      ) : (
        <>
          <DataTable
            caption="Gebruikers"
            rows={users.data.items}
            rowKey={(user) => user.id}
            initialSort={{ key: 'name', direction: 'ascending' }}
            empty="Geen gebruikers met deze filters."
            columns={[
              { key: 'name', header: 'Naam', render: (user) => user.name, sortValue: (user) => user.name },
              { key: 'email', header: 'E-mail', render: (user) => user.email, sortValue: (user) => user.email },
              {
                key: 'organisation',
                header: 'Organisatie',
                render: (user) => user.organisationName,
                sortValue: (user) => user.organisationName,
              },
              {
                key: 'unit',
                header: 'Eenheid',
                render: (user) => unitName.get(user.unitId) ?? '—',
                sortValue: (user) => unitName.get(user.unitId) ?? '',
              },
              {
                key: 'roles',
                header: 'Rollen',
                render: (user) => user.roles.map((role) => ROLE_LABELS[role]).join(', '),
                sortValue: (user) => user.roles.join(),
              },
              {
                key: 'status',
                header: 'Status',
                render: (user) =>
                  user.active ? (
                    <Badge color="teal" variant="default">
                      Actief
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="outline">
                      Gedeactiveerd
                    </Badge>
                  ),
                sortValue: (user) => (user.active ? 0 : 1),
              },
              {
                key: 'actions',
                header: 'Acties',
                render: (user) => (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setDialog({ kind: 'edit', user })}
                      aria-label={`${user.name} wijzigen`}
                    >
                      Wijzigen
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setDialog({ kind: 'password', user })}
                      aria-label={`Nieuw wachtwoord voor ${user.name}`}
                    >
                      Wachtwoord
                    </Button>
                    {user.id !== me.id && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => void toggleActive(user)}
                        aria-label={`${user.name} ${user.active ? 'deactiveren' : 'activeren'}`}
                      >
                        {user.active ? 'Deactiveren' : 'Activeren'}
                      </Button>
                    )}
                  </Group>
                ),
              },
            ]}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {users.data.total} gebruiker(s)
              {users.data.total > USERS_PAGE_SIZE
                ? `, ${users.data.offset + 1}–${users.data.offset + users.data.items.length} getoond`
                : ''}
            </Text>
            {users.data.total > USERS_PAGE_SIZE && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  disabled={users.data.offset === 0}
                  onClick={() =>
                    setFilters((current) => ({
                      ...current,
                      offset: Math.max(0, (current.offset ?? 0) - USERS_PAGE_SIZE),
                    }))
                  }
                >
                  Vorige
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={users.data.offset + users.data.items.length >= users.data.total}
                  onClick={() =>
                    setFilters((current) => ({ ...current, offset: (current.offset ?? 0) + USERS_PAGE_SIZE }))
                  }
                >
                  Volgende
                </Button>
              </Group>
            )}
          </Group>
        </>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'create'
            ? 'Nieuwe gebruiker'
            : dialog?.kind === 'edit'
              ? 'Gebruiker wijzigen'
              : 'Nieuw wachtwoord'
        }
        size="lg"
      >
        {dialog?.kind === 'create' && <UserForm user={null} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'edit' && <UserForm user={dialog.user} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'password' && <PasswordForm user={dialog.user} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}
