import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { formatDate } from './format';
import { useChangeVacancyStatus, useVacancy, type VacancyStatus } from './sales-queries';
import { VacancyForm } from './VacancyForm';
import { MOVE_LABELS, STATUS_LABELS, STATUS_MOVES } from './vocabulary';

/** One vacancy: its status and the moves the API allows, and the intake form to change it. */
export default function VacancyPage() {
  const { id } = useParams();
  const { user } = useCurrentUser();
  const mayEdit = user.roles.includes('SALES') || user.roles.includes('ADMIN');
  const vacancy = useVacancy(id);
  const move = useChangeVacancyStatus();

  if (vacancy.isPending) return <PageLoader />;
  if (vacancy.isError) return <Text role="alert">{describeError(vacancy.error)}</Text>;
  const data = vacancy.data;
  const reload = () => void vacancy.refetch();
  const final = STATUS_MOVES[data.status].length === 0;

  const moveTo = async (to: VacancyStatus): Promise<void> => {
    try {
      await move.mutateAsync({ id: data.id, status: to, version: data.version });
      showSuccess(`De vacature staat nu op ${STATUS_LABELS[to].toLowerCase()}.`);
    } catch (error) {
      showError(error, { reload });
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1}>{data.title}</Title>
          <Text c="dimmed">
            <Anchor component={Link} to={`/werkgevers/${data.employer.id}`}>
              {data.employer.name}
            </Anchor>{' '}
            · {data.workplace.municipality} · start {formatDate(data.startDate)} · {data.positionsLeft} van{' '}
            {data.positions} plaats(en) open
          </Text>
        </Stack>
        <Group gap="xs" role="group" aria-label="Status">
          <Badge size="lg" variant="outline" data-testid="vacancy-status">
            {STATUS_LABELS[data.status]}
          </Badge>
          {mayEdit &&
            STATUS_MOVES[data.status].map((to) => (
              <Button
                key={to}
                size="sm"
                variant={to === 'OPEN' ? 'filled' : 'default'}
                loading={move.isPending && move.variables.status === to}
                onClick={() => void moveTo(to)}
              >
                {MOVE_LABELS[to]}
              </Button>
            ))}
        </Group>
      </Group>
      {final && (
        <Text size="sm">Deze vacature is {STATUS_LABELS[data.status].toLowerCase()} en kan niet meer wijzigen.</Text>
      )}
      <VacancyForm
        key={data.version}
        vacancy={data}
        employerId={null}
        onSaved={() => undefined}
        reload={reload}
        readOnly={!mayEdit || final}
      />
    </Stack>
  );
}
