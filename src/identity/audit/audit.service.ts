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

/**
 * Every read or change of a person's data goes through `record`: who, what, when, why. Pass the
 * transaction's EntityManager where the change is transactional, so the audit row commits with it.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly clock: Clock,
  ) {}

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
    const at = this.clock.now();
    const requestId = RequestContext.requestId() ?? null;
    const rows = records.map((record) => ({
      at,
      actorId: record.actor?.id ?? null,
      actorOrganisation: record.actor?.organisation ?? null,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      purpose: record.purpose.slice(0, 200),
      requestId,
    }));
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await repository.insert(rows);
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
