import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Schema } from '@api/types';
import { showSuccess } from '@app/errors/show-error';
import { describeError } from '@app/errors/messages';
import { showFormError } from '@app/forms/api-form';
import { usePlace, usePlacementOptions, type Vacancy } from './matching-queries';
import { CONTRACT_LABELS, formatEuro, INSTRUMENT_LABELS, REFUSAL_LABELS } from './labels';
import { placementStartDefault } from '@app/dates';

type Instrument = Schema<'CreatePlacementDto'>['instruments'][number];
type InstrumentOption = Schema<'InstrumentOptionDto'>;

/** What an allowed instrument brings, in words. */
function amountText(option: InstrumentOption): string {
  switch (option.instrument) {
    case 'BAANBONUS':
      return option.amount ? `${formatEuro(option.amount)} voor de werkgever` : 'Geen bedrag';
    case 'UITZENDEURO':
      return `${formatEuro(1)} per gewerkt uur, hoogstens ${formatEuro(500)}`;
    case 'PROEFPLAATSING':
      return 'Met behoud van uitkering';
    case 'LOONKOSTENSUBSIDIE':
    case 'LOONDISPENSATIE':
      return 'Bedrag volgt uit de loonwaardemeting';
  }
}

/**
 * Place the candidate of a proposal at interview: start date, contract, months, hours and the
 * instruments the vacancy accepts, each saying whether it may go with these terms, why not, and its
 * amount (asked of the API as the terms change). One Idempotency-Key per opening of the dialog: a
 * double click or a retry places once.
 */
export function PlacementDialog({
  proposalId,
  candidateName,
  vacancy,
  onClose,
}: {
  proposalId: string;
  candidateName: string;
  vacancy: Vacancy;
  onClose: () => void;
}) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const place = usePlace(vacancy.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      startDate: placementStartDefault(vacancy.startDate),
      contractType: vacancy.contractType,
      contractMonths: (vacancy.contractMonths ?? 6) as number | string,
      hoursPerWeek: vacancy.hoursMax as number | string,
      instruments: [] as Instrument[],
    },
    validate: {
      startDate: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Kies een startdatum.'),
      hoursPerWeek: (value) => (typeof value === 'number' && value >= 1 && value <= 60 ? null : 'Vul 1 tot 60 uur in.'),
      contractMonths: (value, values) =>
        values.contractType !== 'FIXED_TERM' || (typeof value === 'number' && value >= 1)
          ? null
          : 'Vul het aantal maanden in.',
    },
  });
  const values = form.getValues();
  const [terms] = useDebouncedValue(
    {
      proposalId,
      startDate: values.startDate,
      contractType: values.contractType,
      ...(values.contractType === 'FIXED_TERM' && typeof values.contractMonths === 'number'
        ? { contractMonths: values.contractMonths }
        : {}),
    },
    200,
  );
  const termsComplete =
    /^\d{4}-\d{2}-\d{2}$/.test(terms.startDate) && (terms.contractType !== 'FIXED_TERM' || 'contractMonths' in terms);
  const options = usePlacementOptions(termsComplete ? terms : null);
  const allowed = new Set(
    (options.data?.instruments ?? []).filter((option) => option.allowed).map((option) => option.instrument),
  );

  const submit = form.onSubmit(async (input) => {
    try {
      const placement = await place.mutateAsync({
        idempotencyKey,
        proposalId,
        startDate: input.startDate,
        contractType: input.contractType,
        ...(input.contractType === 'FIXED_TERM' ? { contractMonths: Number(input.contractMonths) } : {}),
        hoursPerWeek: Number(input.hoursPerWeek),
        // Only what may go with the terms as they are now (a choice made under other terms drops out).
        instruments: input.instruments.filter((instrument) => allowed.has(instrument)),
      });
      showSuccess(`${candidateName} is geplaatst per ${placement.startDate}.`);
      onClose();
    } catch (error) {
      showFormError(form, error);
    }
  });

  return (
    <Modal opened onClose={onClose} title={`${candidateName} plaatsen`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {vacancy.title} bij {vacancy.employer.name}
          </Text>
          <TextInput type="date" label="Startdatum" required {...form.getInputProps('startDate')} />
          <Select
            label="Contract"
            required
            allowDeselect={false}
            data={Object.entries(CONTRACT_LABELS).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('contractType')}
          />
          {values.contractType === 'FIXED_TERM' && (
            <NumberInput label="Maanden" required min={1} max={120} {...form.getInputProps('contractMonths')} />
          )}
          <NumberInput label="Uren per week" required min={1} max={60} {...form.getInputProps('hoursPerWeek')} />
          <Checkbox.Group
            label="Instrumenten"
            description={
              options.data?.targetGroup
                ? `Doelgroep op de startdatum: ${options.data.targetGroup}`
                : 'De vacature accepteert deze instrumenten'
            }
            {...form.getInputProps('instruments')}
          >
            <Stack gap="xs" mt="xs">
              {vacancy.instruments.length === 0 && (
                <Text size="sm" c="dimmed">
                  De vacature accepteert geen instrumenten.
                </Text>
              )}
              {options.isError && (
                <Alert color="red" role="alert">
                  {describeError(options.error)}
                </Alert>
              )}
              {(options.data?.instruments ?? []).map((option) => (
                <Checkbox
                  key={option.instrument}
                  value={option.instrument}
                  label={INSTRUMENT_LABELS[option.instrument] ?? option.instrument}
                  disabled={!option.allowed}
                  description={
                    option.allowed
                      ? `Mag: ${amountText(option)}`
                      : (REFUSAL_LABELS[option.refusal ?? ''] ?? 'Kan niet bij deze voorwaarden')
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={place.isPending}>
              Plaatsen
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
