import { VacancyProfile } from '@matching/profiles';
import { DUTCH_LEVELS } from '@sales/requirements/dutch-language-level';
import { dayNumber, dutchDate, isoDateOfDay } from '@matching/engine/dates';
import { Requirement } from '@matching/engine/requirements';

/** How one relaxation changes the profile; stable codes the web app may read. */
export type RelaxationKind =
  | 'WITHOUT_DRIVING_LICENCE'
  | 'WITHOUT_CERTIFICATE'
  | 'LOWER_DUTCH_LEVEL'
  | 'WITHOUT_DUTCH_LEVEL'
  | 'WITHOUT_EDUCATION'
  | 'FEWER_HOURS'
  | 'LARGER_TRAVEL_LIMIT'
  | 'LATER_START'
  | 'OPEN_TO_REDUCED_WAGE_VALUE';

export interface Relaxation {
  requirement: Requirement;
  kind: RelaxationKind;
  /** What is dropped or the new value: a licence category, a certificate code, a level, km, hours, a date. */
  value: string | null;
  /** Dutch, as the salesmanager says it to the employer: "zonder heftruckcertificaat". */
  label: string;
  profile: VacancyProfile;
}

/** A larger travel limit is offered this much further: the step a salesmanager would suggest. */
export const TRAVEL_STEP_KM = 10;
/** Fewer hours a week: from hoursMin − this (a common part-time step, 32 → 24). */
export const HOURS_STEP = 8;
/** A later start: this many days. */
export const LATER_START_DAYS = 28;
const MAX_TRAVEL_KM = 300;

/**
 * The relaxations worth asking an employer about, one requirement at a time: each hard requirement the
 * profile sets, loosened by one step (or dropped). Requirements of the candidate's side (jobready,
 * status) are not the employer's to relax and are left out.
 */
export function relaxationsOf(profile: VacancyProfile, certificateName: (code: string) => string): Relaxation[] {
  const relaxations: Relaxation[] = [];
  const add = (
    requirement: Requirement,
    kind: RelaxationKind,
    value: string | null,
    label: string,
    changes: Partial<VacancyProfile>,
  ) => relaxations.push({ requirement, kind, value, label, profile: { ...profile, ...changes } });

  for (const licence of profile.drivingLicences)
    add('DRIVING_LICENCE', 'WITHOUT_DRIVING_LICENCE', licence, `zonder rijbewijs ${licence}`, {
      drivingLicences: profile.drivingLicences.filter((held) => held !== licence),
    });
  for (const code of profile.certificates)
    add('CERTIFICATE', 'WITHOUT_CERTIFICATE', code, `zonder ${certificateName(code)}`, {
      certificates: profile.certificates.filter((held) => held !== code),
    });
  if (profile.minDutchLevel) {
    const lower = DUTCH_LEVELS[DUTCH_LEVELS.indexOf(profile.minDutchLevel) - 1];
    if (lower)
      add('DUTCH_LEVEL', 'LOWER_DUTCH_LEVEL', lower, `Nederlands ${lower} in plaats van ${profile.minDutchLevel}`, {
        minDutchLevel: lower,
      });
    else
      add('DUTCH_LEVEL', 'WITHOUT_DUTCH_LEVEL', null, `zonder eis Nederlands ${profile.minDutchLevel}`, {
        minDutchLevel: null,
      });
  }
  if (profile.minEducationLevel)
    add('EDUCATION', 'WITHOUT_EDUCATION', null, `zonder opleidingseis ${profile.minEducationLevel}`, {
      minEducationLevel: null,
    });
  if (profile.hoursMin > 1) {
    const from = Math.max(1, profile.hoursMin - HOURS_STEP);
    add('HOURS', 'FEWER_HOURS', String(from), `vanaf ${from} uur in plaats van ${profile.hoursMin}`, {
      hoursMin: from,
    });
  }
  if (profile.maxTravelKm !== null && profile.maxTravelKm < MAX_TRAVEL_KM) {
    const further = Math.min(MAX_TRAVEL_KM, profile.maxTravelKm + TRAVEL_STEP_KM);
    add('DISTANCE', 'LARGER_TRAVEL_LIMIT', String(further), `${further} km in plaats van ${profile.maxTravelKm}`, {
      maxTravelKm: further,
    });
  }
  const later = isoDateOfDay(dayNumber(profile.startDate) + LATER_START_DAYS);
  add(
    'AVAILABILITY',
    'LATER_START',
    later,
    `start ${LATER_START_DAYS / 7} weken later (${dutchDate(dayNumber(later))})`,
    {
      startDate: later,
    },
  );
  if (!profile.openToReducedWageValue)
    add('CLASSIFICATION', 'OPEN_TO_REDUCED_WAGE_VALUE', null, 'ook open voor doelgroep 50-80 (loonkostensubsidie)', {
      openToReducedWageValue: true,
    });
  return relaxations;
}
