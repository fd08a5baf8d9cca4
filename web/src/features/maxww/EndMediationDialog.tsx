import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { END_REASON_LABELS, formatDay } from './mediation-labels';
import { useEndMediation, type MediationDetail, type MediationEndReason } from './mediation-queries';
import { todayInNetherlands } from '@app/dates';

/**
 * "Bemiddeling beëindigen" without an exit: the day and a reason from the fixed list, then a confirm
 * step. A job, Bijstand or moving away is an exit, recorded on the client's programme instead.
 */
export function EndMediationDialog({
  mediation,
  opened,
  onClose,
}: {
  mediation: MediationDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const end = useEndMediation(mediation.id);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { endedOn: todayInNetherlands(), reason: '' },
    validate: {
      endedOn: (value) =>
        !value ? 'Vul de datum in.' : value > todayInNetherlands() ? 'Kies vandaag of eerder.' : null,
      reason: (value) => (value ? null : 'Kies een reden.'),
    },
  });
  const values = form.getValues();
  const close = () => {
    setConfirming(false);
    onClose();
  };
  const confirm = async () => {
    try {
      await end.mutateAsync({
        endedOn: values.endedOn,
        reason: values.reason as MediationEndReason,
        version: mediation.version,
      });
      showSuccess('Bemiddeling beëindigd.');
      close();
    } catch (error) {
      setConfirming(false);
      showFormError(form, error);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Bemiddeling beëindigen">
      {confirming ? (
        <Stack>
          <Text>
            Weet je zeker dat je de bemiddeling van {mediation.candidateName ?? 'deze klant'} beëindigt op{' '}
            {formatDay(values.endedOn)}, reden: {END_REASON_LABELS[values.reason]?.toLowerCase()}? Daarna leg je geen
            contactmomenten meer vast.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Terug
            </Button>
            <Button color="red.9" loading={end.isPending} onClick={() => void confirm()}>
              Ja, beëindigen
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
          <Stack>
            <Text size="sm">
              Heeft de klant werk, gaat de klant naar de bijstand of verhuist de klant? Leg dan een uitstroom vast op
              het programma van de klant; dat beëindigt de bemiddeling ook.
            </Text>
            <TextInput
              type="date"
              label="Beëindigd op"
              required
              max={todayInNetherlands()}
              {...form.getInputProps('endedOn')}
            />
            <Radio.Group label="Reden" required {...form.getInputProps('reason')}>
              <Stack gap="xs" mt="xs">
                {Object.entries(END_REASON_LABELS).map(([value, label]) => (
                  <Radio key={value} value={value} label={label} />
                ))}
              </Stack>
            </Radio.Group>
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
