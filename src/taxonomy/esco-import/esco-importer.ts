import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { DataSource, QueryRunner } from 'typeorm';
import { bumpReferenceDataVersion } from '@platform/reference-data/reference-data-version';
import { EscoImportCounts } from './esco-import.entity';
import { EscoFileError, EscoRelease, readEscoRelease } from './esco-csv';

/**
 * The ESCO import as a plain function on a DataSource, so the CLI, the BullMQ job and the tests run
 * the same code. The release is read and checked in full before the database is touched; then all
 * changes go in ONE transaction: rows are compared by a content hash and only what differs is
 * inserted, updated or deleted, so importing the same release twice changes nothing.
 */

export interface EscoImportOptions {
  /** An existing import record (queued by the API) to fill in; otherwise one is created. */
  importId?: string;
  /** Defaults to the version in the folder name (esco-v1.1.1 → 1.1.1). */
  releaseVersion?: string;
  onProgress?: (percent: number) => Promise<void> | void;
  /** Runs inside the transaction, after every write, before the commit (e.g. to build search indexes). */
  beforeCommit?: (runner: QueryRunner, changed: boolean) => Promise<void>;
  now?: () => Date;
}

export interface EscoImportSummary {
  importId: string;
  releaseVersion: string | null;
  changed: boolean;
  counts: EscoImportCounts;
  contentHash: string;
  skippedRelations: number;
}

/** Rows per statement: arrays go in as one parameter per column, so this bounds memory, not parameters. */
const BATCH = 20_000;

export function releaseVersionOf(folder: string): string | null {
  return /v?(\d+(?:\.\d+)+)/.exec(basename(folder.replace(/[\\/]+$/, '')))?.[1] ?? null;
}

const hash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

interface TableRow {
  key: string;
  hash: string;
  /** Column values, in the order of the table's column list. */
  values: Array<string | null>;
}

interface TableSpec {
  table: string;
  key: string;
  /** Column name and PostgreSQL type of each value; jsonb values are passed as JSON text. */
  columns: Array<[string, string]>;
}

const TABLES = {
  isco: {
    table: 'isco_groups',
    key: 'code',
    columns: [
      ['code', 'text'],
      ['uri', 'text'],
      ['label', 'text'],
      ['parent_code', 'text'],
    ],
  },
  occupations: {
    table: 'occupations',
    key: 'uri',
    columns: [
      ['uri', 'text'],
      ['code', 'text'],
      ['isco_group', 'text'],
      ['preferred_label', 'text'],
      ['alt_labels', 'jsonb'],
      ['description', 'text'],
    ],
  },
  skills: {
    table: 'skills',
    key: 'uri',
    columns: [
      ['uri', 'text'],
      ['skill_type', 'text'],
      ['reuse_level', 'text'],
      ['label_en', 'text'],
      ['label_nl', 'text'],
      ['alt_labels_en', 'jsonb'],
      ['alt_labels_nl', 'jsonb'],
      ['description', 'text'],
    ],
  },
} satisfies Record<string, TableSpec>;

function rowsOf(release: EscoRelease): Record<keyof typeof TABLES, TableRow[]> {
  const row = (values: Array<string | null>): TableRow => ({ key: values[0]!, hash: hash(values), values });
  return {
    isco: release.iscoGroups.map((group) =>
      row([group.code, group.uri, group.label, group.parentPath[group.parentPath.length - 1] ?? null]),
    ),
    occupations: release.occupations.map((occupation) =>
      row([
        occupation.uri,
        occupation.code,
        occupation.iscoGroup,
        occupation.preferredLabel,
        JSON.stringify(occupation.altLabels),
        occupation.description,
      ]),
    ),
    skills: release.skills.map((skill) =>
      row([
        skill.uri,
        skill.skillType,
        skill.reuseLevel,
        skill.labelEn,
        skill.labelNl,
        JSON.stringify(skill.altLabelsEn),
        JSON.stringify(skill.altLabelsNl),
        skill.description,
      ]),
    ),
  };
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) result.push(items.slice(i, i + BATCH));
  return result;
}

