import { Classification, Pool, Transport, WorkExperience } from '@matching/profiles';
import { normalisePostcode, pc4Of } from '@sales/places/postcode';
import { DRIVING_LICENCES, DrivingLicence } from '@sales/requirements/driving-licences';
import { DUTCH_LEVELS, DutchLevel } from '@sales/requirements/dutch-language-level';
import { EDUCATION_LEVELS, EducationLevel } from '@sales/requirements/education-levels';
import { validBsn } from './bsn';
import { textProblem } from '@platform/http/input-checks';
import { ESCO_OCCUPATION_URI, ESCO_SKILL_URI, isIsoDate } from './candidate-values';

/**
 * The two CSV layouts a pool is imported from: a UWV export for the WW pool and a municipal (SDD)
 * export for the Bijstand pool. Column names are matched case-insensitively; `;` or `,` separates.
 * Lists inside a cell are separated by `|`. Work experience is `<ESCO occupation URI>=<years>|…`.
 */
export interface Layout {
  pool: Pool;
  name: string;
  /** Our field → the column in the file. */
  columns: Record<ImportField, string | null>;
  required: ImportField[];
}

export type ImportField =
  | 'sourceReference'
  | 'bsn'
  | 'name'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'dateOfBirth'
  | 'wwEndDate'
  | 'wajong'
  | 'classification'
  | 'doelgroepregister'
  | 'educationLevel'
  | 'dutchLevel'
  | 'drivingLicences'
  | 'certificates'
  | 'workExperience'
  | 'skillUris'
  | 'hoursMin'
  | 'hoursMax'
  | 'transport'
  | 'maxTravelKm'
  | 'availableFrom'
  | 'wishedOccupationUris'
  | 'acceptsBroodbaan';

const SHARED = {
  educationLevel: 'opleidingsniveau',
  dutchLevel: 'taalniveau_nl',
  drivingLicences: 'rijbewijzen',
  certificates: 'certificaten',
  workExperience: 'werkervaring',
  skillUris: 'vaardigheden',
  hoursMin: 'uren_min',
  hoursMax: 'uren_max',
  transport: 'vervoer',
  maxTravelKm: 'max_reisafstand_km',
  availableFrom: 'beschikbaar_per',
  wishedOccupationUris: 'gewenste_beroepen',
  acceptsBroodbaan: 'broodbaan',
} as const;

export const LAYOUTS: Record<Pool, Layout> = {
  WW: {
    pool: 'WW',
    name: 'UWV-export (WW)',
    columns: {
      sourceReference: 'klantnummer',
      bsn: 'bsn',
      name: 'naam',
      phone: 'telefoonnummer',
      email: 'emailadres',
      postcode: 'postcode',
      dateOfBirth: 'geboortedatum',
      wwEndDate: 'einddatum_ww',
      wajong: 'wajong',
      classification: null,
      doelgroepregister: 'doelgroepregister',
      ...SHARED,
    },
    required: ['sourceReference', 'bsn', 'name', 'postcode', 'wwEndDate', 'hoursMin', 'hoursMax'],
  },
  BIJSTAND: {
    pool: 'BIJSTAND',
    name: 'Gemeente-export (Bijstand)',
    columns: {
      sourceReference: 'clientnummer',
      bsn: 'bsn',
      name: 'naam',
      phone: 'telefoon',
      email: 'email',
      postcode: 'postcode',
      dateOfBirth: 'geboortedatum',
      wwEndDate: null,
      wajong: null,
      classification: 'klantprofiel',
      doelgroepregister: 'doelgroepregister',
      ...SHARED,
    },
    required: ['sourceReference', 'bsn', 'name', 'postcode', 'hoursMin', 'hoursMax'],
  },
};

/** The columns a file must have for its pool, in a readable order. */
export function requiredColumns(pool: Pool): string[] {
  const layout = LAYOUTS[pool];
  return layout.required.map((field) => layout.columns[field]!);
}

/** Header names missing from a file, for a clear refusal before any row is read. */
export function missingColumns(pool: Pool, header: string[]): string[] {
  const present = new Set(header.map((column) => column.trim().toLowerCase()));
  return requiredColumns(pool).filter((column) => !present.has(column));
}

export interface ParsedRow {
  sourceReference: string;
  bsn: string;
  name: string;
  phone: string | null;
  email: string | null;
  postcode: string;
  pc4: string;
  dateOfBirth: string | null;
  wwEndDate: string | null;
  wajong: boolean;
  classification: Classification | null;
  doelgroepregister: boolean;
  educationLevel: EducationLevel | null;
  dutchLevel: DutchLevel | null;
  drivingLicences: DrivingLicence[];
  certificates: string[];
  workExperience: WorkExperience[];
  skillUris: string[];
  hoursMin: number;
  hoursMax: number;
  transport: Transport[];
  maxTravelKm: number | null;
  availableFrom: string;
  wishedOccupationUris: string[];
  acceptsBroodbaan: boolean;
}

