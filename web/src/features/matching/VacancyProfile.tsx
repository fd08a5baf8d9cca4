import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDate } from './labels';
import { useCertificates, type Vacancy } from './matching-queries';
import { CONTRACT_LABELS } from './labels';

const SHIFT_LABELS: Record<string, string> = { DAY: 'dag', EVENING: 'avond', NIGHT: 'nacht', WEEKEND: 'weekend' };

/** The vacancy's profile at the top of the ranked list: its hard requirements and its wishes as chips. */
export function VacancyProfile({ vacancy }: { vacancy: Vacancy }) {
  const certificates = useCertificates();
  const certificateName = (code: string) => certificates.data?.find((item) => item.code === code)?.name ?? code;
  const requirements = [
    `${vacancy.hoursMin}–${vacancy.hoursMax} uur`,
    vacancy.maxTravelKm ? `tot ${vacancy.maxTravelKm} km reizen` : null,
    ...vacancy.drivingLicences.map((licence) => `rijbewijs ${licence}`),
    ...vacancy.certificates.map(certificateName),
    vacancy.minDutchLevel ? `Nederlands ${vacancy.minDutchLevel}` : null,
    vacancy.minEducationLevel ? `opleiding ${vacancy.minEducationLevel}` : null,
    vacancy.requiredSkillUris.length > 0 ? `${vacancy.requiredSkillUris.length} vereiste vaardigheden` : null,
    `beschikbaar per ${formatDate(vacancy.startDate)}`,
  ].filter((chip): chip is string => chip !== null);
  const wishes = [
    vacancy.experienceYearsWish ? `${vacancy.experienceYearsWish} jaar ervaring` : null,
    vacancy.preferredSkillUris.length > 0 ? `${vacancy.preferredSkillUris.length} gewenste vaardigheden` : null,
    vacancy.shifts.length > 0
      ? `diensten: ${vacancy.shifts.map((shift) => SHIFT_LABELS[shift] ?? shift).join(', ')}`
      : null,
    vacancy.openToReducedWageValue ? 'open voor 50-80 (loonkostensubsidie)' : null,
  ].filter((chip): chip is string => chip !== null);
  return (
    <Stack gap={6} component="section" aria-label="Profiel van de vacature">
      <Text>
        {vacancy.employer.name} · {vacancy.workplace.municipality} ({vacancy.workplace.region}) ·{' '}
        {CONTRACT_LABELS[vacancy.contractType]}
        {vacancy.contractMonths ? `, ${vacancy.contractMonths} maanden` : ''} · {vacancy.positionsLeft} van{' '}
        {vacancy.positions} posities open
      </Text>
      <Group gap={6} aria-label="Eisen">
        <Text size="sm" fw={600} w={60}>
          Eisen
        </Text>
        {requirements.map((chip) => (
          <Badge key={chip} variant="filled" color="blue" tt="none">
            {chip}
          </Badge>
        ))}
      </Group>
      <Group gap={6} aria-label="Wensen">
        <Text size="sm" fw={600} w={60}>
          Wensen
        </Text>
        {wishes.length === 0 ? (
          <Text size="sm" c="dimmed">
            geen
          </Text>
        ) : (
          wishes.map((chip) => (
            <Badge key={chip} variant="outline" color="gray" tt="none">
              {chip}
            </Badge>
          ))
        )}
      </Group>
    </Stack>
  );
}
