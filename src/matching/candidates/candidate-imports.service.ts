import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { PolicyService } from '@identity/policy/policy.service';
import { OWNER_OF_POOL, Pool } from '@matching/profiles';
import { Clock } from '@platform/clock/clock';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { PlacesService } from '@sales/places/places.service';
import { CertificatesService } from '@sales/requirements/certificates.service';
import { CandidateWrite } from './candidate-record';
import { ImportNotFoundError } from './candidates.errors';
import { CandidatesRepository } from './candidates.repository';
import { CandidatesService } from './candidates.service';
import { LAYOUTS, missingColumns, ParsedRow, parseRow, RowProblem } from './import-layouts';

/** Rows written per transaction: large enough to be fast, small enough that a failing batch is cheap to retry row by row. */
const BATCH_SIZE = 1000;

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ImportRowError extends RowProblem {
  /** Line in the file; the header is line 1. */
  row: number;
}

export interface CandidateImportView {
  id: string;
  pool: Pool;
  status: ImportStatus;
  totalRows: number | null;
  processedRows: number;
  /** 0–100. */
  progress: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportRowError[];
  failureReason: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface ImportRow {
  id: string;
  pool: Pool;
  status: ImportStatus;
  totalRows: number | null;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportRowError[];
  failureReason: string | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const IMPORT_COLUMNS = `id, pool, status, total_rows AS "totalRows", processed_rows AS "processedRows", inserted, updated,
  unchanged, failed, errors, failure_reason AS "failureReason", created_by AS "createdBy", created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt"`;

/** Which database constraint a refused row broke, as the column of the file to fix. */
const FIELD_OF_CONSTRAINT: Record<string, string> = {
  candidates_hours: 'uren_max',
  candidates_max_travel_km: 'max_reisafstand_km',
  candidates_source_reference_unique: 'klantnummer',
};

/**
 * CSV imports of a pool. The upload is stored in candidate_imports (the job payload carries only its
 * id) and cleared once the import has run, since it holds names and BSNs. Rows are validated in
 * memory; valid rows are written in batched transactions, and a batch the database refuses is
 * retried row by row, so one bad row never stops the others.
 */
@Injectable()
export class CandidateImportsService {
  private readonly logger = new Logger(CandidateImportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CandidatesRepository,
    private readonly candidates: CandidatesService,
    private readonly places: PlacesService,
    private readonly certificates: CertificatesService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  async start(actor: AuthenticatedUser, pool: Pool, content: Buffer): Promise<CandidateImportView> {
    this.policy.assert(actor, 'create', { type: 'candidate', pool, consentOrganisations: [] });
    const [row] = await this.dataSource.query<ImportRow[]>(
      `INSERT INTO candidate_imports (pool, content, created_by) VALUES ($1, $2, $3) RETURNING ${IMPORT_COLUMNS}`,
      [pool, content, actor.id],
    );
    const payload: JobPayload<JobName.CandidateImport> = { importId: row.id };
    await this.queue.add(JobName.CandidateImport, payload, { jobId: `${row.id}-${JobName.CandidateImport}` });
    return toView(row);
  }

  /** The import's state and report: for administrators and staff of the organisation owning the pool. */
  async get(actor: AuthenticatedUser, id: string): Promise<CandidateImportView> {
    const [row] = await this.dataSource.query<ImportRow[]>(
      `SELECT ${IMPORT_COLUMNS} FROM candidate_imports WHERE id = $1`,
      [id],
    );
    if (!row || (!hasRole(actor, Role.ADMIN) && OWNER_OF_POOL[row.pool] !== actor.organisation)) {
      throw new ImportNotFoundError();
    }
    return toView(row);
  }

  /** Runs an import (the job handler). Safe to run again after a crash: rows upsert by source reference. */
  async run(importId: string): Promise<void> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [[claimed]] = await this.dataSource.query<[Array<{ pool: Pool; content: Buffer }>, number]>(
      `UPDATE candidate_imports SET status = 'RUNNING', started_at = coalesce(started_at, now())
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND content IS NOT NULL RETURNING pool, content`,
      [importId],
    );
    if (!claimed) return; // finished already, or unknown: nothing to do
    try {
      await this.load(importId, claimed.pool, claimed.content);
    } catch (error) {
      this.logger.error({ err: error, importId }, 'Candidate import failed');
      await this.dataSource.query(
        `UPDATE candidate_imports SET status = 'FAILED', content = NULL, failure_reason = $2, finished_at = now()
         WHERE id = $1`,
        [importId, 'The import stopped on an unexpected error; rows written so far stay; import the file again'],
      );
    }
  }

  private async load(importId: string, pool: Pool, content: Buffer): Promise<void> {
    const layout = LAYOUTS[pool];
    const text = content.toString('utf8');
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    const delimiter = firstLine.includes(';') ? ';' : ',';
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parse(text, {
        bom: true,
        delimiter,
        columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
      }) as unknown as Array<{ record: Record<string, string>; info: { lines: number } }>;
    } catch (error) {
      // csv-parse names the line and the kind of problem, never a cell's content.
      return this.fail(importId, `The file is not valid CSV: ${(error as Error).message}`);
    }
    const header = records[0] ? Object.keys(records[0].record) : parseHeader(firstLine, delimiter);
    const missing = missingColumns(pool, header);
    if (missing.length > 0) {
      return this.fail(importId, `The file misses the column(s) ${missing.join(', ')} of the ${layout.name} layout`);
    }

    const selectable = new Set((await this.certificates.list({ active: true })).map((certificate) => certificate.code));
    const context = {
      today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(this.clock.now()),
      knownPc4: (pc4: string) => this.places.place(pc4) !== undefined,
      selectableCertificates: selectable,
    };
    const errors: ImportRowError[] = [];
    const valid: Array<{ line: number; row: ParsedRow }> = [];
    const lineOfReference = new Map<string, number>();
    for (const { record, info } of records) {
      const result = parseRow(layout, record, context);
      if ('problems' in result) {
        errors.push(...result.problems.map((problem) => ({ row: info.lines, ...problem })));
        continue;
      }
      const earlier = lineOfReference.get(result.row.sourceReference);
      if (earlier !== undefined) {
        errors.push({
          row: info.lines,
          field: layout.columns.sourceReference!,
          reason: `repeats the one of row ${earlier}`,
        });
        continue;
      }
      lineOfReference.set(result.row.sourceReference, info.lines);
      valid.push({ line: info.lines, row: result.row });
    }
    const invalidRows = new Set(errors.map((error) => error.row)).size;
    await this.dataSource.query(
      `UPDATE candidate_imports SET total_rows = $2, processed_rows = $3, failed = $3, errors = $4 WHERE id = $1`,
      [importId, records.length, invalidRows, JSON.stringify(errors)],
    );

    const counts = { inserted: 0, updated: 0, unchanged: 0, failed: invalidRows };
    let refusedByDatabase = 0;
    for (let start = 0; start < valid.length; start += BATCH_SIZE) {
      const batch = valid.slice(start, start + BATCH_SIZE);
      const writes = batch.map(({ row }) => this.toWrite(pool, row));
      let changed: Array<{ id: string; inserted: boolean }> = [];
      try {
        changed = await this.writeBatch(importId, writes);
      } catch {
        // Some row broke a database rule: write the batch row by row and report the ones refused.
        for (let index = 0; index < batch.length; index++) {
          try {
            changed.push(...(await this.writeBatch(importId, [writes[index]])));
          } catch (error) {
            refusedByDatabase++;
            errors.push({ row: batch[index].line, ...refusal(error) });
          }
        }
      }
      const inserted = changed.filter((result) => result.inserted).length;
      counts.inserted += inserted;
      counts.updated += changed.length - inserted;
      // Valid rows so far that the upsert left alone (same values as stored, or erased candidates).
      counts.unchanged = start + batch.length - counts.inserted - counts.updated - refusedByDatabase;
      counts.failed = invalidRows + refusedByDatabase;
      await this.dataSource.query(
        `UPDATE candidate_imports SET processed_rows = $2, inserted = $3, updated = $4, unchanged = $5, failed = $6,
           errors = $7 WHERE id = $1`,
        [
          importId,
          invalidRows + start + batch.length,
          counts.inserted,
          counts.updated,
          counts.unchanged,
          counts.failed,
          JSON.stringify(errors),
        ],
      );
      await this.candidates.changedMany(changed.map((result) => result.id));
    }
    await this.dataSource.query(
      `UPDATE candidate_imports SET status = 'DONE', content = NULL, finished_at = now() WHERE id = $1`,
      [importId],
    );
    this.logger.log({ importId, ...counts }, 'Candidate import done');
  }

  private async writeBatch(
    importId: string,
    writes: CandidateWrite[],
  ): Promise<Array<{ id: string; inserted: boolean }>> {
    return this.dataSource.transaction(async (manager) => {
      const changed = await this.repository.upsertMany(writes, manager);
      await this.candidates.afterCreate(
        changed.filter((result) => result.inserted).map((result) => result.id),
        manager,
      );
      await this.audit.recordMany(
        changed.map((result) => ({
          actor: null,
          action: result.inserted ? ('create' as const) : ('update' as const),
          subjectType: 'candidate',
          subjectId: result.id,
          purpose: `candidate import ${importId}`,
        })),
        manager,
      );
      return changed;
    });
  }

  private toWrite(pool: Pool, row: ParsedRow): CandidateWrite {
    const { bsn, ...fields } = row;
    return { pool, ...fields, ...this.candidates.encryptBsn(bsn) };
  }

  private async fail(importId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE candidate_imports SET status = 'FAILED', content = NULL, failure_reason = $2, finished_at = now()
       WHERE id = $1`,
      [importId, reason.slice(0, 500)],
    );
  }
}

function parseHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
}

function refusal(error: unknown): RowProblem {
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  return {
    field: (constraint && FIELD_OF_CONSTRAINT[constraint]) ?? '-',
    reason: constraint ? `refused by the database rule ${constraint}` : 'refused by the database',
  };
}

function toView(row: ImportRow): CandidateImportView {
  return {
    id: row.id,
    pool: row.pool,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    progress: row.totalRows ? Math.floor((100 * row.processedRows) / row.totalRows) : row.status === 'DONE' ? 100 : 0,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    errors: row.errors,
    failureReason: row.failureReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