/** One problem with one row: the column name as in the file, and why. Never the value itself. */
export interface RowProblem {
  field: string;
  reason: string;
}

export interface RowContext {
  /** ISO date; the default for an empty `beschikbaar_per`. */
  today: string;
  /** Whether the 4-digit postcode area exists. */
  knownPc4: (pc4: string) => boolean;
  /** Certificate codes that may be chosen (active ones). */
  selectableCertificates: ReadonlySet<string>;
}

const TRANSPORT_WORDS: Record<string, Transport> = {
  auto: 'CAR',
  car: 'CAR',
  fiets: 'BIKE',
  bike: 'BIKE',
  ov: 'PUBLIC_TRANSPORT',
  openbaar_vervoer: 'PUBLIC_TRANSPORT',
  public_transport: 'PUBLIC_TRANSPORT',
};
const CLASSIFICATION_WORDS: Record<string, Classification> = {
  '80-100': '80-100',
  '50-80': '50-80',
  participatie: 'PARTICIPATIE',
};

/**
 * Validates and normalises one CSV record (keys: lower-case column names) of a layout. Collects every
 * problem of the row rather than stopping at the first, so one report tells the sender all to fix.
 */
export function parseRow(
  layout: Layout,
  record: Record<string, string | undefined>,
  context: RowContext,
): { row: ParsedRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const column = (field: ImportField): string => layout.columns[field] ?? field;
  const cell = (field: ImportField): string => {
    const name = layout.columns[field];
    return name ? (record[name] ?? '').trim() : '';
  };
  const problem = (field: ImportField, reason: string): null => {
    problems.push({ field: column(field), reason });
    return null;
  };
  const required = (field: ImportField): string | null => {
    const value = cell(field);
    return value === '' ? problem(field, 'is empty') : value;
  };
  const list = (field: ImportField): string[] =>
    cell(field)
      .split(/[|;,]/)
      .map((item) => item.trim())
      .filter(Boolean);
  const yesNo = (field: ImportField, fallback: boolean): boolean => {
    const value = cell(field).toLowerCase();
    if (value === '') return fallback;
    if (['ja', 'j', 'yes', 'true', '1'].includes(value)) return true;
    if (['nee', 'n', 'no', 'false', '0'].includes(value)) return false;
    problem(field, 'must be ja or nee');
    return fallback;
  };
  const date = (field: ImportField): string | null => {
    const value = cell(field);
    if (value === '') return null;
    const iso = toIsoDate(value);
    if (iso === null) return problem(field, 'must be a date as YYYY-MM-DD or DD-MM-YYYY');
    // The API's own check (1900-2199): a row must not store what the same value by hand would be refused.
    const outOfRange = textProblem(iso);
    return outOfRange === null ? iso : problem(field, outOfRange);
  };
  const integer = (field: ImportField, min: number, max: number): number | null => {
    const value = cell(field);
    if (value === '') return null;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      return problem(field, `must be a whole number from ${min} to ${max}`);
    }
    return Number(value);
  };
  const oneOf = <T extends string>(field: ImportField, allowed: readonly T[]): T | null => {
    const value = cell(field);
    if (value === '') return null;
    const found = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
    return found ?? problem(field, `must be one of ${allowed.join(', ')}`);
  };

  const sourceReference = required('sourceReference');
  if (sourceReference !== null && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/.test(sourceReference)) {
    problem('sourceReference', 'must be 1–40 letters, digits, ".", "_", "/" or "-"');
  }
  const bsnCell = required('bsn');
  const bsn = bsnCell === null ? null : validBsn(bsnCell);
  if (bsnCell !== null && bsn === null) problem('bsn', 'is not a valid BSN (9 digits, elfproef)');
  const name = required('name');
  if (name !== null && name.length > 200) problem('name', 'must be at most 200 characters');
  const phone = cell('phone') || null;
  if (phone !== null && !/^\+?[0-9 ()-]{6,30}$/.test(phone)) problem('phone', 'must be a phone number');
  const email = cell('email').toLowerCase() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem('email', 'must be an e-mail address');
  const postcodeCell = required('postcode');
  const postcode = postcodeCell === null ? null : normalisePostcode(postcodeCell);
  if (postcodeCell !== null && postcode === null) problem('postcode', 'must be a Dutch postcode like 1234 AB');
  if (postcode !== null && !context.knownPc4(pc4Of(postcode))) {
    problem('postcode', `postcode area ${pc4Of(postcode)} does not exist`);
  }
  const dateOfBirth = date('dateOfBirth');
  const wwEndDate = layout.pool === 'WW' ? date('wwEndDate') : null;
  if (layout.pool === 'WW' && cell('wwEndDate') === '') problem('wwEndDate', 'is empty');
  const wajong = layout.pool === 'WW' ? yesNo('wajong', false) : false;
  let classification: Classification | null = null;
  if (layout.pool === 'BIJSTAND' && cell('classification') !== '') {
    classification = CLASSIFICATION_WORDS[cell('classification').toLowerCase()] ?? null;
    if (!classification) problem('classification', 'must be 80-100, 50-80 or participatie');
  }
  const doelgroepregister = yesNo('doelgroepregister', false);
  const educationLevel = oneOf('educationLevel', EDUCATION_LEVELS);
  const dutchLevel = oneOf('dutchLevel', DUTCH_LEVELS);
  const drivingLicences: DrivingLicence[] = [];
  for (const item of list('drivingLicences')) {
    const found = DRIVING_LICENCES.find((category) => (category as string) === item.toUpperCase());
    if (found) {
      if (!drivingLicences.includes(found)) drivingLicences.push(found);
    } else problem('drivingLicences', `must each be one of ${DRIVING_LICENCES.join(', ')}`);
  }
  const certificates = [...new Set(list('certificates'))];
  const unselectable = certificates.filter((code) => !context.selectableCertificates.has(code));
  if (unselectable.length > 0) problem('certificates', `unknown or deactivated certificate ${unselectable.join(', ')}`);
  const workExperience: WorkExperience[] = [];
  for (const item of cell('workExperience')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(\S+?)=(\d{1,2})$/.exec(item);
    if (!match || !ESCO_OCCUPATION_URI.test(match[1]) || Number(match[2]) > 60) {
      problem('workExperience', 'must be <ESCO occupation URI>=<years 0–60>, separated by |');
      break;
    }
    workExperience.push({ occupationUri: match[1], years: Number(match[2]) });
  }
  const skillUris = [...new Set(list('skillUris'))];
  if (skillUris.some((uri) => !ESCO_SKILL_URI.test(uri))) problem('skillUris', 'must each be an ESCO skill URI');
  const wishedOccupationUris = [...new Set(list('wishedOccupationUris'))];
  if (wishedOccupationUris.some((uri) => !ESCO_OCCUPATION_URI.test(uri))) {
    problem('wishedOccupationUris', 'must each be an ESCO occupation URI');
  }
  const hoursMin = integer('hoursMin', 1, 60);
  const hoursMax = integer('hoursMax', 1, 60);
  if (cell('hoursMin') === '') problem('hoursMin', 'is empty');
  if (cell('hoursMax') === '') problem('hoursMax', 'is empty');
  if (hoursMin !== null && hoursMax !== null && hoursMin > hoursMax)
    problem('hoursMax', `must be at least ${column('hoursMin')}`);
  const transport: Transport[] = [];
  for (const item of list('transport')) {
    const found = TRANSPORT_WORDS[item.toLowerCase().replace(/\s+/g, '_')];
    if (found) {
      if (!transport.includes(found)) transport.push(found);
    } else problem('transport', 'must each be auto, fiets or ov');
  }
  const maxTravelKm = integer('maxTravelKm', 0, 500);
  const availableFrom = date('availableFrom') ?? context.today;
  const acceptsBroodbaan = yesNo('acceptsBroodbaan', true);

  if (problems.length > 0) return { problems };
  return {
    row: {
      sourceReference: sourceReference!,
      bsn: bsn!,
      name: name!,
      phone,
      email,
      postcode: postcode!,
      pc4: pc4Of(postcode!),
      dateOfBirth,
      wwEndDate,
      wajong,
      classification,
      doelgroepregister,
      educationLevel,
      dutchLevel,
      drivingLicences,
      certificates,
      workExperience,
      skillUris,
      hoursMin: hoursMin!,
      hoursMax: hoursMax!,
      transport,
      maxTravelKm,
      availableFrom,
      wishedOccupationUris,
      acceptsBroodbaan,
    },
  };
}

/** '2026-03-01' or the Dutch '01-03-2026' / '1-3-2026'; null for anything else or a day that does not exist. */
export function toIsoDate(value: string): string | null {
  if (isIsoDate(value)) return value;
  const dutch = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(value);
  if (!dutch) return null;
  const iso = `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
