import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Organisation } from '@identity/organisation';
import type { PoolClient } from 'pg';
import { to as copyTo, CopyToStreamQuery } from 'pg-copy-streams';
import { CandidateProfile } from '@matching/profiles';
import { CandidateRow, CandidateWrite, toProfile } from './candidate-record';
import { COPY_COLUMNS, CopyLines } from './profile-copy';
import { SqlParams, statementCoveredIdsSql, statementCoversSql, visibleToSql } from './visibility';

export const CANDIDATE_COLUMNS = `
  c.id, c.pool, c.source_reference AS "sourceReference", c.person_id AS "personId",
  c.bsn_ciphertext AS "bsnCiphertext", c.name, c.phone, c.email, c.postcode, c.pc4,
  c.date_of_birth::text AS "dateOfBirth", c.ww_end_date::text AS "wwEndDate", c.classification,
  c.doelgroepregister, c.wajong, c.jobready, c.jobready_assessed_at AS "jobreadyAssessedAt",
  c.jobready_assessed_by AS "jobreadyAssessedBy", c.jobready_checklist AS "jobreadyChecklist",
  c.work_experience AS "workExperience", c.skill_uris AS "skillUris", c.education_level AS "educationLevel",
  c.certificates, c.driving_licences AS "drivingLicences", c.dutch_level AS "dutchLevel",
  c.hours_min AS "hoursMin", c.hours_max AS "hoursMax", c.transport, c.max_travel_km AS "maxTravelKm",
  c.available_from::text AS "availableFrom", c.wished_occupation_uris AS "wishedOccupationUris",
  c.accepts_broodbaan AS "acceptsBroodbaan", c.adviser_id AS "adviserId", c.status, c.erased_at AS "erasedAt",
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  ARRAY(SELECT k.organisation::text FROM candidate_consents k
        WHERE k.candidate_id = c.id AND k.withdrawn_at IS NULL AND k.purpose = 'MEDIATION'
        ORDER BY k.organisation) AS "consentOrganisations",
  (SELECT max(n.noted_at) FROM candidate_notes n WHERE n.candidate_id = c.id) AS "lastContactAt"`;

/**
 * What the matching index reads: the matching fields only (no name, BSN, contact data or date of birth),
 * under the names of CandidateRow, so toProfile maps them. Reading a million of these is most of an
 * index build, so nothing else is fetched.
 */
export const PROFILE_COLUMNS = `
  c.id, c.pool, c.person_id AS "personId", c.pc4, c.ww_end_date::text AS "wwEndDate", c.classification,
  c.jobready, c.work_experience AS "workExperience", c.skill_uris AS "skillUris",
  c.education_level AS "educationLevel", c.certificates, c.driving_licences AS "drivingLicences",
  c.dutch_level AS "dutchLevel", c.hours_min AS "hoursMin", c.hours_max AS "hoursMax", c.transport,
  c.max_travel_km AS "maxTravelKm", c.available_from::text AS "availableFrom",
  c.wished_occupation_uris AS "wishedOccupationUris", c.accepts_broodbaan AS "acceptsBroodbaan", c.status,
  ARRAY(SELECT k.organisation::text FROM candidate_consents k
        WHERE k.candidate_id = c.id AND k.withdrawn_at IS NULL AND k.purpose = 'MEDIATION'
        ORDER BY k.organisation) AS "consentOrganisations",
  (SELECT max(n.noted_at) FROM candidate_notes n WHERE n.candidate_id = c.id) AS "lastContactAt"`;

/** Separates the elements of a text array sent as one string (no code or URI contains it). */
const ELEMENT_SEPARATOR = '\u001f';
const joined = (column: string) => `array_to_string(${column}, E'\\x1f')`;

/** PROFILE_COLUMNS for the index build: arrays as joined text, consents and notes from the joins. */
const BUILD_COLUMNS = `
  c.id, c.pool, c.person_id AS "personId", c.pc4, c.ww_end_date::text AS "wwEndDate", c.classification,
  c.jobready, c.work_experience AS "workExperience", ${joined('c.skill_uris')} AS "skillUris",
  c.education_level AS "educationLevel", ${joined('c.certificates')} AS certificates,
  ${joined('c.driving_licences')} AS "drivingLicences", c.dutch_level AS "dutchLevel", c.hours_min AS "hoursMin",
  c.hours_max AS "hoursMax", ${joined('c.transport')} AS transport, c.max_travel_km AS "maxTravelKm",
  c.available_from::text AS "availableFrom", ${joined('c.wished_occupation_uris')} AS "wishedOccupationUris",
  c.accepts_broodbaan AS "acceptsBroodbaan", c.status, ${joined('k.organisations')} AS "consentOrganisations",
  n.at AS "lastContactAt"`;