interface TableDiff {
  changed: TableRow[];
  obsolete: string[];
  counts: EscoImportCounts[string];
}

/** What differs between the release and the table, by key and content hash. */
async function diffTable(runner: QueryRunner, spec: TableSpec, rows: TableRow[]): Promise<TableDiff> {
  const existing = new Map<string, string>(
    (
      (await runner.query(`SELECT "${spec.key}" AS key, content_hash AS hash FROM "${spec.table}"`)) as Array<{
        key: string;
        hash: string;
      }>
    ).map((row) => [row.key, row.hash]),
  );
  const wanted = new Set(rows.map((row) => row.key));
  const changed = rows.filter((row) => existing.get(row.key) !== row.hash);
  const inserted = changed.filter((row) => !existing.has(row.key)).length;
  const obsolete = [...existing.keys()].filter((key) => !wanted.has(key));
  return {
    changed,
    obsolete,
    counts: { inserted, updated: changed.length - inserted, deleted: obsolete.length, total: rows.length },
  };
}

/** Inserts new rows and updates changed ones, a batch per statement with one array parameter per column. */
async function writeRows(runner: QueryRunner, spec: TableSpec, changed: TableRow[]): Promise<void> {
  const columns = [...spec.columns.map(([name]) => name), 'content_hash'];
  const updates = columns.filter((name) => name !== spec.key).map((name) => `"${name}" = EXCLUDED."${name}"`);
  const selectList = [...spec.columns.map(([, type], i) => (type === 'jsonb' ? `c${i}::jsonb` : `c${i}`)), 'h'];
  const aliases = [...spec.columns.map((_, i) => `c${i}`), 'h'];
  const unnestTypes = [...spec.columns.map(([, type]) => (type === 'jsonb' ? 'text' : type)), 'text'];
  for (const batch of chunks(changed)) {
    const parameters = [
      ...spec.columns.map((_, i) => batch.map((row) => row.values[i] ?? null)),
      batch.map((row) => row.hash),
    ];
    await runner.query(
      `INSERT INTO "${spec.table}" (${columns.map((name) => `"${name}"`).join(', ')})
       SELECT ${selectList.join(', ')}
       FROM unnest(${unnestTypes.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${aliases.join(', ')})
       ON CONFLICT ("${spec.key}") DO UPDATE SET ${updates.join(', ')}`,
      parameters,
    );
  }
}

async function deleteKeys(runner: QueryRunner, spec: TableSpec, keys: string[]): Promise<void> {
  for (const batch of chunks(keys))
    await runner.query(`DELETE FROM "${spec.table}" WHERE "${spec.key}" = ANY($1::text[])`, [batch]);
}

async function syncRelations(runner: QueryRunner, release: EscoRelease): Promise<EscoImportCounts[string]> {
  const existing = new Map<string, string>();
  const current = (await runner.query(
    `SELECT o.uri AS occupation, s.uri AS skill, r.relation_type AS type
     FROM occupation_skills r JOIN occupations o ON o.id = r.occupation_id JOIN skills s ON s.id = r.skill_id`,
  )) as Array<{ occupation: string; skill: string; type: string }>;
  for (const row of current) existing.set(`${row.occupation} ${row.skill}`, row.type);
  const wanted = new Set<string>();
  const toWrite = release.relations.filter((relation) => {
    const key = `${relation.occupationUri} ${relation.skillUri}`;
    wanted.add(key);
    return existing.get(key) !== relation.relationType;
  });
  const toDelete = [...existing.keys()].filter((key) => !wanted.has(key));
  for (const batch of chunks(toDelete))
    await runner.query(
      `DELETE FROM occupation_skills r USING occupations o, skills s, unnest($1::text[], $2::text[]) AS u(occupation, skill)
       WHERE o.id = r.occupation_id AND s.id = r.skill_id AND o.uri = u.occupation AND s.uri = u.skill`,
      [batch.map((key) => key.split(' ')[0]), batch.map((key) => key.split(' ')[1])],
    );
  for (const batch of chunks(toWrite))
    await runner.query(
      `INSERT INTO occupation_skills (occupation_id, skill_id, relation_type)
       SELECT o.id, s.id, u.type FROM unnest($1::text[], $2::text[], $3::text[]) AS u(occupation, skill, type)
       JOIN occupations o ON o.uri = u.occupation JOIN skills s ON s.uri = u.skill
       ON CONFLICT (occupation_id, skill_id) DO UPDATE SET relation_type = EXCLUDED.relation_type`,
      [batch.map((r) => r.occupationUri), batch.map((r) => r.skillUri), batch.map((r) => r.relationType)],
    );
  const inserted = toWrite.filter((r) => !existing.has(`${r.occupationUri} ${r.skillUri}`)).length;
  return { inserted, updated: toWrite.length - inserted, deleted: toDelete.length, total: release.relations.length };
}

