import { Anchor, Button, Card, Group, MultiSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { DataTable } from '@app/table/DataTable';
import { formatMeetingMoment } from './meeting-labels';
import { useMeetings, usePlanMeeting, useTeam } from './meeting-queries';

/** "Bijeenkomst plannen": day, hour, place, capacity and the hosts from the team. */
function PlanMeetingForm() {
  const { user } = useCurrentUser();
  const team = useTeam();
  const plan = usePlanMeeting();
  const navigate = useNavigate();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      date: '',
      time: '10:00',
      place: '',
      capacity: 15 as number | string,
      hostIds: [user.id] as string[],
    },
    validate: {
      date: (value) => (value ? null : 'Kies de datum.'),
      time: (value) => (value ? null : 'Kies de tijd.'),
      place: (value) => (value.trim() ? null : 'Vul de plaats in.'),
      hostIds: (value) => (value.length > 0 ? null : 'Kies minstens één begeleider.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const meeting = await plan.mutateAsync({
        unitId: user.unitId,
        // The browser's own clock time, sent with its offset as an instant.
        startsAt: new Date(`${values.date}T${values.time}`).toISOString(),
        place: values.place,
        capacity: Number(values.capacity),
        hostIds: values.hostIds,
      });
      showSuccess('Bijeenkomst gepland.');
      void navigate(`/max-ww/bijeenkomsten/${meeting.id}`);
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <Card withBorder component="section" aria-labelledby="plan-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="plan-title">
            Bijeenkomst plannen
          </Title>
          <Group align="flex-start" grow>
            <TextInput label="Datum" type="date" required {...form.getInputProps('date')} />
            <TextInput label="Tijd" type="time" required {...form.getInputProps('time')} />
            <NumberInput label="Capaciteit" required min={1} max={100} {...form.getInputProps('capacity')} />
          </Group>
          <TextInput label="Plaats" required maxLength={200} {...form.getInputProps('place')} />
          <MultiSelect
            label="Begeleiders"
            required
            searchable
            data={(team.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
            {...form.getInputProps('hostIds')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={plan.isPending}>
              Bijeenkomst plannen
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Bijeenkomsten: the group meetings, latest first, with invited, came, absent and called back. */
export default function MeetingsPage() {
  const meetings = useMeetings();
  return (
    <Stack>
      <Title order={1}>Bijeenkomsten</Title>
      <Text maw={760}>
        De verplichte groepsbijeenkomsten van het Max-WW-team. Nodig klanten uit vanuit de{' '}
        <Anchor component={Link} to="/max-ww">
          selectie
        </Anchor>
        ; registreer na afloop wie er was, bel wie niet kwam en kies per aanwezige de route. De cijfers tellen alle
        uitgenodigden, ook klanten die jij niet mag zien.
      </Text>
      <PlanMeetingForm />
      {meetings.isPending ? (
        <PageLoader />
      ) : meetings.isError ? (
        <Text role="alert">{describeError(meetings.error)}</Text>
      ) : (
        <DataTable
          caption="Bijeenkomsten"
          rows={meetings.data}
          rowKey={(meeting) => meeting.id}
          filterText={(meeting) => `${meeting.place} ${meeting.unitName}`}
          empty="Nog geen bijeenkomsten gepland."
          columns={[
            {
              key: 'when',
              header: 'Datum en tijd',
              render: (meeting) => (
                <Anchor component={Link} to={`/max-ww/bijeenkomsten/${meeting.id}`}>
                  {formatMeetingMoment(meeting.startsAt)}
                  {meeting.cancelledAt !== null && ' (geannuleerd)'}
                </Anchor>
              ),
              sortValue: (meeting) => meeting.startsAt,
            },
            { key: 'place', header: 'Plaats', render: (meeting) => meeting.place },
            { key: 'hosts', header: 'Begeleiders', render: (meeting) => meeting.hosts.map((h) => h.name).join(', ') },
            {
              key: 'invited',
              header: 'Uitgenodigd',
              render: (meeting) => `${meeting.counts.invited} van ${meeting.capacity}`,
              sortValue: (meeting) => meeting.counts.invited,
            },
            { key: 'present', header: 'Aanwezig', render: (meeting) => meeting.counts.present },
            { key: 'absent', header: 'Afwezig', render: (meeting) => meeting.counts.absent },
            { key: 'followedUp', header: 'Nagebeld', render: (meeting) => meeting.counts.followedUp },
            { key: 'triaged', header: 'Triage gedaan', render: (meeting) => meeting.counts.triaged },
          ]}
        />
      )}
    </Stack>
  );
}