type JoinedArrays =
  'skillUris' | 'certificates' | 'drivingLicences' | 'transport' | 'wishedOccupationUris' | 'consentOrganisations';
type BuildRow = Omit<ProfileRow, JoinedArrays> & Record<JoinedArrays, string | null>;

const split = (text: string | null): string[] => (text ? text.split(ELEMENT_SEPARATOR) : []);

/** All fields written out (no spread): one object per row, of one shape, for a million rows. */
function fromBuildRow(row: BuildRow): ProfileRow {
  return {
    id: row.id,
    pool: row.pool,
    personId: row.personId,
    pc4: row.pc4,
    wwEndDate: row.wwEndDate,
    classification: row.classification,
    jobready: row.jobready,
    workExperience: row.workExperience,
    skillUris: split(row.skillUris),
    educationLevel: row.educationLevel,
    certificates: split(row.certificates),
    drivingLicences: split(row.drivingLicences) as ProfileRow['drivingLicences'],
    dutchLevel: row.dutchLevel,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    transport: split(row.transport) as ProfileRow['transport'],
    maxTravelKm: row.maxTravelKm,
    availableFrom: row.availableFrom,
    wishedOccupationUris: split(row.wishedOccupationUris),
    acceptsBroodbaan: row.acceptsBroodbaan,
    status: row.status,
    consentOrganisations: split(row.consentOrganisations) as ProfileRow['consentOrganisations'],
    lastContactAt: row.lastContactAt,
  };
}

/** What a ranked list shows of a candidate, and what its target group is worked out from. */
const SUMMARY_COLUMNS = `
  c.id, c.pool, c.name, c.pc4, c.ww_end_date::text AS "wwEndDate", c.classification, c.wajong,
  c.doelgroepregister, c.adviser_id AS "adviserId",
  (SELECT max(n.noted_at) FROM candidate_notes n WHERE n.candidate_id = c.id) AS "lastContactAt"`;

export type ProfileRow = Pick<
  CandidateRow,
  | 'id'
  | 'pool'
  | 'personId'
  | 'pc4'
  | 'wwEndDate'
  | 'classification'
  | 'jobready'
  | 'workExperience'
  | 'skillUris'
  | 'educationLevel'
  | 'certificates'
  | 'drivingLicences'
  | 'dutchLevel'
  | 'hoursMin'
  | 'hoursMax'
  | 'transport'
  | 'maxTravelKm'
  | 'availableFrom'
  | 'wishedOccupationUris'
  | 'acceptsBroodbaan'
  | 'status'
  | 'consentOrganisations'
  | 'lastContactAt'
>;

export type SummaryRow = Pick<
  CandidateRow,
  'id' | 'pool' | 'name' | 'pc4' | 'wwEndDate' | 'classification' | 'wajong' | 'doelgroepregister' | 'adviserId'
> & { lastContactAt: Date | null };

/** Columns the CSV import and the create endpoint write, in the order of the jsonb record below. */
const WRITE_COLUMNS: Array<[column: string, key: keyof CandidateWrite | 'personId', type: string]> = [
  ['pool', 'pool', 'text'],
  ['source_reference', 'sourceReference', 'text'],
  ['person_id', 'personId', 'uuid'],
  ['bsn_ciphertext', 'bsnCiphertext', 'text'],
  ['name', 'name', 'text'],
  ['phone', 'phone', 'text'],
  ['email', 'email', 'text'],
  ['postcode', 'postcode', 'text'],
  ['pc4', 'pc4', 'text'],
  ['date_of_birth', 'dateOfBirth', 'date'],
  ['ww_end_date', 'wwEndDate', 'date'],
  ['classification', 'classification', 'text'],
  ['doelgroepregister', 'doelgroepregister', 'boolean'],
  ['wajong', 'wajong', 'boolean'],
  ['work_experience', 'workExperience', 'jsonb'],
  ['skill_uris', 'skillUris', 'text[]'],
  ['education_level', 'educationLevel', 'text'],
  ['certificates', 'certificates', 'text[]'],
  ['driving_licences', 'drivingLicences', 'text[]'],
  ['dutch_level', 'dutchLevel', 'text'],
  ['hours_min', 'hoursMin', 'smallint'],
  ['hours_max', 'hoursMax', 'smallint'],
  ['transport', 'transport', 'text[]'],
  ['max_travel_km', 'maxTravelKm', 'smallint'],
  ['available_from', 'availableFrom', 'date'],
  ['wished_occupation_uris', 'wishedOccupationUris', 'text[]'],
  ['accepts_broodbaan', 'acceptsBroodbaan', 'boolean'],
];

