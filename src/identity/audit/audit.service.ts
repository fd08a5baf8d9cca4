import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { RequestContext } from '@platform/http/request-context';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { AuditEntryEntity } from './audit-entry.entity';

export type AuditAction = 'read' | 'list' | 'search' | 'create' | 'update' | 'delete' | 'export' | 'erase' | 'match';

export interface AuditRecord {
  /** The user who acted; null for the system (imports, jobs). */
  actor: AuthenticatedUser | null;
  action: AuditAction;
  /** What kind of person's data: 'user', 'candidate', 'contact-person', … */
  subjectType: string;
  /** The internal id of the person (never a BSN or a name); null for a list that names no one. */
  subjectId: string | null;
  /** Why, in a few words: 'profile', 'matching for vacancy <id>', 'aftersales call'. */
  purpose: string;
}

type AuditRow = Omit<AuditEntryEntity, 'id'>;

/**
 * Every read or change of a person's data goes through `record`: who, what, when, why. Pass the
 * transaction's EntityManager where the change is transactional, so the audit row commits with it.
 *
 * Without one, the rows are written by a group commit: records that arrive while an insert is running
 * wait for the next insert, which writes all of them in one statement. Every call still resolves only
 * once its rows are committed, so nothing is shown before its read is on record (a crash loses no row
 * of an answer already given); under load, twenty lists at once cost one insert, not twenty.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly clock: Clock,
  ) {}

  private queued: Array<{ rows: AuditRow[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing: Promise<void> | undefined;

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    await this.recordMany([record], manager);
  }

  /** A list that showed these people: one 'list' entry each, for the same purpose. */
  async recordListed(
    actor: AuthenticatedUser,
    subjectType: string,
    subjectIds: readonly string[],
    purpose: string,
    manager?: EntityManager,
  ): Promise<void> {
    await this.recordMany(
      subjectIds.map((subjectId) => ({ actor, action: 'list' as const, subjectType, subjectId, purpose })),
      manager,
    );
  }

  async recordMany(records: AuditRecord[], manager?: EntityManager): Promise<void> {
    if (records.length === 0) return;
    const rows = this.rowsOf(records);
    if (manager) {
      await manager.getRepository(AuditEntryEntity).insert(rows);
      return;
    }
    const written = new Promise<void>((resolve, reject) => this.queued.push({ rows, resolve, reject }));
    if (!this.writing) this.writing = this.writeQueued().finally(() => (this.writing = undefined));
    await written;
  }

  /**
   * The audit row of a change as part of the caller's own statement, written only when `written` (a
   * CTE of that statement) holds a row: `WITH updated AS (UPDATE … RETURNING …), audited AS (<this>)
   * SELECT * FROM updated` changes the record and puts the change on record in one round trip and one
   * transaction. `param` places a value among the statement's parameters.
   */
  insertWhere(record: AuditRecord, written: string, param: (value: unknown) => string): string {
    const [row] = this.rowsOf([record]);
    return `INSERT INTO audit_log (at, actor_id, actor_organisation, action, subject_type, subject_id, purpose, request_id)
      SELECT ${param(row.at)}::timestamptz, ${param(row.actorId)}::uuid, ${param(row.actorOrganisation)}::varchar,
             ${param(row.action)}::varchar, ${param(row.subjectType)}::varchar, ${param(row.subjectId)}::varchar,
             ${param(row.purpose)}::varchar, ${param(row.requestId)}::varchar
      WHERE EXISTS (SELECT 1 FROM ${written})`;
  }

  private rowsOf(records: AuditRecord[]): AuditRow[] {
    const at = this.clock.now();
    const requestId = RequestContext.requestId() ?? null;
    return records.map((record) => ({
      at,
      actorId: record.actor?.id ?? null,
      actorOrganisation: record.actor?.organisation ?? null,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      purpose: record.purpose.slice(0, 200),
      requestId,
    }));
  }

  /** Writes what is queued, one insert at a time, until nothing is left. */
  private async writeQueued(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      try {
        await this.insert(batch.flatMap((entry) => entry.rows));
        for (const entry of batch) entry.resolve();
      } catch {
        // One caller's bad row must not fail the others': each on its own, as without batching.
        for (const entry of batch) await this.insert(entry.rows).then(entry.resolve, entry.reject);
      }
    }
  }

  /** One statement with one array per column: its size does not depend on the number of rows. */
  private async insert(rows: AuditRow[]): Promise<void> {
    await this.entries.query(
      `INSERT INTO audit_log (at, actor_id, actor_organisation, action, subject_type, subject_id, purpose, request_id)
       SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[],
                            $6::varchar[], $7::varchar[], $8::varchar[])`,
      [
        rows.map((row) => row.at),
        rows.map((row) => row.actorId),
        rows.map((row) => row.actorOrganisation),
        rows.map((row) => row.action),
        rows.map((row) => row.subjectType),
        rows.map((row) => row.subjectId),
        rows.map((row) => row.purpose),
        rows.map((row) => row.requestId),
      ],
    );
  }

  async search(filter: {
    actorId?: string;
    subjectType?: string;
    subjectId?: string;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
  }): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const query = this.entries.createQueryBuilder('entry');
    if (filter.actorId) query.andWhere('entry.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.subjectType) query.andWhere('entry.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) query.andWhere('entry.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.from) query.andWhere('entry.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.at < :to', { to: filter.to });
    const [items, total] = await query
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }
}
