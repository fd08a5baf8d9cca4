import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@app/errors/api-error';
import { describeError } from '@app/errors/messages';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import {
  callListQuery,
  useCallers,
  useClaimCall,
  useFollowUp,
  useRecordOutcome,
  type FollowUp,
  type FollowUpOutcome,
} from './aftersales-queries';
import { AssignForm, CALL_PATH, callHref, holderName } from './CallListPage';
import classes from './CallPage.module.css';
import {
  calleeName,
  CONTRACT_LABELS,
  formatDate,
  formatMoment,
  INSTRUMENT_LABELS,
  milestoneLabel,
  PARTY_LABELS,
  POOL_LABELS,
  RESULT_LABELS,
  STATUS_LABELS,
} from './labels';
import { todayInNetherlands } from '@app/dates';

type Result = FollowUpOutcome['result'];

/**
 * The next call to make: the first one I hold, else the first of my unit's that nobody holds (both
 * lists come overdue first from the API).
 */
export function pickNext(mine: readonly FollowUp[], unit: readonly FollowUp[], me: string): FollowUp | undefined {
  return mine[0] ?? unit.find((call) => !call.assigneeId || call.assigneeId === me);
}

async function fetchNext(queryClient: QueryClient, me: string): Promise<FollowUp | undefined> {
  const [mine, unit] = await Promise.all([
    queryClient.fetchQuery({ ...callListQuery('me'), staleTime: 0 }),
    queryClient.fetchQuery({ ...callListQuery('unit'), staleTime: 0 }),
  ]);
  return pickNext(mine, unit, me);
}

/** The call screen: `?gesprek=<id>` shows that call; without it, the next call on my list comes up. */
export default function CallPage() {
  const [params] = useSearchParams();
  const id = params.get('gesprek');
  return id ? <CallScreen key={id} id={id} /> : <NextCall />;
}

function NextCall() {
  const { user } = useCurrentUser();
  const navigate = useNavigate();
  const [mine, unit] = useQueries({ queries: [callListQuery('me'), callListQuery('unit')] });
  const next = mine.data && unit.data ? pickNext(mine.data, unit.data, user.id) : undefined;
  useEffect(() => {
    if (next) void navigate(callHref(next.id), { replace: true });
  }, [next, navigate]);
  const error = mine.error ?? unit.error;
  if (error) return <p role="alert">{describeError(error)}</p>;
  if (!mine.data || !unit.data || next) return <PageLoader />;
  return (
    <Stack maw={720}>
      <Title order={1}>Bellen</Title>
      <Text>Er zijn nu geen gesprekken meer te bellen.</Text>
      <Anchor component={Link} to="/nazorg/bellijst">
        Naar de bellijst
      </Anchor>
    </Stack>
  );
}