/** Columns an import may overwrite; the BSN ciphertext only changes with the person (it is re-encrypted each time). */
const IMPORT_UPDATED = WRITE_COLUMNS.map(([column]) => column).filter(
  (column) => !['pool', 'source_reference', 'bsn_ciphertext'].includes(column),
);

export interface UpsertResult {
  id: string;
  inserted: boolean;
}

/** Owns the SQL of candidates, persons, notes and consents. */
@Injectable()
export class CandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The candidate if it exists and `user` may see it (null for either miss: the caller answers 404). */
  async findVisible(user: AuthenticatedUser, id: string, manager?: EntityManager): Promise<CandidateRow | null> {
    const sql = new SqlParams();
    const covers = statementCoversSql(user, sql);
    const rows = await (manager ?? this.dataSource).query<CandidateRow[]>(
      `SELECT ${CANDIDATE_COLUMNS}, ${covers} AS "statementCovers"
       FROM candidates c WHERE c.id = ${sql.p(id)} AND ${visibleToSql(user, sql)}`,
      sql.values,
    );
    return rows[0] ?? null;
  }

  /** Of these candidates, the ones `user` may see (the rule in SQL, for checks outside this module). */
  async visibleOf(user: AuthenticatedUser, ids: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const sql = new SqlParams();
    const rows = await (manager ?? this.dataSource).query<Array<{ id: string }>>(
      `SELECT c.id FROM candidates c WHERE c.id = ANY(${sql.p(ids)}::uuid[]) AND ${visibleToSql(user, sql)}`,
      sql.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The WW clients (not erased) that the user's active confidentiality statements cover. */
  async coveredByStatements(user: AuthenticatedUser): Promise<Set<string>> {
    const sql = new SqlParams();
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM candidates c
        WHERE c.erased_at IS NULL AND c.id IN (${statementCoveredIdsSql(user, sql)})`,
      sql.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  async findById(id: string, manager?: EntityManager): Promise<CandidateRow | null> {
    const rows = await (manager ?? this.dataSource).query<CandidateRow[]>(
      `SELECT ${CANDIDATE_COLUMNS} FROM candidates c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * In the Max-WW programme on `day` (issue 17's definition): a mediation by a Max-WW adviser that
   * started on or before it and had not ended before it. Read only (max_ww_mediations is the Max-WW
   * mediation module's table).
   */
  async inMaxWwProgramme(id: string, day: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM max_ww_mediations
       WHERE candidate_id = $1 AND started_on <= $2::date AND (ended_on IS NULL OR ended_on >= $2::date)`,
      [id, day],
    );
    return rows.length > 0;
  }

  async findByIds(ids: string[]): Promise<CandidateRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<CandidateRow[]>(
      `SELECT ${CANDIDATE_COLUMNS} FROM candidates c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The person with this BSN hash, made when new; the same BSN in both pools links to one person. */
  async personIdsFor(hashes: string[], manager: EntityManager): Promise<Map<string, string>> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return new Map();
    await manager.query(
      `INSERT INTO persons (bsn_hash) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (bsn_hash) DO NOTHING`,
      [unique],
    );
    const rows = await manager.query<Array<{ id: string; bsnHash: string }>>(
      `SELECT id, bsn_hash AS "bsnHash" FROM persons WHERE bsn_hash = ANY($1::text[])`,
      [unique],
    );
    return new Map(rows.map((row) => [row.bsnHash, row.id]));
  }

  /** Inserts one candidate; a taken source reference raises a unique violation. */
  async insert(write: CandidateWrite, adviserId: string | null, manager: EntityManager): Promise<string> {
    const personId = (await this.personIdsFor([write.bsnHash], manager)).get(write.bsnHash)!;
    const columns = WRITE_COLUMNS.map(([column]) => column);
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO candidates (${columns.join(', ')}, adviser_id)
       SELECT ${columns.map((column) => `r.${column}`).join(', ')}, $2::uuid
       FROM jsonb_to_recordset($1::jsonb) AS r(${WRITE_COLUMNS.map(([column, , type]) => `${column} ${type}`).join(', ')})
       RETURNING id`,
      [JSON.stringify([toRecord(write, personId)]), adviserId],
    );
    return rows[0].id;
  }

  /**
   * Inserts or updates by (pool, source reference), all rows in one statement. An update happens only
   * when a value differs, so a re-import of the same file changes (and announces) nothing; erased
   * candidates are never filled again. Returns the rows that were inserted or changed.
   */
  async upsertMany(writes: CandidateWrite[], manager: EntityManager): Promise<UpsertResult[]> {
    if (writes.length === 0) return [];
    const personIds = await this.personIdsFor(
      writes.map((write) => write.bsnHash),
      manager,
    );
    const records = writes.map((write) => toRecord(write, personIds.get(write.bsnHash)!));
    const columns = WRITE_COLUMNS.map(([column]) => column);
    const rows = await manager.query<UpsertResult[]>(
      `INSERT INTO candidates (${columns.join(', ')})
       SELECT ${columns.map((column) => `r.${column}`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS r(${WRITE_COLUMNS.map(([column, , type]) => `${column} ${type}`).join(', ')})
       ON CONFLICT (pool, source_reference) DO UPDATE SET
         ${IMPORT_UPDATED.map((column) => `${column} = EXCLUDED.${column}`).join(', ')},
         bsn_ciphertext = CASE WHEN candidates.person_id = EXCLUDED.person_id
                               THEN candidates.bsn_ciphertext ELSE EXCLUDED.bsn_ciphertext END,
         version = candidates.version + 1,
         updated_at = now()
       WHERE candidates.erased_at IS NULL
         AND (${IMPORT_UPDATED.map((column) => `candidates.${column}`).join(', ')})
             IS DISTINCT FROM (${IMPORT_UPDATED.map((column) => `EXCLUDED.${column}`).join(', ')})
       RETURNING id, (xmax = 0) AS inserted`,
      [JSON.stringify(records)],
    );
    return rows;
  }

  /**
   * `UPDATE … WHERE id AND version`, with its audit row, in one statement (one round trip; a statement
   * is its own transaction, so the change and its record commit together or not at all): the row as it
   * is after the change, or null when someone else changed it since it was read (then nothing is
   * written, the audit row neither). `changes` maps column names (from a fixed list in the service,
   * never from input) to values; `audit` gives the audit insert for the CTE it names (AuditService).
   */
  async updateVersioned(
    id: string,
    version: number,
    changes: Record<string, unknown>,
    audit: (written: string, param: (value: unknown) => string) => string,
  ): Promise<CandidateRow | null> {
    const sql = new SqlParams();
    const idParam = sql.p(id);
    const versionParam = sql.p(version);
    const assignments = Object.entries(changes).map(([column, value]) => `${column} = ${sql.p(value)}`);
    assignments.push('version = version + 1', 'updated_at = now()');
    const rows = await this.dataSource.query<CandidateRow[]>(
      `WITH updated AS (
         UPDATE candidates c SET ${assignments.join(', ')} WHERE c.id = ${idParam} AND c.version = ${versionParam}
         RETURNING ${CANDIDATE_COLUMNS}
       ), audited AS (${audit('updated', (value) => sql.p(value))})
       SELECT * FROM updated`,
      sql.values,
    );
    return rows[0] ?? null;
  }

  async addNote(candidateId: string, authorId: string, notedAt: Date, text: string, manager: EntityManager) {
    const rows = await manager.query<NoteRow[]>(
      `INSERT INTO candidate_notes (candidate_id, author_id, noted_at, text) VALUES ($1, $2, $3, $4)
       RETURNING id, author_id AS "authorId", noted_at AS "notedAt", text`,
      [candidateId, authorId, notedAt, text],
    );
    return rows[0];
  }

  notes(candidateId: string, limit?: number): Promise<NoteRow[]> {
    return this.dataSource.query<NoteRow[]>(
      `SELECT id, author_id AS "authorId", noted_at AS "notedAt", text FROM candidate_notes
       WHERE candidate_id = $1 ORDER BY noted_at DESC, id DESC ${limit ? 'LIMIT $2' : ''}`,
      limit ? [candidateId, limit] : [candidateId],
    );
  }

  consents(candidateId: string, manager?: EntityManager): Promise<ConsentRow[]> {
    return (manager ?? this.dataSource).query<ConsentRow[]>(
      `SELECT ${CONSENT_COLUMNS} FROM candidate_consents WHERE candidate_id = $1 ORDER BY recorded_at DESC, id`,
      [candidateId],
    );
  }

  async insertConsent(
    candidateId: string,
    consent: { organisation: Organisation; signedOn: string; documentReference: string; recordedBy: string },
    manager: EntityManager,
  ): Promise<ConsentRow> {
    const rows = await manager.query<ConsentRow[]>(
      `INSERT INTO candidate_consents (candidate_id, organisation, signed_on, document_reference, recorded_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${CONSENT_COLUMNS}`,
      [candidateId, consent.organisation, consent.signedOn, consent.documentReference, consent.recordedBy],
    );
    return rows[0];
  }

  /** Ends an active consent now; null when there was no active consent with this id for the candidate. */
  async withdrawConsent(
    candidateId: string,
    consentId: string,
    withdrawnBy: string | null,
    manager: EntityManager,
  ): Promise<ConsentRow | null> {
    const [rows]: [ConsentRow[], number] = await manager.query(
      `UPDATE candidate_consents SET withdrawn_at = now(), withdrawn_by = $3
       WHERE id = $1 AND candidate_id = $2 AND withdrawn_at IS NULL RETURNING ${CONSENT_COLUMNS}`,
      [consentId, candidateId, withdrawnBy],
    );
    return rows[0] ?? null;
  }

  /**
   * Removes the personal data of a candidate: identifying fields, notes; consents end. The person's
   * BSN hash goes too unless another live candidate (the other pool) still holds that person.
   */
  async erase(id: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE candidates SET bsn_ciphertext = NULL, name = NULL, phone = NULL, email = NULL, date_of_birth = NULL,
         postcode = NULL, status = 'INACTIVE', erased_at = now(), version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id],
    );
    await manager.query(`DELETE FROM candidate_notes WHERE candidate_id = $1`, [id]);
    await manager.query(
      `UPDATE candidate_consents SET withdrawn_at = now() WHERE candidate_id = $1 AND withdrawn_at IS NULL`,
      [id],
    );
    await manager.query(
      `UPDATE persons p SET bsn_hash = NULL
       WHERE p.id = (SELECT person_id FROM candidates WHERE id = $1)
         AND NOT EXISTS (SELECT 1 FROM candidates o WHERE o.person_id = p.id AND o.erased_at IS NULL)`,
      [id],
    );
  }

  /** The matching profiles of these live candidates (erased and unknown ones are left out). */
  async profilesOf(ids: string[]): Promise<ProfileRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<ProfileRow[]>(
      `SELECT ${PROFILE_COLUMNS} FROM candidates c WHERE c.id = ANY($1::uuid[]) AND c.erased_at IS NULL`,
      [ids],
    );
  }

  /**
   * Every live candidate's matching profile, about `batchSize` at a time: what the index build reads, a
   * million rows at a national pool. The table is cut into `parts` ranges of its pages (a TID range
   * scan reads only its own pages), each read by its own connection as one `COPY … TO STDOUT` parsed
   * straight into profiles (profile-copy.ts), so PostgreSQL works on several cores while this process
   * parses. All parts read one snapshot (exported by the first, taken over by the others); changes
   * committed during the read come through the change stream. Consents and notes are joined as
   * aggregates, not looked up row by row.
   *
   * With one pooled connection (the embedded PGlite: one session) it reads one cursor instead.
   */
  async *profileBatches(batchSize: number, parts = BUILD_PARTS): AsyncGenerator<CandidateProfile[]> {
    const poolSize = (this.dataSource.options as { extra?: { max?: number } }).extra?.max ?? 10;
    if (poolSize <= 1) {
      for await (const rows of this.profileCursor(batchSize)) yield rows.map(toProfile);
      return;
    }
    // Leave connections for the requests served meanwhile (a rebuild runs while the service does).
    const count = Math.max(1, Math.min(parts, poolSize - 2));
    const runners = Array.from({ length: count }, () => this.dataSource.createQueryRunner());
    const streams: CopyToStreamQuery[] = [];
    let complete = false;
    try {
      const clients = (await Promise.all(runners.map((runner) => runner.connect()))) as PoolClient[];
      await clients[0].query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ snapshot, pages }] = (
        await clients[0].query<{ snapshot: string; pages: string }>(
          `SELECT pg_export_snapshot() AS snapshot,
                  pg_relation_size('candidates') / current_setting('block_size')::int AS pages`,
        )
      ).rows;
      for (const client of clients.slice(1)) {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, '')}'`);
      }
      const step = Math.ceil((Number(pages) + 1) / count);
      const sources = clients.map((client, part) => {
        // The last part has no upper bound: pages added since the size was read are its.
        const range = [
          part > 0 ? `c.ctid >= '(${part * step},0)'::tid` : 'true',
          part < count - 1 ? `c.ctid < '(${(part + 1) * step},0)'::tid` : 'true',
        ].join(' AND ');
        const stream = client.query(copyTo(`COPY (${buildQuery(range)}) TO STDOUT`));
        streams.push(stream);
        return copyBatches(stream, batchSize);
      });
      yield* merged(sources);
      await Promise.all(clients.map((client) => client.query('COMMIT')));
      complete = true;
    } finally {
      // A consumer that stopped early or a part that failed: the other streams stop, and their
      // connections (mid-COPY, or in a transaction) are closed rather than handed to the next query.
      for (const stream of streams) if (!stream.readableEnded) stream.destroy();
      const discarded = complete ? undefined : new Error('The index build stopped before its read ended');
      for (const runner of runners) await (runner as unknown as PooledRunner).releasePostgresConnection(discarded);
    }
  }

  /** The build's read on one connection: a cursor over one snapshot, fetched a batch ahead. */
  private async *profileCursor(batchSize: number): AsyncGenerator<ProfileRow[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let next: Promise<BuildRow[]> | undefined;
    try {
      await runner.startTransaction('REPEATABLE READ');
      // A cursor plans for its first rows by default (nested loops); this one reads all of them.
      await runner.query('SET LOCAL cursor_tuple_fraction = 1');
      await runner.query(
        `DECLARE candidate_profiles NO SCROLL CURSOR FOR
         SELECT ${BUILD_COLUMNS}
           FROM candidates c
           LEFT JOIN (SELECT candidate_id, array_agg(organisation::text ORDER BY organisation) AS organisations
                        FROM candidate_consents
                       WHERE withdrawn_at IS NULL AND purpose = 'MEDIATION'
                       GROUP BY candidate_id) k ON k.candidate_id = c.id
           LEFT JOIN (SELECT candidate_id, max(noted_at) AS at FROM candidate_notes GROUP BY candidate_id) n
                  ON n.candidate_id = c.id
          WHERE c.erased_at IS NULL`,
      );
      const fetch = () => runner.query(`FETCH ${Math.floor(batchSize)} FROM candidate_profiles`) as Promise<BuildRow[]>;
      next = fetch();
      for (;;) {
        const rows = await next;
        next = undefined;
        if (rows.length === 0) break;
        next = fetch();
        yield rows.map(fromBuildRow);
      }
      await runner.commitTransaction();
    } finally {
      // A consumer that stopped early: let the fetch in flight finish before the transaction ends.
      await next?.catch(() => undefined);
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** What ranked lists show of these live candidates. */
  /**
   * Through the visibility rule in SQL although the engine ranked only whom its index lets the user
   * see: the index of this instance may lag a consent withdrawn through another one, and this read names them.
   */
  async summariesOf(user: AuthenticatedUser, ids: string[]): Promise<SummaryRow[]> {
    if (ids.length === 0) return [];
    const sql = new SqlParams();
    return this.dataSource.query<SummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM candidates c
       WHERE c.id = ANY(${sql.p(ids)}::uuid[]) AND c.erased_at IS NULL AND ${visibleToSql(user, sql)}`,
      sql.values,
    );
  }

  /** Every live candidate in id order, `batchSize` at a time (keyset pagination: stable while rows change). */
  async *batches(batchSize: number): AsyncGenerator<CandidateRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<CandidateRow[]>(
        `SELECT ${CANDIDATE_COLUMNS} FROM candidates c WHERE c.erased_at IS NULL AND c.id > $1 ORDER BY c.id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  async visibleByBsnHash(user: AuthenticatedUser, bsnHash: string): Promise<CandidateRow[]> {
    const sql = new SqlParams();
    return this.dataSource.query<CandidateRow[]>(
      `SELECT ${CANDIDATE_COLUMNS} FROM candidates c JOIN persons p ON p.id = c.person_id
       WHERE p.bsn_hash = ${sql.p(bsnHash)} AND c.erased_at IS NULL AND ${visibleToSql(user, sql)}
       ORDER BY c.pool, c.id`,
      sql.values,
    );
  }

  async search(
    user: AuthenticatedUser,
    where: (sql: SqlParams) => string[],
    orderBy: string,
    page: { limit: number; offset: number },
  ): Promise<{ rows: CandidateRow[]; total: number }> {
    const sql = new SqlParams();
    const conditions = ['c.erased_at IS NULL', visibleToSql(user, sql), ...where(sql)].join(' AND ');
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM candidates c WHERE ${conditions}`,
      sql.values,
    );
    const rows = await this.dataSource.query<CandidateRow[]>(
      `SELECT ${CANDIDATE_COLUMNS} FROM candidates c WHERE ${conditions} ORDER BY ${orderBy}
       LIMIT ${sql.p(page.limit)} OFFSET ${sql.p(page.offset)}`,
      sql.values,
    );
    return { rows, total };
  }
}

export interface NoteRow {
  id: string;
  authorId: string;
  notedAt: Date;
  text: string;
}

export interface ConsentRow {
  id: string;
  organisation: Organisation;
  purpose: string;
  signedOn: string;
  documentReference: string;
  recordedBy: string | null;
  recordedAt: Date;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

const CONSENT_COLUMNS = `id, organisation, purpose, signed_on::text AS "signedOn", document_reference AS "documentReference",
  recorded_by AS "recordedBy", recorded_at AS "recordedAt", withdrawn_at AS "withdrawnAt", withdrawn_by AS "withdrawnBy"`;

function toRecord(write: CandidateWrite, personId: string): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, key] of WRITE_COLUMNS) {
    record[column] = key === 'personId' ? personId : write[key];
  }
  return record;
}

/** TypeORM's query runner releases its pooled connection with an error: the pool then closes it. */
interface PooledRunner {
  releasePostgresConnection(error?: Error): Promise<void>;
}

/** Page ranges the index build reads side by side (each on its own connection and PostgreSQL process). */
const BUILD_PARTS = 3;

/** The build's query for the rows of one page range (`range`: a condition on c.ctid). */
function buildQuery(range: string): string {
  return `SELECT ${COPY_COLUMNS}
            FROM candidates c
            LEFT JOIN (SELECT candidate_id, array_agg(organisation::text ORDER BY organisation) AS organisations
                         FROM candidate_consents
                        WHERE withdrawn_at IS NULL AND purpose = 'MEDIATION'
                        GROUP BY candidate_id) k ON k.candidate_id = c.id
            LEFT JOIN (SELECT candidate_id, max(noted_at) AS at FROM candidate_notes GROUP BY candidate_id) n
                   ON n.candidate_id = c.id
           WHERE c.erased_at IS NULL AND ${range}`;
}

/** One COPY's profiles in batches of `size` (the last may be smaller; a stream chunk holds many lines). */
async function* copyBatches(stream: CopyToStreamQuery, size: number): AsyncGenerator<CandidateProfile[]> {
  const lines = new CopyLines();
  const parsed: CandidateProfile[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    lines.push(chunk, parsed);
    while (parsed.length >= size) yield parsed.splice(0, size);
  }
  lines.end();
  if (parsed.length > 0) yield parsed.splice(0);
}

/** The batches of several sources, each as soon as it is there; each source is asked for its next only after. */
async function* merged<T>(sources: Array<AsyncGenerator<T>>): AsyncGenerator<T> {
  type Next = { source: number; result: IteratorResult<T> };
  const pending = new Map<number, Promise<Next>>();
  const ask = (source: number) => {
    const next = sources[source].next().then((result) => ({ source, result }));
    // When another source failed first, this one's end (its stream destroyed) is no unhandled rejection.
    next.catch(() => undefined);
    pending.set(source, next);
  };
  sources.forEach((_, source) => ask(source));
  while (pending.size > 0) {
    const { source, result } = await Promise.race(pending.values());
    if (result.done) {
      pending.delete(source);
      continue;
    }
    ask(source);
    yield result.value;
  }
}
