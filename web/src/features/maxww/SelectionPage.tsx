import { Anchor, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { InviteDialog } from './InviteDialog';
import { ATTENDANCE_LABELS, EXCLUSION_REASON_LABELS, formatDay, monthOptions, routeLabel } from './meeting-labels';
import {
  useExclude,
  useLiftExclusion,
  useSelection,
  type ExclusionReason,
  type SelectionItem,
  type SelectionWindow,
} from './meeting-queries';

/** What the team knows of a client: flagged, invited (and came or not), routed. */
function ClientState({ item }: { item: SelectionItem }) {
  const route = routeLabel(item.route);
  const lines = [
    item.exclusion &&
      `Uitgesloten: ${EXCLUSION_REASON_LABELS[item.exclusion.reason]} (${item.exclusion.recordedByName}, ${formatDay(
        item.exclusion.recordedAt.slice(0, 10),
      )})`,
    ...item.invitations.map(
      (invitation) =>
        `Uitnodiging ${invitation.attempt}${
          invitation.attendance ? `: ${ATTENDANCE_LABELS[invitation.attendance]?.toLowerCase()}` : ''
        }`,
    ),
    route && `Route: ${route}`,
  ].filter(Boolean);
  return (
    <Stack gap={0}>
      {lines.length === 0 ? (
        <Text size="sm">Nog niet uitgenodigd</Text>
      ) : (
        lines.map((line) => (
          <Text key={String(line)} size="sm" fw={line === lines[0] && item.exclusion ? 600 : undefined}>
            {line}
          </Text>
        ))
      )}
    </Stack>
  );
}

/**
 * Selectie: the WW clients whose WW ends in the chosen month (or 5 to 7 months ahead), soonest first.
 * Clients who may not be invited are flagged with the team's reason; the rest are invited to a meeting.
 */
export default function SelectionPage() {
  const months = monthOptions();
  const [mode, setMode] = useState<'month' | 'ahead'>('month');
  const [month, setMonth] = useState(months[1]!.value);
  const window: SelectionWindow = mode === 'month' ? { month } : { fromMonths: 5, toMonths: 7 };
  const selection = useSelection(window);
  const [chosen, setChosen] = useState<string[]>([]);
  const [inviting, setInviting] = useState(false);
  const [excluding, setExcluding] = useState<SelectionItem | null>(null);
  const [reason, setReason] = useState<ExclusionReason | null>(null);
  const exclude = useExclude();
  const lift = useLiftExclusion();

  const invitable = (item: SelectionItem) =>
    !item.exclusion &&
    !item.route &&
    item.invitations.length < 2 &&
    item.invitations.every((i) => i.attendance === 'ABSENT');
  const items = selection.data?.items ?? [];
  const visibleChosen = chosen.filter((id) => items.some((item) => item.candidateId === id));
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  const confirmExclusion = async () => {
    if (!excluding || !reason) return;
    try {
      await exclude.mutateAsync({ candidateId: excluding.candidateId, reason });
      showSuccess(`${excluding.name} wordt niet uitgenodigd (${EXCLUSION_REASON_LABELS[reason]}).`);
      toggle(excluding.candidateId, false);
      setExcluding(null);
      setReason(null);
    } catch (error) {
      showError(error);
    }
  };
  const liftExclusion = async (item: SelectionItem) => {
    try {
      await lift.mutateAsync(item.exclusion!.id);
      showSuccess(`Uitsluiting van ${item.name} opgeheven.`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Stack>
      <Title order={1}>Selectie</Title>
      <Text maw={760}>
        WW-klanten van wie de WW afloopt in de gekozen periode, de eerste einddatum bovenaan. Sluit uit wie niet
        uitgenodigd wordt (met de reden) en nodig de anderen uit voor een bijeenkomst. Bekijk ook de{' '}
        <Anchor component={Link} to="/max-ww/bijeenkomsten">
          bijeenkomsten
        </Anchor>
        .
      </Text>
      <Group align="flex-end" gap="lg">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="max-ww-window">
            Periode
          </Text>
          <SegmentedControl
            aria-labelledby="max-ww-window"
            value={mode}
            onChange={(value) => setMode(value)}
            data={[
              { value: 'month', label: 'WW loopt af in maand' },
              { value: 'ahead', label: '5-7 maanden vooruit' },
            ]}
          />
        </Stack>
        {mode === 'month' && (
          <Select
            label="Maand"
            w={200}
            allowDeselect={false}
            data={months}
            value={month}
            onChange={(value) => value && setMonth(value)}
          />
        )}
        <Button
          variant="default"
          disabled={!items.some(invitable)}
          onClick={() => setChosen(items.filter(invitable).map((item) => item.candidateId))}
        >
          Alle uitnodigbare kiezen
        </Button>
        <Button disabled={visibleChosen.length === 0} onClick={() => setInviting(true)}>
          Uitnodigen voor bijeenkomst…
        </Button>
      </Group>
      {selection.isPending ? (
        <PageLoader />
      ) : selection.isError ? (
        <Text role="alert">{describeError(selection.error)}</Text>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {selection.data.total === 1 ? '1 klant' : `${selection.data.total} klanten`} met einde WW van{' '}
            {formatDay(selection.data.from)} tot en met {formatDay(selection.data.to)}; {visibleChosen.length} gekozen.
          </Text>
          {selection.data.hiddenClients > 0 && (
            <Text size="sm" c="dimmed">
              {hiddenClientsText(selection.data.hiddenClients)}
            </Text>
          )}
          <DataTable
            caption="Selectie WW-klanten"
            rows={items}
            rowKey={(item) => item.candidateId}
            filterText={(item) => `${item.name} ${item.sourceReference}`}
            empty="Geen WW-klanten met een einddatum in deze periode."
            columns={[
              {
                key: 'choose',
                header: 'Kiezen',
                render: (item) => (
                  <Checkbox
                    aria-label={`Kies ${item.name}`}
                    disabled={!invitable(item)}
                    checked={visibleChosen.includes(item.candidateId)}
                    onChange={(event) => toggle(item.candidateId, event.currentTarget.checked)}
                  />
                ),
              },
              {
                key: 'wwEnd',
                header: 'Einde WW',
                render: (item) => `${formatDay(item.wwEndDate)} (over ${item.daysLeft} dagen)`,
                sortValue: (item) => item.wwEndDate,
              },
              {
                key: 'name',
                header: 'Naam',
                render: (item) => (
                  <Anchor component={Link} to={`/kandidaten/${item.candidateId}`}>
                    {item.name}
                  </Anchor>
                ),
                sortValue: (item) => item.name,
              },
              { key: 'reference', header: 'Klantnummer', render: (item) => item.sourceReference },
              { key: 'adviser', header: 'Klantregisseur', render: (item) => item.adviserName ?? '—' },
              { key: 'state', header: 'Stand', render: (item) => <ClientState item={item} /> },
              {
                key: 'flag',
                header: 'Uitsluiten',
                render: (item) =>
                  item.exclusion ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`Uitsluiting opheffen voor ${item.name}`}
                      onClick={() => void liftExclusion(item)}
                    >
                      Opheffen
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${item.name} uitsluiten`}
                      onClick={() => setExcluding(item)}
                    >
                      Uitsluiten…
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
      <InviteDialog
        opened={inviting}
        candidateIds={visibleChosen}
        onClose={() => {
          setInviting(false);
          setChosen([]);
        }}
      />
      <Modal opened={excluding !== null} onClose={() => setExcluding(null)} title="Niet uitnodigen">
        <Stack>
          <Text size="sm">{excluding?.name} wordt niet uitgenodigd. Kies de reden.</Text>
          <Select
            label="Reden"
            required
            data={Object.entries(EXCLUSION_REASON_LABELS).map(([value, label]) => ({ value, label }))}
            value={reason}
            onChange={(value) => setReason(value as ExclusionReason | null)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setExcluding(null)}>
              Annuleren
            </Button>
            <Button disabled={!reason} loading={exclude.isPending} onClick={() => void confirmExclusion()}>
              Uitsluiten
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A staffing-firm user sees UWV's clients only under their statement: say so, or the window looks empty. */
function hiddenClientsText(hidden: number): string {
  const clients = hidden === 1 ? '1 WW-klant' : `${hidden} WW-klanten`;
  return (
    `${clients} met einde WW in deze periode mag je niet zien (buiten je geheimhoudingsverklaring) en ` +
    `${hidden === 1 ? 'staat' : 'staan'} hieronder niet. Een UWV-adviseur van het team kan ze selecteren en uitnodigen.`
  );
}
