import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { useMarkPickedUp, usePickUps, type PickUp } from './aftersales-queries';
import { formatDate, formatMoment, POOL_LABELS } from './labels';

const JOBREADY_LABELS: Record<string, string> = { YES: 'Ja', NO: 'Nee', TO_ASSESS: 'Te beoordelen' };

/** Whole days between two moments, for "waiting for 12 days". */
function daysSince(moment: string): number {
  return Math.max(0, Math.floor((Date.now() - new Date(moment).getTime()) / 86_400_000));
}

/**
 * "Weer oppakken": the clients whose placement ended, longest waiting first, until someone takes them
 * on ("otherwise they are back at our desk in a few weeks"). Marking one picked up takes it off the list.
 */
export default function PickUpsPage() {
  const pickUps = usePickUps();
  const mark = useMarkPickedUp();

  const markPickedUp = async (pickUp: PickUp): Promise<void> => {
    try {
      const marked = await mark.mutateAsync(pickUp.id);
      showSuccess(
        `${pickUp.candidateName} is opgepakt${marked.pickedUpAt ? ` (${formatMoment(marked.pickedUpAt)})` : ''}.`,
      );
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Stack>
      <Title order={1}>Weer oppakken</Title>
      <Text maw={720}>
        Klanten van wie het werk stopte, wie het langst wacht bovenaan. Wie je oppakt of voorstelt voor een vacature
        gaat van de lijst.
      </Text>
      {pickUps.isPending ? (
        <PageLoader />
      ) : pickUps.isError ? (
        <p role="alert">{describeError(pickUps.error)}</p>
      ) : (
        <DataTable
          caption="Klanten om weer op te pakken"
          rows={pickUps.data}
          rowKey={(pickUp) => pickUp.id}
          filterText={(pickUp) => `${pickUp.candidateName} ${pickUp.employerName} ${pickUp.vacancyTitle}`}
          empty="Er wacht nu niemand om weer opgepakt te worden."
          columns={[
            {
              key: 'waiting',
              header: 'Wacht sinds',
              render: (pickUp) => (
                <Stack gap={0}>
                  <span>{formatDate(pickUp.listedAt)}</span>
                  <Text size="xs" c="dimmed">
                    {daysSince(pickUp.listedAt) === 1 ? '1 dag' : `${daysSince(pickUp.listedAt)} dagen`}
                  </Text>
                </Stack>
              ),
              sortValue: (pickUp) => pickUp.listedAt,
            },
            {
              key: 'client',
              header: 'Klant',
              render: (pickUp) => (
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {pickUp.candidateName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {POOL_LABELS[pickUp.pool] ?? pickUp.pool}
                  </Text>
                </Stack>
              ),
              sortValue: (pickUp) => pickUp.candidateName,
            },
            {
              key: 'contact',
              header: 'Contact',
              // Apart enough that each link is a 24 px target (WCAG 2.2, 2.5.8).
              render: (pickUp) => (
                <Stack gap="xs">
                  {pickUp.phone && (
                    <Anchor size="sm" href={`tel:${pickUp.phone.replace(/[^\d+]/g, '')}`}>
                      {pickUp.phone}
                    </Anchor>
                  )}
                  {pickUp.email && (
                    <Anchor size="sm" href={`mailto:${pickUp.email}`}>
                      {pickUp.email}
                    </Anchor>
                  )}
                  {!pickUp.phone && !pickUp.email && '—'}
                </Stack>
              ),
            },
            {
              key: 'placement',
              header: 'Was geplaatst',
              render: (pickUp) => (
                <Stack gap={0}>
                  <Text size="sm">
                    {pickUp.vacancyTitle}, {pickUp.employerName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(pickUp.startDate)} tot en met {formatDate(pickUp.endDate)}
                  </Text>
                </Stack>
              ),
              sortValue: (pickUp) => pickUp.endDate,
            },
            { key: 'reason', header: 'Reden', render: (pickUp) => pickUp.endReason },
            {
              key: 'jobready',
              header: 'Jobready',
              render: (pickUp) => JOBREADY_LABELS[pickUp.jobready] ?? pickUp.jobready,
              sortValue: (pickUp) => pickUp.jobready,
            },
            {
              key: 'actions',
              header: 'Acties',
              render: (pickUp) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void markPickedUp(pickUp)}
                  disabled={mark.isPending}
                  aria-label={`${pickUp.candidateName} als opgepakt markeren`}
                >
                  Opgepakt
                </Button>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
