import {
  Alert,
  Anchor,
  Button,
  Card,
  CopyButton,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import { CancelMeetingDialog, EditMeetingDialog } from './MeetingChangeDialogs';
import {
  ATTENDANCE_LABELS,
  CHANNEL_LABELS,
  FOLLOW_UP_LABELS,
  formatMeetingMoment,
  ROUTE_LABELS,
  routeLabel,
} from './meeting-labels';
import {
  useFollowUp,
  useInvite,
  useLetter,
  useMeeting,
  useMeetings,
  useRegisterAttendance,
  useTriage,
  type Attendance,
  type Invitee,
  type MaxWwRoute,
  type Meeting,
} from './meeting-queries';
import { todayInNetherlands } from '@app/dates';

const nameOf = (invitee: Invitee) => invitee.name ?? '(gewist)';

/** The register: one radio pair per invitee (arrow keys move within it), saved for the whole meeting at once. */
function AttendanceRegister({ meeting }: { meeting: Meeting }) {
  const register = useRegisterAttendance();
  const [marks, setMarks] = useState<Record<string, Attendance>>({});
  const changed = meeting.invitations.filter(
    (invitee) => marks[invitee.id] !== undefined && marks[invitee.id] !== invitee.attendance,
  );
  const save = async () => {
    try {
      await register.mutateAsync({
        meetingId: meeting.id,
        entries: changed.map((invitee) => ({ invitationId: invitee.id, attendance: marks[invitee.id]! })),
      });
      setMarks({});
      showSuccess('Aanwezigheid opgeslagen.');
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="register-title">
      <Stack>
        <Title order={2} size="h3" id="register-title">
          Aanwezigheid
        </Title>
        {meeting.invitations.length === 0 ? (
          <Text>
            Nog niemand uitgenodigd. Kies klanten in de{' '}
            <Anchor component={Link} to="/max-ww">
              selectie
            </Anchor>
            .
          </Text>
        ) : (
          <Table>
            <Table.Caption>Uitgenodigde klanten</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Uitnodiging</Table.Th>
                <Table.Th>Aanwezigheid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.invitations.map((invitee) => (
                <Table.Tr key={invitee.id}>
                  <Table.Td>{nameOf(invitee)}</Table.Td>
                  <Table.Td>
                    {invitee.attempt === 2 ? 'Tweede' : 'Eerste'}, {CHANNEL_LABELS[invitee.channel]}
                  </Table.Td>
                  <Table.Td>
                    <Radio.Group
                      aria-label={`Aanwezigheid van ${nameOf(invitee)}`}
                      value={marks[invitee.id] ?? invitee.attendance ?? ''}
                      onChange={(value) => setMarks((current) => ({ ...current, [invitee.id]: value as Attendance }))}
                    >
                      <Group gap="md">
                        {(['PRESENT', 'ABSENT'] as const).map((value) => (
                          <Radio
                            key={value}
                            value={value}
                            label={ATTENDANCE_LABELS[value]}
                            aria-label={`${nameOf(invitee)}: ${ATTENDANCE_LABELS[value]?.toLowerCase()}`}
                          />
                        ))}
                      </Group>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button disabled={changed.length === 0} loading={register.isPending} onClick={() => void save()}>
            Aanwezigheid opslaan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The generated invitation for one invitee, to copy into the work folder or an e-mail. */
function InvitationText({ meeting }: { meeting: Meeting }) {
  const [invitationId, setInvitationId] = useState<string | null>(null);
  const letter = useLetter(invitationId);
  return (
    <Card withBorder component="section" aria-labelledby="letter-title">
      <Stack>
        <Title order={2} size="h3" id="letter-title">
          Uitnodigingstekst
        </Title>
        <Select
          label="Uitnodiging van"
          data={meeting.invitations.map((invitee) => ({ value: invitee.id, label: nameOf(invitee) }))}
          value={invitationId}
          onChange={setInvitationId}
        />
        {letter.isError && <Text role="alert">{describeError(letter.error)}</Text>}
        {letter.data && (
          <>
            <Text size="sm">
              {CHANNEL_LABELS[letter.data.channel]}, onderwerp: {letter.data.subject}
            </Text>
            <Textarea label="Uitnodigingstekst" readOnly autosize minRows={12} value={letter.data.text} />
            <Group justify="flex-end">
              <CopyButton value={`${letter.data.subject}\n\n${letter.data.text}`}>
                {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Gekopieerd' : 'Tekst kopiëren'}</Button>}
              </CopyButton>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Absentees: call them, and invite them once more to a later meeting; two no-shows go to the UWV adviser. */
function CallList({ meeting }: { meeting: Meeting }) {
  const followUp = useFollowUp();
  const invite = useInvite();
  const meetings = useMeetings();
  const [later, setLater] = useState<string | null>(null);
  const absentees = meeting.invitations.filter((invitee) => invitee.attendance === 'ABSENT');
  const laterMeetings = (meetings.data ?? []).filter(
    (other) => other.cancelledAt === null && other.startsAt > meeting.startsAt,
  );
  const call = async (invitee: Invitee, outcome: 'REACHED' | 'NOT_REACHED') => {
    try {
      await followUp.mutateAsync({ invitationId: invitee.id, outcome });
      showSuccess(`${nameOf(invitee)}: ${FOLLOW_UP_LABELS[outcome]?.toLowerCase()}.`);
    } catch (error) {
      showError(error);
    }
  };
  const inviteAgain = async (invitee: Invitee) => {
    if (!later) return;
    try {
      const today = todayInNetherlands();
      await invite.mutateAsync({
        meetingId: later,
        candidateIds: [invitee.candidateId],
        channel: invitee.channel,
        invitedOn: today,
      });
      showSuccess(`${nameOf(invitee)} opnieuw uitgenodigd.`);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="calls-title">
      <Stack>
        <Title order={2} size="h3" id="calls-title">
          Bellijst afwezigen
        </Title>
        {absentees.length === 0 ? (
          <Text>Niemand afwezig gemeld.</Text>
        ) : (
          <>
            <Select
              label="Latere bijeenkomst voor een tweede uitnodiging"
              w={420}
              data={laterMeetings.map((other) => ({
                value: other.id,
                label: `${formatMeetingMoment(other.startsAt)}, ${other.place}`,
              }))}
              value={later}
              onChange={setLater}
            />
            <Table>
              <Table.Caption>Niet verschenen</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Naam</Table.Th>
                  <Table.Th>Telefoon</Table.Th>
                  <Table.Th>Nagebeld</Table.Th>
                  <Table.Th>Vervolg</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {absentees.map((invitee) => {
                  const route = routeLabel(invitee.route);
                  return (
                    <Table.Tr key={invitee.id}>
                      <Table.Td>{nameOf(invitee)}</Table.Td>
                      <Table.Td>
                        {invitee.phone ? <Anchor href={`tel:${invitee.phone}`}>{invitee.phone}</Anchor> : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {invitee.followUpOutcome && (
                            <Text size="sm">{FOLLOW_UP_LABELS[invitee.followUpOutcome]}</Text>
                          )}
                          {(['REACHED', 'NOT_REACHED'] as const).map((outcome) => (
                            <Button
                              key={outcome}
                              size="xs"
                              variant="default"
                              aria-label={`${nameOf(invitee)}: ${FOLLOW_UP_LABELS[outcome]?.toLowerCase()}`}
                              onClick={() => void call(invitee, outcome)}
                            >
                              {FOLLOW_UP_LABELS[outcome]}
                            </Button>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {route ? (
                          <Text size="sm">Overgedragen: {route}</Text>
                        ) : invitee.otherInvitation && invitee.otherInvitation.attempt > invitee.attempt ? (
                          <Text size="sm">
                            Opnieuw uitgenodigd voor {formatMeetingMoment(invitee.otherInvitation.startsAt)}
                          </Text>
                        ) : invitee.attempt === 1 ? (
                          <Button
                            size="xs"
                            disabled={!later}
                            aria-label={`${nameOf(invitee)} opnieuw uitnodigen`}
                            onClick={() => void inviteAgain(invitee)}
                          >
                            Opnieuw uitnodigen
                          </Button>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Triage of each client who came: Max-WW adviser, UWV adviser or no action; the signed-in user decides. */
function Triage({ meeting }: { meeting: Meeting }) {
  const triage = useTriage();
  const [choices, setChoices] = useState<Record<string, MaxWwRoute>>({});
  const present = meeting.invitations.filter((invitee) => invitee.attendance === 'PRESENT');
  const decide = async (invitee: Invitee) => {
    const route = choices[invitee.candidateId];
    if (!route) return;
    try {
      await triage.mutateAsync({ candidateId: invitee.candidateId, meetingId: meeting.id, route });
      showSuccess(`${nameOf(invitee)}: ${ROUTE_LABELS[route]}.`);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="triage-title">
      <Stack>
        <Title order={2} size="h3" id="triage-title">
          Triage
        </Title>
        {present.length === 0 ? (
          <Text>Nog niemand aanwezig gemeld.</Text>
        ) : (
          <Table>
            <Table.Caption>Aanwezige klanten en hun route</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Route</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {present.map((invitee) => (
                <Table.Tr key={invitee.id}>
                  <Table.Td>{nameOf(invitee)}</Table.Td>
                  <Table.Td>
                    {invitee.route ? (
                      <Text size="sm">
                        {routeLabel(invitee.route)}, door {invitee.route.decidedByName}
                      </Text>
                    ) : (
                      <Group gap="xs" align="flex-end">
                        <Select
                          label={`Route voor ${nameOf(invitee)}`}
                          w={240}
                          data={Object.entries(ROUTE_LABELS).map(([value, label]) => ({ value, label }))}
                          value={choices[invitee.candidateId] ?? null}
                          onChange={(value) =>
                            setChoices((current) => ({ ...current, [invitee.candidateId]: value as MaxWwRoute }))
                          }
                        />
                        <Button
                          disabled={!choices[invitee.candidateId]}
                          aria-label={`Route vastleggen voor ${nameOf(invitee)}`}
                          onClick={() => void decide(invitee)}
                        >
                          Vastleggen
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** "1 uitgenodigde klant mag je niet zien." — said so, not left out of the figures. */
function hiddenText(hidden: number): string {
  return hidden === 1
    ? '1 uitgenodigde klant mag je niet zien (buiten je geheimhoudingsverklaring) en staat hieronder niet.'
    : `${hidden} uitgenodigde klanten mag je niet zien (buiten je geheimhoudingsverklaring) en staan hieronder niet.`;
}

/** A cancelled meeting's invitees, to let them know: their invitations lapsed, nobody is absent. */
function LapsedInvitations({ meeting }: { meeting: Meeting }) {
  return (
    <Card withBorder component="section" aria-labelledby="lapsed-title">
      <Stack>
        <Title order={2} size="h3" id="lapsed-title">
          Uitnodigingen vervallen
        </Title>
        {meeting.invitations.length === 0 ? (
          <Text>Er was nog niemand uitgenodigd.</Text>
        ) : (
          <Table>
            <Table.Caption>Uitgenodigd voor de geannuleerde bijeenkomst</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Telefoon</Table.Th>
                <Table.Th>E-mail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.invitations.map((invitee) => (
                <Table.Tr key={invitee.id}>
                  <Table.Td>{nameOf(invitee)}</Table.Td>
                  <Table.Td>{invitee.phone ?? '—'}</Table.Td>
                  <Table.Td>{invitee.email ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** Wijzigen and annuleren, each in a dialog with a confirm step; only before the meeting begins. */
function MeetingActions({ meeting }: { meeting: Meeting }) {
  const [editing, edit] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
  // The moment the page opened: a meeting that begins while it is open is refused by the API (MEETING_STARTED).
  const [openedAt] = useState(() => Date.now());
  const anyRegistered = meeting.counts.present + meeting.counts.absent > 0;
  if (meeting.cancelledAt !== null || anyRegistered || new Date(meeting.startsAt).getTime() <= openedAt) return null;
  return (
    <Group>
      <Button variant="default" onClick={edit.open}>
        Bijeenkomst wijzigen
      </Button>
      <Button variant="default" color="red.9" onClick={cancel.open}>
        Bijeenkomst annuleren
      </Button>
      {editing && <EditMeetingDialog meeting={meeting} opened={editing} onClose={edit.close} />}
      {cancelling && <CancelMeetingDialog meeting={meeting} opened={cancelling} onClose={cancel.close} />}
    </Group>
  );
}

/** One group meeting: its figures, the attendance register, the invitation text, the call list and triage. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) return <Text role="alert">{describeError(meeting.error)}</Text>;
  const { counts } = meeting.data;
  const cancelled = meeting.data.cancelledAt !== null;
  return (
    <Stack>
      <Anchor component={Link} to="/max-ww/bijeenkomsten">
        ← Alle bijeenkomsten
      </Anchor>
      <Title order={1}>Bijeenkomst {formatMeetingMoment(meeting.data.startsAt)}</Title>
      <Text>
        {meeting.data.place} · begeleiders: {meeting.data.hosts.map((host) => host.name).join(', ')}
      </Text>
      {cancelled && (
        <Alert color="red" title="Geannuleerd">
          Geannuleerd op {formatMeetingMoment(meeting.data.cancelledAt!)}
          {meeting.data.cancelledByName ? ` door ${meeting.data.cancelledByName}` : ''}. Reden:{' '}
          {meeting.data.cancelReason}
        </Alert>
      )}
      {meeting.data.hiddenInvitees > 0 && (
        <Text size="sm" c="dimmed">
          {hiddenText(meeting.data.hiddenInvitees)} De cijfers tellen alle uitgenodigden van de bijeenkomst, zodat
          capaciteit en opkomst voor het hele team hetzelfde zijn.
        </Text>
      )}
      <MeetingActions meeting={meeting.data} />
      <SimpleGrid cols={{ base: 2, sm: 5 }} aria-label="Cijfers van de bijeenkomst" component="dl">
        {[
          ['Uitgenodigd', `${counts.invited} van ${meeting.data.capacity}`],
          ['Aanwezig', counts.present],
          ['Afwezig', counts.absent],
          ['Nagebeld', counts.followedUp],
          ['Triage gedaan', counts.triaged],
        ].map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {cancelled ? (
        <LapsedInvitations meeting={meeting.data} />
      ) : (
        <>
          <AttendanceRegister meeting={meeting.data} />
          <Triage meeting={meeting.data} />
          <CallList meeting={meeting.data} />
          <InvitationText meeting={meeting.data} />
        </>
      )}
    </Stack>
  );
}
