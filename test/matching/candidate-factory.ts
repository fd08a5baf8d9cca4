import { resolve } from 'node:path';

// The real geo data: ../shared/data/geo from the repository root.
export const GEO_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'geo');
export const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';

let counter = 0;

/** A valid create body; override what a test is about: `makeCandidate({ pool: 'BIJSTAND' })`. */
export function makeCandidate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  const pool = (overrides.pool as string | undefined) ?? 'WW';
  return {
    pool,
    sourceReference: `${pool}-T-${Date.now().toString(36)}-${counter}`,
    bsn: '111222333',
    name: `Kandidaat ${counter}`,
    postcode: '3311 AB',
    hoursMin: 24,
    hoursMax: 36,
    availableFrom: '2026-12-01',
    ...(pool === 'WW' ? { wwEndDate: '2027-06-30' } : { classification: '80-100' }),
    workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
    transport: ['BIKE'],
    ...overrides,
  };
}

/** Valid BSNs (elfproef) for tests that need several different people. */
export const BSNS = ['111222333', '123456782', '100000009', '100000010', '100000022', '100000034'];
