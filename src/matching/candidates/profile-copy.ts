import { Organisation } from '@identity/organisation';
import { CandidateProfile, CandidateStatus, Classification, Jobready, Pool, Transport } from '@matching/profiles';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';

/**
 * The index build's read as `COPY (SELECT …) TO STDOUT` in text format: one line a candidate, fields
 * split by tabs, parsed here straight into CandidateProfiles. node-postgres would make a row object of
 * 23 typed fields and the build two more objects from it; at a million candidates that allocation (and
 * its garbage collection) was most of the build's CPU.
 *
 * Text arrays are sent joined by a control character (no code or URI holds one; COPY leaves it as is),
 * the newest note's time as the ISO text Date#toISOString gives, so nothing needs a type parser.
 */

/** Separates the elements of a text array sent as one field. */
export const ELEMENT_SEPARATOR = '\u001f';
const joined = (column: string) => `array_to_string(${column}, E'\\x1f')`;

/** The columns of the COPY, in the order parseLine reads them (the table is `c`, the joins `k` and `n`). */
export const COPY_COLUMNS = [
  'c.id',
  'c.pool',
  'c.person_id',
  'c.pc4',
  'c.ww_end_date::text',
  'c.classification',
  'c.jobready',
  'c.work_experience',
  joined('c.skill_uris'),
  'c.education_level',
  joined('c.certificates'),
  joined('c.driving_licences'),
  'c.dutch_level',
  'c.hours_min',
  'c.hours_max',
  joined('c.transport'),
  'c.max_travel_km',
  'c.available_from::text',
  joined('c.wished_occupation_uris'),
  'c.accepts_broodbaan',
  'c.status',
  joined('k.organisations'),
  `to_char(n.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
].join(', ');

const NULL = '\\N';

/** COPY's text escapes: a backslash before b, f, n, r, t, v or itself (the only ones its output writes). */
const ESCAPED: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function unescaped(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, character: string) => ESCAPED[character] ?? character);
}

function text(field: string): string | null {
  return field === NULL ? null : unescaped(field);
}

function list(field: string): string[] {
  return field === NULL || field === '' ? [] : unescaped(field).split(ELEMENT_SEPARATOR);
}

/**
 * One COPY line as the index's profile (the same values toProfile makes from a query's row). `id` and
 * `personId` are passed apart, as strings of their own: the index keeps both for as long as the
 * candidate is in it, and a field split from the line would be a slice that keeps the whole line alive.
 */
export function parseLine(line: string, id = line.slice(0, 36), personId?: string): CandidateProfile {
  const f = line.split('\t');
  const experience = f[7];
  return {
    id,
    pool: f[1] as Pool,
    personId: personId ?? f[2],
    pc4: text(f[3]),
    wwEndDate: text(f[4]),
    classification: text(f[5]) as Classification | null,
    jobready: f[6] as Jobready,
    // jsonb may carry more keys than the profile's; only these two go on (as toProfile does).
    workExperience:
      experience === '[]'
        ? []
        : (JSON.parse(unescaped(experience)) as Array<{ occupationUri: string; years: number }>).map((entry) => ({
            occupationUri: entry.occupationUri,
            years: entry.years,
          })),
    skillUris: list(f[8]),
    educationLevel: text(f[9]) as EducationLevel | null,
    certificates: list(f[10]),
    drivingLicences: list(f[11]) as DrivingLicence[],
    dutchLevel: text(f[12]) as DutchLevel | null,
    hoursMin: Number(f[13]),
    hoursMax: Number(f[14]),
    transport: list(f[15]) as Transport[],
    maxTravelKm: f[16] === NULL ? null : Number(f[16]),
    availableFrom: f[17],
    wishedOccupationUris: list(f[18]),
    acceptsBroodbaan: f[19] === 't',
    status: f[20] as CandidateStatus,
    consentOrganisations: list(f[21]) as Organisation[],
    lastContactAt: text(f[22]),
  };
}

const NEWLINE = 0x0a;
const TAB = 0x09;
/** A uuid's text: 36 ASCII characters. */
const UUID_LENGTH = 36;

/**
 * Turns COPY's byte stream into profiles: chunks end anywhere, so the bytes after a chunk's last
 * newline wait for the next chunk. Lines are cut from the bytes (a newline byte never occurs inside a
 * UTF-8 character), the two uuids at a line's start decoded on their own (see parseLine).
 */
export class CopyLines {
  private rest: Buffer | undefined;

  /** The profiles of the lines this chunk completes. */
  push(chunk: Buffer, into: CandidateProfile[]): void {
    const bytes = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      // id, tab, pool, tab, person id: all ASCII.
      const personAt = bytes.indexOf(TAB, start + UUID_LENGTH + 1) + 1;
      into.push(
        parseLine(
          bytes.toString('utf8', start, end),
          bytes.toString('latin1', start, start + UUID_LENGTH),
          bytes.toString('latin1', personAt, personAt + UUID_LENGTH),
        ),
      );
      start = end + 1;
    }
    this.rest = start < bytes.length ? bytes.subarray(start) : undefined;
  }

  /** At the stream's end nothing may be left: COPY ends every line with a newline. */
  end(): void {
    if (this.rest) throw new Error(`The candidate COPY ended inside a line (${this.rest.length} bytes)`);
  }
}
