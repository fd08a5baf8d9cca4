import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { formatMeetingMoment } from './meeting-labels';
import { useCancelMeeting, useTeam, useUpdateMeeting, type Meeting } from './meeting-queries';

const pad = (value: number) => String(value).padStart(2, '0');

/** The meeting's moment as the browser's own date and clock time, as the plan form took them. */
function localParts(iso: string): { date: string; time: string } {
  const moment = new Date(iso);
  return {
    date: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}

/**
 * "Bijeenkomst wijzigen": date, time, place, capacity and hosts, then a confirm step that says what
 * changes. The API keeps the capacity at or above the number invited and answers at the field.
 */
export function EditMeetingDialog({
  meeting,
  opened,
  onClose,
}: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
}) {
  const team = useTeam();
  const update = useUpdateMeeting();
  const [confirming, setConfirming] = useState(false);
  const start = localParts(meeting.startsAt);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      date: start.date,
      time: start.time,
      place: meeting.place,
      capacity: meeting.capacity as number | string,
      hostIds: meeting.hosts.map((host) => host.id),
    },
    validate: {
      date: (value) => (value ? null : 'Kies de datum.'),
      time: (value) => (value ? null : 'Kies de tijd.'),
      place: (value) => (value.trim() ? null : 'Vul de plaats in.'),
      capacity: (value) =>
        Number(value) < meeting.counts.invited
          ? `Er zijn al ${meeting.counts.invited} klanten uitgenodigd; de capaciteit kan niet lager.`
          : null,
      hostIds: (value) => (value.length > 0 ? null : 'Kies minstens één begeleider.'),
    },
  });
  const values = form.getValues();
  const startsAt = values.date && values.time ? new Date(`${values.date}T${values.time}`).toISOString() : '';
  const moved = startsAt !== '' && startsAt !== new Date(meeting.startsAt).toISOString();
  const close = () => {
    setConfirming(false);
    onClose();
  };
  const save = async () => {
    try {
      await update.mutateAsync({
        meetingId: meeting.id,
        version: meeting.version,
        ...(moved ? { startsAt } : {}),
        place: values.place,
        capacity: Number(values.capacity),
        hostIds: values.hostIds,
      });
      showSuccess('Bijeenkomst gewijzigd.');
      close();
    } catch (error) {
      setConfirming(false);
      showFormError(form, error, { fields: { startsAt: 'date' } });
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Bijeenkomst wijzigen">
      {confirming ? (
        <Stack>
          <Text>Klopt dit? De bijeenkomst wordt:</Text>
          <Text component="ul" m={0}>
            <li>{moved ? formatMeetingMoment(startsAt) : `${formatMeetingMoment(meeting.startsAt)} (ongewijzigd)`}</li>
            <li>{values.place}</li>
            <li>Capaciteit {String(values.capacity)}</li>
          </Text>
          {moved && meeting.counts.invited > 0 && (
            <Alert title="Uitgenodigden informeren">
              Laat de {meeting.counts.invited} uitgenodigden zelf weten dat datum of tijd is veranderd.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Terug
            </Button>
            <Button loading={update.isPending} onClick={() => void save()}>
              Wijziging bevestigen
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
          <Stack>
            <Group align="flex-start" grow>
              <TextInput label="Datum" type="date" required {...form.getInputProps('date')} />
              <TextInput label="Tijd" type="time" required {...form.getInputProps('time')} />
            </Group>
            <NumberInput
              label="Capaciteit"
              description={`Minstens ${meeting.counts.invited}: zoveel klanten zijn al uitgenodigd`}
              required
              min={1}
              max={100}
              {...form.getInputProps('capacity')}
            />
            <TextInput label="Plaats" required maxLength={200} {...form.getInputProps('place')} />
            <MultiSelect
              label="Begeleiders"
              required
              searchable
              data={(team.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
              {...form.getInputProps('hostIds')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Sluiten
              </Button>
              <Button type="submit">Verder</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/**
 * "Bijeenkomst annuleren": the reason, then a confirm step. The invitees are then not counted as
 * absent and can be invited to another meeting as if this invitation had not been sent.
 */
export function CancelMeetingDialog({
  meeting,
  opened,
  onClose,
}: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
}) {
  const cancel = useCancelMeeting();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: {
      reason: (value) => (!value.trim() ? 'Vul de reden in.' : value.length > 500 ? 'Hooguit 500 tekens.' : null),
    },
  });
  const close = () => {
    setConfirming(false);
    onClose();
  };
  const confirm = async () => {
    try {
      await cancel.mutateAsync({ meetingId: meeting.id, version: meeting.version, reason: form.getValues().reason });
      showSuccess('Bijeenkomst geannuleerd.');
      close();
    } catch (error) {
      setConfirming(false);
      showFormError(form, error);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Bijeenkomst annuleren">
      {confirming ? (
        <Stack>
          <Text>
            Weet je zeker dat je de bijeenkomst van {formatMeetingMoment(meeting.startsAt)} annuleert? Dit kan niet
            ongedaan worden gemaakt.
          </Text>
          {meeting.counts.invited > 0 && (
            <Text>
              De {meeting.counts.invited} uitgenodigden tellen niet als afwezig en kun je voor een andere bijeenkomst
              uitnodigen. Laat hen zelf weten dat deze bijeenkomst niet doorgaat.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Terug
            </Button>
            <Button color="red.9" loading={cancel.isPending} onClick={() => void confirm()}>
              Ja, annuleren
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
          <Stack>
            <Textarea label="Reden" required autosize minRows={2} maxLength={500} {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Sluiten
              </Button>
              <Button type="submit" color="red.9">
                Verder
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