async function syncBroader(runner: QueryRunner, release: EscoRelease): Promise<EscoImportCounts[string]> {
  const current = (await runner.query(
    `SELECT concept_uri, broader_uri, concept_type, broader_type FROM taxonomy_broader_links`,
  )) as Array<{ concept_uri: string; broader_uri: string; concept_type: string; broader_type: string }>;
  const existing = new Map(
    current.map((row) => [`${row.concept_uri} ${row.broader_uri}`, `${row.concept_type} ${row.broader_type}`]),
  );
  const wanted = new Set<string>();
  const toWrite = release.broader.filter((link) => {
    const key = `${link.conceptUri} ${link.broaderUri}`;
    wanted.add(key);
    return existing.get(key) !== `${link.conceptType} ${link.broaderType}`;
  });
  const toDelete = [...existing.keys()].filter((key) => !wanted.has(key));
  for (const batch of chunks(toDelete))
    await runner.query(
      `DELETE FROM taxonomy_broader_links b USING unnest($1::text[], $2::text[]) AS u(concept, broader)
       WHERE b.concept_uri = u.concept AND b.broader_uri = u.broader`,
      [batch.map((key) => key.split(' ')[0]), batch.map((key) => key.split(' ')[1])],
    );
  for (const batch of chunks(toWrite))
    await runner.query(
      `INSERT INTO taxonomy_broader_links (concept_uri, broader_uri, concept_type, broader_type)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (concept_uri, broader_uri) DO UPDATE
       SET concept_type = EXCLUDED.concept_type, broader_type = EXCLUDED.broader_type`,
      [
        batch.map((l) => l.conceptUri),
        batch.map((l) => l.broaderUri),
        batch.map((l) => l.conceptType),
        batch.map((l) => l.broaderType),
      ],
    );
  const inserted = toWrite.filter((l) => !existing.has(`${l.conceptUri} ${l.broaderUri}`)).length;
  return { inserted, updated: toWrite.length - inserted, deleted: toDelete.length, total: release.broader.length };
}

