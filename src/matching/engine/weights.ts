import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Transport } from '@matching/profiles';

/** Stable codes of the score components; a code never changes meaning once shipped. */
export const COMPONENT_CODES = [
  'OCCUPATION_SAME',
  'OCCUPATION_RELATED',
  'EXPERIENCE',
  'SKILLS_REQUIRED',
  'SKILLS_PREFERRED',
  'ESSENTIAL_SKILLS',
  'DISTANCE',
  'HOURS',
  'WISH',
  'MAX_WW',
  'RECENT_CONTACT',
] as const;
export type ComponentCode = (typeof COMPONENT_CODES)[number];

export interface MatchingWeights {
  version: string;
  points: Record<ComponentCode, number>;
  scales: {
    experienceYearsForFullPoints: number;
    maxWwWeeks: number;
    recentContactDays: number;
    relatedWishShare: number;
    broodbaanShare: number;
  };
  travel: { defaultMaxKm: number; capKmByTransport: Record<Transport | 'NONE', number> };
}

/** Relative to the working directory, like every path in the configuration. */
export const DEFAULT_WEIGHTS_FILE = resolve('config', 'matching-weights.json');

/** Reads and checks a weights file: every component present, non-negative, 100 in total. */
export function loadWeights(file = DEFAULT_WEIGHTS_FILE): MatchingWeights {
  const weights = JSON.parse(readFileSync(file, 'utf8')) as MatchingWeights;
  if (typeof weights.version !== 'string' || weights.version === '') throw new Error(`${file}: version is missing`);
  for (const code of COMPONENT_CODES) {
    const points = weights.points?.[code];
    if (typeof points !== 'number' || points < 0) throw new Error(`${file}: points.${code} must be a number ≥ 0`);
  }
  // Same and related occupation exclude each other; the maximum counts the larger.
  const { OCCUPATION_SAME, OCCUPATION_RELATED, ...rest } = weights.points;
  const maximum = Math.max(OCCUPATION_SAME, OCCUPATION_RELATED) + Object.values(rest).reduce((sum, p) => sum + p, 0);
  // The score reads as "out of 100": the maxima must add up to exactly that.
  if (Math.abs(maximum - 100) > 1e-9) throw new Error(`${file}: the points add up to ${maximum}, not 100`);
  // The index keeps travel limits as whole km (a small integer per candidate), as the forms ask for them.
  const travel = weights.travel ?? {};
  for (const [key, km] of [
    ['defaultMaxKm', travel.defaultMaxKm],
    ...Object.entries(travel.capKmByTransport ?? {}).map(([mode, cap]) => [`capKmByTransport.${mode}`, cap]),
  ] as Array<[string, unknown]>) {
    if (typeof km !== 'number' || !Number.isInteger(km) || km < 0 || km > 1000)
      throw new Error(`${file}: travel.${key} must be a whole number of km between 0 and 1000`);
  }
  return weights;
}
