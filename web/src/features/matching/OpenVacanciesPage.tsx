import { Anchor, Button, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { mayOpenPath } from '@app/access';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import {
  useOccupationSearch,
  useOpenVacancies,
  useStandUpCounts,
  useUnitOptions,
  type OpenVacancy,
} from './matching-queries';

/**
 * The stand-up list: the unit's open vacancies, newest first, with how long each is open, the
 * positions left, how many candidates meet every requirement and how many were proposed.
 */
export default function OpenVacanciesPage() {
  const { user } = useCurrentUser();
  const [unitId, setUnitId] = useState<string>(user.unitId);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [occupation, setOccupation] = useState<string | null>(null);
  const [occupationText, setOccupationText] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [occupationQuery] = useDebouncedValue(occupationText, 250);

  const units = useUnitOptions();
  const unfiltered = useOpenVacancies({ unitId });
  const vacancies = useOpenVacancies({
    unitId,
    ...(regionCode ? { regionCode } : {}),
    ...(occupation ? { occupationUri: occupation } : {}),
    ...(q ? { q } : {}),
  });
  const counts = useStandUpCounts(unitId);
  const occupations = useOccupationSearch(occupationQuery);
  const mayRank = mayOpenPath(user.roles, '/vacatures/:id');
  const mayEdit = mayOpenPath(user.roles, '/vacatures/:id/gegevens');
  const mayTakeIn = mayOpenPath(user.roles, '/vacatures/nieuw');

  const countsById = useMemo(() => new Map((counts.data ?? []).map((row) => [row.vacancyId, row])), [counts.data]);
  const regions = useMemo(() => {
    const byCode = new Map((unfiltered.data ?? []).map((vacancy) => [vacancy.regionCode, vacancy.region]));
    return [...byCode].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }, [unfiltered.data]);
  const occupationOptions = (occupations.data ?? []).map((match) => ({ value: match.uri, label: match.label }));

  const figure = (vacancy: OpenVacancy, key: 'eligible' | 'proposed') => {
    const row = countsById.get(vacancy.id);
    if (row) return row[key];
    return counts.isPending ? <Loader size="xs" aria-label="Wordt geteld" /> : '—';
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Open vacatures</Title>
        {mayTakeIn && (
          <Button component={Link} to="/vacatures/nieuw">
            Nieuwe vacature
          </Button>
        )}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Eenheid"
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={unitId}
          onChange={(value) => value && setUnitId(value)}
          allowDeselect={false}
          w={220}
        />
        <Select
          label="Beroep"
          placeholder="Typ een beroep"
          searchable
          clearable
          data={occupationOptions}
          value={occupation}
          onChange={setOccupation}
          searchValue={occupationText}
          onSearchChange={setOccupationText}
          nothingFoundMessage={occupationQuery.trim().length >= 2 ? 'Geen beroep gevonden' : 'Typ minstens 2 letters'}
          filter={({ options }) => options}
          w={260}
        />
        <Select
          label="Regio"
          placeholder="Alle regio's"
          clearable
          data={regions}
          value={regionCode}
          onChange={setRegionCode}
          w={200}
        />
        <TextInput
          label="Zoeken"
          description="Titel, omschrijving of werkgever"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={260}
        />
      </Group>
      {vacancies.isPending ? (
        <PageLoader />
      ) : vacancies.isError ? (
        <p role="alert">{describeError(vacancies.error)}</p>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {vacancies.data.length === 1 ? '1 open vacature' : `${vacancies.data.length} open vacatures`}
          </Text>
          <DataTable
            caption="Open vacatures"
            rows={vacancies.data}
            rowKey={(vacancy) => vacancy.id}
            empty="Geen open vacatures die aan de filters voldoen."
            columns={[
              {
                key: 'title',
                header: 'Vacature',
                render: (vacancy) =>
                  mayRank || mayEdit ? (
                    // The ranked list for who may rank; the vacancy's own page (details, status) otherwise.
                    <Anchor
                      component={Link}
                      to={mayRank ? `/vacatures/${vacancy.id}` : `/vacatures/${vacancy.id}/gegevens`}
                    >
                      {vacancy.title}
                    </Anchor>
                  ) : (
                    vacancy.title
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
                render: (vacancy) => `${vacancy.municipality} (${vacancy.region})`,
                sortValue: (vacancy) => vacancy.municipality,
              },
              {
                key: 'hours',
                header: 'Uren',
                render: (vacancy) => `${vacancy.hoursMin}–${vacancy.hoursMax}`,
                sortValue: (vacancy) => vacancy.hoursMax,
              },
              {
                key: 'daysOpen',
                header: 'Dagen open',
                render: (vacancy) => vacancy.daysOpen,
                sortValue: (vacancy) => vacancy.daysOpen,
              },
              {
                key: 'positionsLeft',
                header: 'Posities over',
                render: (vacancy) => `${vacancy.positionsLeft} van ${vacancy.positions}`,
                sortValue: (vacancy) => vacancy.positionsLeft,
              },
              {
                key: 'eligible',
                header: 'Voldoen aan alle eisen',
                render: (vacancy) => figure(vacancy, 'eligible'),
                sortValue: (vacancy) => countsById.get(vacancy.id)?.eligible ?? -1,
              },
              {
                key: 'proposed',
                header: 'Voorgesteld',
                render: (vacancy) => figure(vacancy, 'proposed'),
                sortValue: (vacancy) => countsById.get(vacancy.id)?.proposed ?? -1,
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