/** Creates an import record in state "queued" (the API does this before enqueueing the job). */
export async function createImportRecord(
  dataSource: DataSource,
  folder: string,
  releaseVersion?: string,
): Promise<string> {
  const rows = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO taxonomy_imports (folder, release_version, status) VALUES ($1, $2, 'queued') RETURNING id`,
    [folder, releaseVersion ?? releaseVersionOf(folder)],
  );
  return rows[0].id;
}

/**
 * Imports the release in `folder`. On a malformed file (EscoFileError) or any other failure nothing
 * is changed, the import record says failed (with file, line and reason where known) and the error
 * is rethrown.
 */
export async function importEscoRelease(
  dataSource: DataSource,
  folder: string,
  options: EscoImportOptions = {},
): Promise<EscoImportSummary> {
  const now = options.now ?? (() => new Date());
  const releaseVersion = options.releaseVersion ?? releaseVersionOf(folder);
  const importId = options.importId ?? (await createImportRecord(dataSource, folder, releaseVersion ?? undefined));
  // Inside the transaction progress goes to the callback only (the job's progress): on the embedded
  // database the pool has one connection, held by the transaction.
  const progress = async (percent: number, runner?: QueryRunner): Promise<void> => {
    if (!runner) await dataSource.query(`UPDATE taxonomy_imports SET progress = $2 WHERE id = $1`, [importId, percent]);
    await options.onProgress?.(percent);
  };
  await dataSource.query(
    `UPDATE taxonomy_imports SET status = 'running', started_at = $2, release_version = $3, progress = 0 WHERE id = $1`,
    [importId, now(), releaseVersion],
  );
  try {
    const release = await readEscoRelease(folder);
    await progress(20);
    const rows = rowsOf(release);
    const contentHash = hash([
      rows.isco.map((r) => r.hash),
      rows.occupations.map((r) => r.hash),
      rows.skills.map((r) => r.hash),
      release.relations.map((r) => [r.occupationUri, r.skillUri, r.relationType]),
      release.broader.map((l) => [l.conceptUri, l.broaderUri, l.conceptType, l.broaderType]),
    ]);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // One import at a time: a second one waits here instead of interleaving its diff.
      await runner.query(`LOCK TABLE occupations, skills, isco_groups IN EXCLUSIVE MODE`);
      const isco = await diffTable(runner, TABLES.isco, rows.isco);
      const occupations = await diffTable(runner, TABLES.occupations, rows.occupations);
      const skills = await diffTable(runner, TABLES.skills, rows.skills);
      // Concepts the release dropped go first (their relations cascade), so a new concept may take
      // over a code; ISCO groups go last, after the occupations that pointed at them.
      await deleteKeys(runner, TABLES.occupations, occupations.obsolete);
      await deleteKeys(runner, TABLES.skills, skills.obsolete);
      await writeRows(runner, TABLES.isco, isco.changed);
      await writeRows(runner, TABLES.occupations, occupations.changed);
      await progress(40, runner);
      await writeRows(runner, TABLES.skills, skills.changed);
      await progress(60, runner);
      const relations = await syncRelations(runner, release);
      await progress(80, runner);
      const broaderLinks = await syncBroader(runner, release);
      await deleteKeys(
        runner,
        TABLES.isco,
        isco.obsolete.sort((a, b) => b.length - a.length),
      );
      const counts: EscoImportCounts = {
        iscoGroups: isco.counts,
        occupations: occupations.counts,
        skills: skills.counts,
        relations,
        broaderLinks,
      };
      const changed = Object.values(counts).some((c) => c.inserted + c.updated + c.deleted > 0);
      await runner.query(
        `UPDATE taxonomy_imports SET status = 'succeeded', progress = 100, finished_at = $2, counts = $3::jsonb,
         changed = $4, content_hash = $5 WHERE id = $1`,
        [importId, now(), JSON.stringify(counts), changed, contentHash],
      );
      // Running instances rebuild their search indexes when this version moves (see ReferenceData).
      if (changed) await bumpReferenceDataVersion(runner.manager, 'esco');
      await options.beforeCommit?.(runner, changed);
      await runner.commitTransaction();
      return { importId, releaseVersion, changed, counts, contentHash, skippedRelations: release.skippedRelations };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  } catch (error) {
    const fileError = error instanceof EscoFileError ? error : undefined;
    await dataSource.query(
      `UPDATE taxonomy_imports SET status = 'failed', finished_at = $2, error_file = $3, error_line = $4, error_reason = $5
       WHERE id = $1`,
      [
        importId,
        now(),
        fileError?.file ?? null,
        fileError?.line ?? null,
        fileError?.reason ?? (error instanceof Error ? error.message : String(error)).slice(0, 500),
      ],
    );
    throw error;
  }
}
