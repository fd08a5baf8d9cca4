import { Anchor, Badge, Button, Checkbox, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import { useMediations, type Mediation } from './mediation-queries';
import { daysText, formatDay } from './mediation-labels';
import { TakeIntoMediationDialog } from './TakeIntoMediationDialog';

/** "Volgend contact": the day, and how late it is ("within two weeks we call, even with no news"). */
function NextContact({ mediation }: { mediation: Mediation }) {
  if (mediation.endedOn) return <Text size="sm">Beëindigd op {formatDay(mediation.endedOn)}</Text>;
  return (
    <Stack gap={2}>
      <span>{formatDay(mediation.nextContactDue)}</span>
      {mediation.daysOverdue > 0 ? (
        <Badge color="red.9" variant="filled">
          {daysText(mediation.daysOverdue)} te laat
        </Badge>
      ) : (
        <Text size="xs" c="dimmed">
          op tijd
        </Text>
      )}
    </Stack>
  );
}

/**
 * "Mijn bemiddeling": the Max-WW adviser's clients in mediation, the most overdue contact first (as the
 * API orders them), with the next contact due; "In bemiddeling nemen" takes a WW client in.
 * `?kandidaat=<id>` opens the dialog with that client chosen (from the selection or the triage).
 */
export default function MediationsPage() {
  const { user } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const isAdviser = user.roles.includes('ADVISER');
  const mayTakeIn = isAdviser || user.roles.includes('ADMIN');
  const [adviser, setAdviser] = useState<'me' | 'all'>(isAdviser ? 'me' : 'all');
  const [withEnded, setWithEnded] = useState(false);
  const preselectedId = params.get('kandidaat') ?? undefined;
  const [dialogOpen, setDialogOpen] = useState(preselectedId !== undefined);
  const mediations = useMediations({ adviser, state: withEnded ? 'all' : 'open' });

  const closeDialog = () => {
    setDialogOpen(false);
    if (preselectedId) setParams({}, { replace: true });
  };
  const overdue = mediations.data?.items.filter((mediation) => mediation.daysOverdue > 0).length ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{adviser === 'me' ? 'Mijn bemiddeling' : 'Bemiddeling van het team'}</Title>
        {mayTakeIn && <Button onClick={() => setDialogOpen(true)}>In bemiddeling nemen</Button>}
      </Group>
      <Text maw={720}>
        Klanten in de Max-WW-bemiddeling, wie het langst op een contactmoment wacht bovenaan. Binnen twee weken bellen
        we, ook zonder nieuws.
      </Text>
      <Group>
        {isAdviser && (
          <SegmentedControl
            aria-label="Welke klanten"
            value={adviser}
            onChange={(value) => setAdviser(value)}
            data={[
              { value: 'me', label: 'Mijn klanten' },
              { value: 'all', label: 'Hele team' },
            ]}
          />
        )}
        <Checkbox
          label="Ook beëindigde bemiddelingen"
          checked={withEnded}
          onChange={(event) => setWithEnded(event.currentTarget.checked)}
        />
      </Group>
      {mediations.isPending ? (
        <PageLoader />
      ) : mediations.isError ? (
        <p role="alert">{describeError(mediations.error)}</p>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {mediations.data.total === 1 ? '1 klant' : `${mediations.data.total} klanten`} in bemiddeling
            {overdue > 0 ? `, ${overdue} met een contactmoment te laat` : ''}
          </Text>
          <DataTable
            caption="Klanten in bemiddeling"
            rows={mediations.data.items}
            rowKey={(mediation) => mediation.id}
            filterText={(mediation) =>
              `${mediation.candidateName ?? ''} ${mediation.clientNumber} ${mediation.adviserName}`
            }
            empty="Nog geen klanten in bemiddeling."
            columns={[
              {
                key: 'client',
                header: 'Klant',
                render: (mediation) => (
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/max-ww/bemiddeling/${mediation.id}`} fw={600} size="sm">
                      {mediation.candidateName ?? 'Onbekend'}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {mediation.clientNumber}
                    </Text>
                  </Stack>
                ),
                sortValue: (mediation) => mediation.candidateName ?? '',
              },
              {
                key: 'next',
                header: 'Volgend contact',
                render: (mediation) => <NextContact mediation={mediation} />,
                sortValue: (mediation) => mediation.nextContactDue ?? '9999',
              },
              {
                key: 'last',
                header: 'Laatste contact',
                render: (mediation) => formatDay(mediation.lastContactOn),
                sortValue: (mediation) => mediation.lastContactOn ?? '',
              },
              {
                key: 'start',
                header: 'Gestart',
                render: (mediation) => formatDay(mediation.startedOn),
                sortValue: (mediation) => mediation.startedOn,
              },
              {
                key: 'end',
                header: 'Gepland einde',
                render: (mediation) => formatDay(mediation.plannedEndOn),
                sortValue: (mediation) => mediation.plannedEndOn,
              },
              {
                key: 'ww',
                header: 'WW eindigt',
                render: (mediation) => formatDay(mediation.wwEndDate),
                sortValue: (mediation) => mediation.wwEndDate ?? '',
              },
              {
                key: 'adviser',
                header: 'Max-WW-adviseur',
                render: (mediation) => (mediation.adviserId === user.id ? 'Ik' : mediation.adviserName),
                sortValue: (mediation) => mediation.adviserName,
              },
            ]}
          />
        </>
      )}
      {mayTakeIn && dialogOpen && (
        <TakeIntoMediationDialog opened={dialogOpen} onClose={closeDialog} preselectedId={preselectedId} />
      )}
    </Stack>
  );
}