function CallScreen({ id }: { id: string }) {
  const { user } = useCurrentUser();
  const call = useFollowUp(id);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new call came up (after an answer): move the focus to it, so keyboard and screen reader users follow.
  const shownId = call.data?.id;
  useEffect(() => {
    if (shownId) heading.current?.focus();
  }, [shownId]);

  if (call.isPending) return <PageLoader />;
  if (call.isError) {
    const missing = call.error instanceof ApiError && call.error.status === 404;
    return (
      <Stack maw={720}>
        <Title order={1}>Gesprek</Title>
        <p role="alert">
          {missing ? 'Dit gesprek bestaat niet, of hoort niet bij wat je mag zien.' : describeError(call.error)}
        </p>
        <Anchor component={Link} to="/nazorg/bellijst">
          Naar de bellijst
        </Anchor>
      </Stack>
    );
  }
  const data = call.data;
  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} ref={heading} tabIndex={-1} className={classes.heading}>
            Gesprek met {calleeName(data)}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{PARTY_LABELS[data.party]}</Badge>
            <Badge variant="light" color="gray">
              {milestoneLabel(data.milestone)}
            </Badge>
            <Badge variant="light" color={data.status === 'DUE' ? 'blue' : 'gray'}>
              {STATUS_LABELS[data.status]}
            </Badge>
            {data.overdue && data.status === 'DUE' && (
              <Badge variant="light" color="red">
                Te laat
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Gepland op {formatDate(data.dueAt)}, poging {data.attempt} van {data.maxTries}
          </Text>
        </Stack>
        <Button component={Link} to="/nazorg/bellijst" variant="default">
          Naar de bellijst
        </Button>
      </Group>

      <Group align="stretch" grow wrap="wrap">
        <Paper withBorder p="md" component="section" aria-labelledby="contact-kop">
          <Title order={2} size="h4" id="contact-kop" mb="xs">
            {data.party === 'CLIENT' ? 'Klant' : 'Werkgever'}
          </Title>
          <Contact call={data} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="plaatsing-kop">
          <Title order={2} size="h4" id="plaatsing-kop" mb="xs">
            Plaatsing
          </Title>
          <Placement call={data} />
        </Paper>
      </Group>

      <Outcome call={data} me={user.id} />

      <section aria-labelledby="eerder-kop">
        <Title order={2} size="h4" id="eerder-kop" mb="xs">
          Eerdere gesprekken voor deze plaatsing
        </Title>
        <DataTable
          caption="Eerdere gesprekken"
          rows={data.calls}
          rowKey={(made) => `${made.followUpId}-${made.attempt}`}
          empty="Nog geen gesprekken gevoerd."
          columns={[
            { key: 'when', header: 'Gesproken op', render: (made) => formatMoment(made.contactedAt) },
            { key: 'party', header: 'Met', render: (made) => PARTY_LABELS[made.party] },
            {
              key: 'milestone',
              header: 'Meting',
              render: (made) => `${milestoneLabel(made.milestone)}, poging ${made.attempt}`,
            },
            { key: 'result', header: 'Resultaat', render: (made) => RESULT_LABELS[made.result] },
            { key: 'note', header: 'Notitie', render: (made) => made.note ?? '—' },
            { key: 'by', header: 'Door', render: (made) => made.calledByName },
          ]}
        />
      </section>
    </Stack>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className={classes.facts}>{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Phone({ number }: { number: string | null | undefined }) {
  if (!number) return <>—</>;
  return <Anchor href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</Anchor>;
}

function Email({ address }: { address: string | null | undefined }) {
  if (!address) return <>—</>;
  return <Anchor href={`mailto:${address}`}>{address}</Anchor>;
}

/**
 * Whom to call and how. For an employer call the client is named only when my organisation may see
 * them; otherwise the API leaves the client out and so does this screen.
 */
function Contact({ call }: { call: FollowUp }) {
  if (call.party === 'CLIENT' && call.client) {
    return (
      <Facts>
        <Fact label="Naam">{call.client.name}</Fact>
        <Fact label="Bestand">{POOL_LABELS[call.client.pool] ?? call.client.pool}</Fact>
        <Fact label="Telefoon">
          <Phone number={call.client.phone} />
        </Fact>
        <Fact label="E-mail">
          <Email address={call.client.email} />
        </Fact>
      </Facts>
    );
  }
  const contact = call.employer.contact;
  return (
    <Facts>
      <Fact label="Werkgever">{call.employer.name}</Fact>
      <Fact label="Contactpersoon">{contact ? `${contact.name}${contact.role ? `, ${contact.role}` : ''}` : '—'}</Fact>
      <Fact label="Telefoon">
        <Phone number={contact?.phone} />
      </Fact>
      <Fact label="E-mail">
        <Email address={contact?.email} />
      </Fact>
      {call.client && <Fact label="Over klant">{call.client.name}</Fact>}
    </Facts>
  );
}

function Placement({ call }: { call: FollowUp }) {
  const placement = call.placement;
  const instruments = placement.instruments;
  return (
    <Facts>
      <Fact label="Functie">{placement.vacancyTitle}</Fact>
      <Fact label="Werkgever">{call.employer.name}</Fact>
      <Fact label="Start">{formatDate(placement.startDate)}</Fact>
      {placement.endDate && <Fact label="Einde">{formatDate(placement.endDate)}</Fact>}
      <Fact label="Contract">
        {CONTRACT_LABELS[placement.contractType]}
        {placement.contractType === 'FIXED_TERM' && placement.contractMonths
          ? `, ${placement.contractMonths} maanden`
          : ''}
      </Fact>
      <Fact label="Uren per week">{placement.hoursPerWeek}</Fact>
      {instruments && (
        <Fact label="Instrumenten">
          {instruments.length > 0 ? instruments.map((code) => INSTRUMENT_LABELS[code] ?? code).join(', ') : 'Geen'}
        </Fact>
      )}
      {placement.targetGroup && <Fact label="Doelgroep">{placement.targetGroup}</Fact>}
    </Facts>
  );
}

const OUTCOME_BUTTONS: Array<{ result: Result; color: string }> = [
  { result: 'STILL_WORKING', color: 'teal' },
  { result: 'AT_RISK', color: 'orange' },
  { result: 'LEFT_JOB', color: 'red' },
  { result: 'UNREACHABLE', color: 'gray' },
];

/**
 * The answer of the call. Risico needs a note (what the risk is: the adviser reads it), uit dienst a
 * note (why it stopped) and the last working day, as the API requires; after it the next call comes up.
 */
function Outcome({ call, me }: { call: FollowUp; me: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const record = useRecordOutcome();
  const claim = useClaimCall();
  const callers = useCallers();
  const [assigning, setAssigning] = useState(false);
  // Set at the first click, before React re-renders the disabled buttons: a double click records once.
  const busy = useRef(false);
  const form = useForm({ mode: 'controlled', initialValues: { note: '', endDate: '' } });

  if (call.status !== 'DUE') {
    return (
      <Alert title="Dit gesprek is niet (meer) te bellen" color="gray">
        {call.result
          ? `Uitkomst: ${RESULT_LABELS[call.result]}${call.contactedAt ? `, gesproken op ${formatMoment(call.contactedAt)}` : ''}.`
          : `Status: ${STATUS_LABELS[call.status]}.`}{' '}
        <Anchor component={Link} to={CALL_PATH}>
          Volgende gesprek
        </Anchor>
      </Alert>
    );
  }

  const heldByColleague = Boolean(call.assigneeId) && call.assigneeId !== me;

  const answer = async (result: Result): Promise<void> => {
    if (busy.current) return;
    const note = form.values.note.trim();
    const errors: Record<string, string> = {};
    if (result === 'AT_RISK' && !note) errors.note = 'Beschrijf het risico: de klantregisseur leest het.';
    if (result === 'LEFT_JOB') {
      if (!note) errors.note = 'Vul in waarom het werk stopte.';
      if (!form.values.endDate) errors.endDate = 'Vul de laatste werkdag in.';
    }
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    busy.current = true;
    try {
      await record.mutateAsync({
        id: call.id,
        result,
        contactedAt: new Date().toISOString(),
        ...(note ? { note } : {}),
        ...(result === 'LEFT_JOB' ? { endDate: form.values.endDate } : {}),
      });
      const next = await fetchNext(queryClient, me);
      showSuccess(
        `Vastgelegd: ${RESULT_LABELS[result]} (${calleeName(call)}).${next ? ' Het volgende gesprek staat klaar.' : ''}`,
      );
      void navigate(next ? callHref(next.id) : CALL_PATH);
    } catch (error) {
      busy.current = false;
      showFormError(form, error);
    }
  };

  const claimIt = async (): Promise<void> => {
    try {
      await claim.mutateAsync(call.id);
      showSuccess('Je hebt dit gesprek opgepakt.');
    } catch (error) {
      showFormError(form, error);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="uitkomst-kop">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="uitkomst-kop">
          Uitkomst
        </Title>
        <Group gap="xs">
          <Text size="sm">Opgepakt door: {holderName(call, me, callers.data)}</Text>
          {!call.assigneeId && (
            <Button size="xs" variant="default" onClick={() => void claimIt()} loading={claim.isPending}>
              Oppakken
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => setAssigning(true)}>
            Toewijzen
          </Button>
        </Group>
      </Group>
      {heldByColleague ? (
        <Text>Een collega heeft dit gesprek opgepakt. Wijs het aan jezelf toe om het te bellen.</Text>
      ) : (
        <form onSubmit={(event) => event.preventDefault()} noValidate>
          <Stack>
            <Textarea
              label="Notitie"
              description="Verplicht bij risico (wat is het risico?) en bij uit dienst (waarom stopte het?)"
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('note')}
            />
            <TextInput
              type="date"
              label="Laatste werkdag"
              description="Alleen bij uit dienst"
              max={todayInNetherlands()}
              maw={220}
              {...form.getInputProps('endDate')}
            />
            <Group gap="sm" role="group" aria-label="Uitkomst van het gesprek">
              {OUTCOME_BUTTONS.map(({ result, color }) => (
                <Button
                  key={result}
                  variant="default"
                  className={classes[color]}
                  onClick={() => void answer(result)}
                  disabled={record.isPending}
                >
                  {RESULT_LABELS[result]}
                </Button>
              ))}
            </Group>
          </Stack>
        </form>
      )}
      <Modal opened={assigning} onClose={() => setAssigning(false)} title="Gesprek toewijzen">
        {assigning && <AssignForm call={call} onDone={() => setAssigning(false)} />}
      </Modal>
    </Paper>
  );
}
