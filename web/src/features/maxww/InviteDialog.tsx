import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { showError, showSuccess } from '@app/errors/show-error';
import { CHANNEL_LABELS, formatMeetingMoment } from './meeting-labels';
import { useInvite, useMeetings, type Channel } from './meeting-queries';
import { todayInNetherlands } from '@app/dates';

/** "Uitnodigen voor bijeenkomst…": the chosen clients to one coming meeting, all or none. */
export function InviteDialog({
  candidateIds,
  opened,
  onClose,
}: {
  candidateIds: string[];
  opened: boolean;
  onClose: () => void;
}) {
  const meetings = useMeetings();
  const invite = useInvite();
  const navigate = useNavigate();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel>('WORK_FOLDER');
  const [invitedOn, setInvitedOn] = useState(todayInNetherlands());
  const coming = (meetings.data ?? []).filter(
    (meeting) => meeting.cancelledAt === null && meeting.startsAt.slice(0, 10) >= todayInNetherlands(),
  );

  const submit = async () => {
    if (!meetingId) return;
    try {
      await invite.mutateAsync({ meetingId, candidateIds, channel, invitedOn });
      showSuccess(candidateIds.length === 1 ? '1 klant uitgenodigd.' : `${candidateIds.length} klanten uitgenodigd.`);
      onClose();
      void navigate(`/max-ww/bijeenkomsten/${meetingId}`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Uitnodigen voor bijeenkomst">
      <Stack>
        <Text size="sm">
          {candidateIds.length === 1 ? '1 klant gekozen.' : `${candidateIds.length} klanten gekozen.`} Aanwezigheid is
          verplicht; de uitnodigingstekst staat daarna bij de bijeenkomst.
        </Text>
        <Select
          label="Bijeenkomst"
          required
          data={coming.map((meeting) => ({
            value: meeting.id,
            label: `${formatMeetingMoment(meeting.startsAt)}, ${meeting.place} (${meeting.counts.invited} van ${meeting.capacity})`,
          }))}
          value={meetingId}
          onChange={setMeetingId}
          nothingFoundMessage="Geen komende bijeenkomst: plan er eerst een."
        />
        <Select
          label="Kanaal"
          required
          allowDeselect={false}
          data={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
          value={channel}
          onChange={(value) => value && setChannel(value as Channel)}
        />
        <TextInput
          label="Datum uitnodiging"
          type="date"
          required
          value={invitedOn}
          onChange={(event) => setInvitedOn(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuleren
          </Button>
          <Button onClick={() => void submit()} disabled={!meetingId || !invitedOn} loading={invite.isPending}>
            Uitnodigen
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
