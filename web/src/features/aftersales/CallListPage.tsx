import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import {
  useAssignCall,
  useCallers,
  useCallList,
  useClaimCall,
  type Assignee,
  type Caller,
  type FollowUp,
} from './aftersales-queries';
import { calleeName, formatDate, milestoneLabel, PARTY_LABELS } from './labels';

export const CALL_PATH = '/nazorg/bellen';

/** The call screen of one call: its id in the query string (an id, never a name or a number). */
export function callHref(id: string): string {
  return `${CALL_PATH}?gesprek=${encodeURIComponent(id)}`;
}

/** Who holds a call, in words: "Ik", a colleague's name, or nobody yet. */
export function holderName(call: FollowUp, me: string, callers: readonly Caller[] | undefined): string {
  if (call.assigneeId === null || call.assigneeId === undefined) return '—';
  if (call.assigneeId === me) return 'Ik';
  return callers?.find((caller) => caller.id === call.assigneeId)?.name ?? 'Een collega';
}

/**
 * The call list: today's calls of my unit (or the ones I hold), the overdue ones first, as the API
 * orders them; claim a call, give it to a colleague, or open it to call.
 */
export default function CallListPage() {
  const { user } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const assignee: Assignee = params.get('lijst') === 'mijn' ? 'me' : 'unit';
  const calls = useCallList(assignee);
  const callers = useCallers();
  const claim = useClaimCall();
  const [assigning, setAssigning] = useState<FollowUp | null>(null);

  const claimCall = async (call: FollowUp): Promise<void> => {
    try {
      await claim.mutateAsync(call.id);
      showSuccess(`Je hebt het gesprek met ${calleeName(call)} opgepakt.`);
    } catch (error) {
      showError(error);
    }
  };

  const overdue = calls.data?.filter((call) => call.overdue).length ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Bellijst</Title>
        <Button component={Link} to={CALL_PATH}>
          Volgende gesprek
        </Button>
      </Group>
      <SegmentedControl
        aria-label="Welke gesprekken"
        w="fit-content"
        value={assignee}
        onChange={(value) => setParams(value === 'me' ? { lijst: 'mijn' } : {}, { replace: true })}
        data={[
          { value: 'unit', label: 'Mijn eenheid' },
          { value: 'me', label: 'Mijn gesprekken' },
        ]}
      />
      {calls.isPending ? (
        <PageLoader />
      ) : calls.isError ? (
        <p role="alert">{describeError(calls.error)}</p>
      ) : (
        <>
          <Text aria-live="polite">
            {calls.data.length === 1 ? '1 gesprek te bellen' : `${calls.data.length} gesprekken te bellen`}
            {overdue > 0 && `, waarvan ${overdue} te laat`}.
          </Text>
          <DataTable
            caption="Te bellen gesprekken"
            rows={calls.data}
            rowKey={(call) => call.id}
            filterText={(call) => `${calleeName(call)} ${call.employer.name} ${call.placement.vacancyTitle}`}
            empty={assignee === 'me' ? 'Je hebt geen gesprekken opgepakt.' : 'Er zijn nu geen gesprekken te bellen.'}
            columns={[
              {
                key: 'due',
                header: 'Gepland',
                render: (call) => (
                  <Group gap="xs" wrap="nowrap">
                    <span>{formatDate(call.dueAt)}</span>
                    {call.overdue && (
                      <Badge color="red" variant="light">
                        Te laat
                      </Badge>
                    )}
                  </Group>
                ),
                sortValue: (call) => `${call.overdue ? 0 : 1}${call.dueAt}`,
              },
              {
                key: 'callee',
                header: 'Bellen met',
                render: (call) => (
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {call.party === 'CLIENT' ? (call.client?.name ?? 'Klant') : call.employer.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {PARTY_LABELS[call.party]}
                      {/* Only when my organisation may see the client; the API leaves it out otherwise. */}
                      {call.party === 'EMPLOYER' && call.client ? `, over ${call.client.name}` : ''}
                    </Text>
                  </Stack>
                ),
                sortValue: (call) => calleeName(call),
              },
              {
                key: 'placement',
                header: 'Plaatsing',
                render: (call) => (
                  <Stack gap={0}>
                    <Text size="sm">{call.placement.vacancyTitle}</Text>
                    <Text size="xs" c="dimmed">
                      {call.employer.name}, sinds {formatDate(call.placement.startDate)}
                    </Text>
                  </Stack>
                ),
                sortValue: (call) => call.placement.vacancyTitle,
              },
              {
                key: 'milestone',
                header: 'Meting',
                render: (call) => `${milestoneLabel(call.milestone)}, poging ${call.attempt} van ${call.maxTries}`,
                sortValue: (call) => call.milestone * 100 + call.attempt,
              },
              {
                key: 'holder',
                header: 'Opgepakt door',
                render: (call) => holderName(call, user.id, callers.data),
                sortValue: (call) => holderName(call, user.id, callers.data),
              },
              {
                key: 'actions',
                header: 'Acties',
                render: (call) => (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      component={Link}
                      to={callHref(call.id)}
                      aria-label={`Gesprek met ${calleeName(call)} openen`}
                    >
                      Openen
                    </Button>
                    {!call.assigneeId && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => void claimCall(call)}
                        disabled={claim.isPending}
                        aria-label={`Gesprek met ${calleeName(call)} oppakken`}
                      >
                        Oppakken
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setAssigning(call)}
                      aria-label={`Gesprek met ${calleeName(call)} toewijzen`}
                    >
                      Toewijzen
                    </Button>
                  </Group>
                ),
              },
            ]}
          />
        </>
      )}
      <Modal opened={assigning !== null} onClose={() => setAssigning(null)} title="Gesprek toewijzen">
        {assigning && <AssignForm call={assigning} onDone={() => setAssigning(null)} />}
      </Modal>
    </Stack>
  );
}

const NOBODY = 'eenheid';

/** Gives the call to a colleague of the unit, or back to the unit's list. */
export function AssignForm({ call, onDone }: { call: FollowUp; onDone: () => void }) {
  const callers = useCallers();
  const assign = useAssignCall();
  const [choice, setChoice] = useState<string>(call.assigneeId ?? NOBODY);
  const submit = async (): Promise<void> => {
    try {
      const assigneeId = choice === NOBODY ? null : choice;
      await assign.mutateAsync({ id: call.id, assigneeId });
      const to = callers.data?.find((caller) => caller.id === assigneeId)?.name;
      showSuccess(to ? `Het gesprek is nu van ${to}.` : 'Het gesprek staat weer op de lijst van de eenheid.');
      onDone();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Text size="sm">Gesprek met {calleeName(call)}</Text>
        <Select
          label="Toewijzen aan"
          data-autofocus
          allowDeselect={false}
          value={choice}
          onChange={(value) => setChoice(value ?? NOBODY)}
          data={[
            { value: NOBODY, label: 'Niemand: terug naar de eenheid' },
            ...(callers.data ?? []).map((caller) => ({ value: caller.id, label: caller.name })),
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={assign.isPending}>
            Toewijzen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
