import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import { formatDate } from './format';
import { useOpenVacancies } from './sales-queries';

/** The stand-up list: the unit's open vacancies, newest first, with days open and positions left. */
export default function OpenVacanciesPage() {
  const { user, unitName } = useCurrentUser();
  const mayEnter = user.roles.includes('SALES') || user.roles.includes('ADMIN');
  const vacancies = useOpenVacancies();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Open vacatures</Title>
        {mayEnter && (
          <Button component={Link} to="/vacatures/nieuw">
            Nieuwe vacature
          </Button>
        )}
      </Group>
      <Text size="sm">De open vacatures van {unitName}, nieuwste eerst.</Text>
      {vacancies.isPending ? (
        <PageLoader />
      ) : vacancies.isError ? (
        <Text role="alert">{describeError(vacancies.error)}</Text>
      ) : (
        <DataTable
          caption="Open vacatures"
          rows={vacancies.data}
          rowKey={(vacancy) => vacancy.id}
          filterText={(vacancy) => `${vacancy.title} ${vacancy.employer.name} ${vacancy.municipality}`}
          empty="Geen open vacatures."
          columns={[
            {
              key: 'title',
              header: 'Functie',
              render: (vacancy) => (
                <Anchor component={Link} to={`/vacatures/${vacancy.id}`}>
                  {vacancy.title}
                </Anchor>
              ),
              sortValue: (vacancy) => vacancy.title,
            },
            {
              key: 'employer',
              header: 'Werkgever',
              render: (vacancy) => vacancy.employer.name,
              sortValue: (vacancy) => vacancy.employer.name,
            },
            {
              key: 'place',
              header: 'Plaats',
              render: (vacancy) => vacancy.municipality,
              sortValue: (vacancy) => vacancy.municipality,
            },
            {
              key: 'hours',
              header: 'Uren',
              render: (vacancy) =>
                vacancy.hoursMin === vacancy.hoursMax
                  ? `${vacancy.hoursMin}`
                  : `${vacancy.hoursMin}–${vacancy.hoursMax}`,
              sortValue: (vacancy) => vacancy.hoursMax,
            },
            {
              key: 'opened',
              header: 'Open sinds',
              render: (vacancy) => `${formatDate(String(vacancy.openedAt))} (${vacancy.daysOpen} dagen)`,
              sortValue: (vacancy) => vacancy.daysOpen,
            },
            {
              key: 'positions',
              header: 'Plaatsen open',
              render: (vacancy) => `${vacancy.positionsLeft} van ${vacancy.positions}`,
              sortValue: (vacancy) => vacancy.positionsLeft,
            },
          ]}
        />
      )}
    </Stack>
  );
}
