import { Anchor, Badge, Button, Checkbox, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import { EmployerForm } from './EmployerForm';
import { useEmployers } from './sales-queries';

/** Werkgevers: search by name, KvK number and place; register a new one. */
export default function EmployersPage() {
  const { user } = useCurrentUser();
  const mayEdit = user.roles.includes('SALES') || user.roles.includes('ADMIN');
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [placeSearch, setPlaceSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [place] = useDebouncedValue(placeSearch.trim(), 300);
  const employers = useEmployers({ q, place, archived });
  const [creating, setCreating] = useState(false);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Werkgevers</Title>
        {mayEdit && <Button onClick={() => setCreating(true)}>Nieuwe werkgever</Button>}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label="Werkgevers zoeken">
        <TextInput
          label="Naam of KvK-nummer"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={260}
        />
        <TextInput
          label="Plaats of postcodegebied"
          value={placeSearch}
          onChange={(event) => setPlaceSearch(event.currentTarget.value)}
          w={220}
        />
        <Checkbox
          label="Gearchiveerde werkgevers"
          checked={archived}
          onChange={(event) => setArchived(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {employers.isPending ? (
        <PageLoader />
      ) : employers.isError ? (
        <Text role="alert">{describeError(employers.error)}</Text>
      ) : (
        <>
          <DataTable
            caption="Werkgevers"
            rows={employers.data.items}
            rowKey={(employer) => employer.id}
            initialSort={{ key: 'name', direction: 'ascending' }}
            empty="Geen werkgevers gevonden."
            columns={[
              {
                key: 'name',
                header: 'Naam',
                render: (employer) => (
                  <Anchor component={Link} to={`/werkgevers/${employer.id}`}>
                    {employer.name}
                  </Anchor>
                ),
                sortValue: (employer) => employer.name,
              },
              { key: 'kvk', header: 'KvK-nummer', render: (e) => e.kvkNumber, sortValue: (e) => e.kvkNumber },
              { key: 'sector', header: 'Sector', render: (e) => e.sector, sortValue: (e) => e.sector },
              {
                key: 'place',
                header: 'Plaats',
                render: (e) => e.address.municipality,
                sortValue: (e) => e.address.municipality,
              },
              {
                key: 'status',
                header: 'Status',
                render: (e) =>
                  e.archived ? (
                    <Badge color="gray" variant="outline">
                      Gearchiveerd
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="default">
                      Actief
                    </Badge>
                  ),
                sortValue: (e) => (e.archived ? 1 : 0),
              },
            ]}
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {employers.data.total} werkgever(s)
          </Text>
        </>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Nieuwe werkgever" size="xl">
        <EmployerForm employer={null} onDone={(employer) => void navigate(`/werkgevers/${employer.id}`)} />
      </Modal>
    </Stack>
  );
}
