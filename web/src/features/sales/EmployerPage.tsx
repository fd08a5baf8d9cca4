import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import { EmployerForm } from './EmployerForm';
import { formatDate } from './format';
import { useArchiveEmployer, useEmployer, useEmployerPlacements, useVacancies } from './sales-queries';
import { CONTRACT_LABELS, STATUS_LABELS } from './vocabulary';

/** One employer: its details and contact persons, its vacancies and its placements. */
export default function EmployerPage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const mayEdit = user.roles.includes('SALES') || user.roles.includes('ADMIN');
  const employer = useEmployer(id);
  const vacancies = useVacancies({ employerId: id });
  const placements = useEmployerPlacements(id);
  const archive = useArchiveEmployer();
  const [editing, setEditing] = useState(false);

  if (employer.isPending) return <PageLoader />;
  if (employer.isError) return <Text role="alert">{describeError(employer.error)}</Text>;
  const data = employer.data;

  const toggleArchived = async (): Promise<void> => {
    try {
      await archive.mutateAsync({ id: data.id, archive: !data.archived });
      showSuccess(data.archived ? `${data.name} is weer actief.` : `${data.name} is gearchiveerd.`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1}>{data.name}</Title>
          <Text c="dimmed">
            KvK {data.kvkNumber} · {data.sector} {data.archived && <Badge color="gray">Gearchiveerd</Badge>}
          </Text>
        </Stack>
        {mayEdit && (
          <Group gap="xs">
            {!data.archived && (
              <Button component={Link} to={`/vacatures/nieuw?werkgever=${data.id}`}>
                Nieuwe vacature
              </Button>
            )}
            <Button variant="default" onClick={() => setEditing(true)}>
              Wijzigen
            </Button>
            <Button variant="default" onClick={() => void toggleArchived()} loading={archive.isPending}>
              {data.archived ? 'Terughalen' : 'Archiveren'}
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Title order={2} size="h4">
            Adres
          </Title>
          <Text>
            {data.address.street} {data.address.houseNumber}
          </Text>
          <Text>
            {data.address.postcode} {data.address.city}
          </Text>
          <Text size="sm" c="dimmed">
            Gemeente {data.address.municipality}, arbeidsmarktregio {data.address.region}
          </Text>
          {data.notes && <Text size="sm">{data.notes}</Text>}
        </Stack>
        <Stack gap={4}>
          <Title order={2} size="h4">
            Contactpersonen
          </Title>
          {data.contacts.length === 0 ? (
            <Text size="sm">Geen contactpersonen.</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Naam</Table.Th>
                  <Table.Th>Functie</Table.Th>
                  <Table.Th>Telefoon</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.contacts.map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>{contact.name}</Table.Td>
                    <Table.Td>{contact.role}</Table.Td>
                    <Table.Td>
                      <Anchor href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </SimpleGrid>

      <Title order={2} size="h3">
        Vacatures
      </Title>
      {vacancies.isPending ? (
        <PageLoader />
      ) : vacancies.isError ? (
        <Text role="alert">{describeError(vacancies.error)}</Text>
      ) : (
        <DataTable
          caption="Vacatures van deze werkgever"
          rows={vacancies.data.items}
          rowKey={(vacancy) => vacancy.id}
          initialSort={{ key: 'start', direction: 'descending' }}
          empty="Nog geen vacatures."
          columns={[
            {
              key: 'title',
              header: 'Functie',
              render: (vacancy) => (
                <Anchor component={Link} to={`/vacatures/${vacancy.id}/gegevens`}>
                  {vacancy.title}
                </Anchor>
              ),
              sortValue: (vacancy) => vacancy.title,
            },
            {
              key: 'status',
              header: 'Status',
              render: (vacancy) => STATUS_LABELS[vacancy.status],
              sortValue: (vacancy) => vacancy.status,
            },
            {
              key: 'positions',
              header: 'Plaatsen open',
              render: (vacancy) => `${vacancy.positionsLeft} van ${vacancy.positions}`,
              sortValue: (vacancy) => vacancy.positionsLeft,
            },
            {
              key: 'start',
              header: 'Start',
              render: (vacancy) => formatDate(vacancy.startDate),
              sortValue: (vacancy) => vacancy.startDate,
            },
          ]}
        />
      )}

      <Title order={2} size="h3">
        Plaatsingen
      </Title>
      {placements.isPending ? (
        <PageLoader />
      ) : placements.isError ? (
        <Text role="alert">{describeError(placements.error)}</Text>
      ) : (
        <DataTable
          caption="Plaatsingen bij deze werkgever"
          rows={placements.data}
          rowKey={(placement) => placement.id}
          initialSort={{ key: 'start', direction: 'descending' }}
          empty="Nog geen plaatsingen."
          columns={[
            {
              key: 'vacancy',
              header: 'Vacature',
              render: (placement) => placement.vacancyTitle,
              sortValue: (placement) => placement.vacancyTitle,
            },
            {
              key: 'start',
              header: 'Start',
              render: (placement) => formatDate(placement.startDate),
              sortValue: (placement) => placement.startDate,
            },
            {
              key: 'end',
              header: 'Einde',
              render: (placement) => (placement.endDate ? formatDate(placement.endDate) : 'Loopt'),
              sortValue: (placement) => placement.endDate ?? '9999',
            },
            {
              key: 'contract',
              header: 'Contract',
              render: (placement) =>
                `${CONTRACT_LABELS[placement.contractType] ?? placement.contractType}${
                  placement.contractMonths ? `, ${placement.contractMonths} mnd` : ''
                }`,
              sortValue: (placement) => placement.contractType,
            },
            {
              key: 'hours',
              header: 'Uren per week',
              render: (placement) => placement.hoursPerWeek,
              sortValue: (placement) => placement.hoursPerWeek,
            },
          ]}
        />
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Werkgever wijzigen" size="xl">
        <EmployerForm
          employer={data}
          onDone={() => setEditing(false)}
          reload={() => {
            setEditing(false);
            void employer.refetch();
          }}
        />
      </Modal>
    </Stack>
  );
}
