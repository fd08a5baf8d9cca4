import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { PlacementsService } from '@aftersales/placements/placements.service';
import { PlacementDto } from '@aftersales/placements/dto/placement.dto';
import { Clock } from '@platform/clock/clock';
import { NotFoundError, RequestValidationError } from '@platform/errors/domain-error';
import { FollowUpDto, FollowUpListQuery, FollowUpOutcomeDto } from './dto/follow-up.dto';
import { FollowUpClaimedError, FollowUpNotDueError } from './follow-ups.errors';

/** The longest call list returned at once; a unit works it from the top. */
const LIST_LIMIT = 200;

/**
 * Overdue: due before today began in the Netherlands. $1 is now; the call list shows these first.
 * The rows carry ids only (no names or contact details), so reading the list writes no audit entry.
 */
const COLUMNS = `f.id, f.placement_id AS "placementId", pl.candidate_id AS "candidateId", pl.vacancy_id AS "vacancyId",
  f.unit_id AS "unitId", pl.start_date::text AS "startDate", f.party, f.milestone, f.status, f.due_at AS "dueAt",
  f.due_at < (date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam')
    AS overdue,
  f.assignee_id AS "assigneeId", f.result, f.contacted_at AS "contactedAt"`;

interface FollowUpRow extends Omit<FollowUpDto, 'dueAt' | 'contactedAt'> {
  dueAt: Date;
  contactedAt: Date | null;
}

/**
 * The aftersales side of follow-ups: the unit's call list, claiming a call and recording its
 * outcome. An aftersales user works the follow-ups of their own unit; an administrator any.
 */
@Injectable()
export class FollowUpCallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly placements: PlacementsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: AuthenticatedUser, query: FollowUpListQuery): Promise<FollowUpDto[]> {
    const sql = new SqlParams();
    sql.p(this.clock.now());
    const whose = query.assignee === 'me' ? `f.assignee_id = ${sql.p(actor.id)}` : `f.unit_id = ${sql.p(actor.unitId)}`;
    const rows: FollowUpRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}
       FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id JOIN candidates c ON c.id = pl.candidate_id
       WHERE f.status = ${sql.p(query.status)} AND ${whose} AND ${visibleToSql(actor, sql)}
       ORDER BY overdue DESC, f.due_at, f.id
       LIMIT ${LIST_LIMIT}`,
      sql.values,
    );
    return rows.map(toDto);
  }

  /** Takes a DUE call from the unit's list; claiming one's own claim again is fine. */
  async claim(actor: AuthenticatedUser, id: string): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadWorkable(actor, id, manager);
      if (row.status !== 'DUE') throw new FollowUpNotDueError(row.status);
      if (row.assigneeId !== null && row.assigneeId !== actor.id) throw new FollowUpClaimedError();
      await manager.query(`UPDATE follow_ups SET assignee_id = $2 WHERE id = $1`, [id, actor.id]);
      return toDto(await this.load(id, manager));
    });
  }

  /**
   * Records what the call found. STILL_WORKING closes the follow-up. LEFT_JOB also ends the placement
   * (end date and the note as reason) in the same transaction, which cancels the placement's other
   * open follow-ups and makes the client ACTIVE again for the matchers.
   */
  async recordOutcome(actor: AuthenticatedUser, id: string, input: FollowUpOutcomeDto): Promise<FollowUpDto> {
    const contactedAt = new Date(input.contactedAt);
    if (contactedAt.getTime() > this.clock.now().getTime()) {
      throw new RequestValidationError({ contactedAt: 'must not be in the future' });
    }
    let ended: PlacementDto | null = null;
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.loadWorkable(actor, id, manager);
      if (row.status !== 'DUE') throw new FollowUpNotDueError(row.status);
      if (row.assigneeId !== null && row.assigneeId !== actor.id) throw new FollowUpClaimedError();
      await manager.query(
        `UPDATE follow_ups SET status = 'DONE', result = $2, contacted_at = $3, note = $4, outcome_by = $5,
           assignee_id = $5
         WHERE id = $1`,
        [id, input.result, contactedAt, input.note ?? null, actor.id],
      );
      if (input.result === 'LEFT_JOB') {
        // Both are required for LEFT_JOB by the DTO's validation.
        ended = await this.placements.endWithin(
          actor,
          row.placementId,
          { endDate: input.endDate!, reason: input.note! },
          manager,
        );
      }
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: row.candidateId,
          purpose: `follow-up ${id}: ${input.result}`,
        },
        manager,
      );
      return toDto(await this.load(id, manager));
    });
    if (ended) await this.placements.afterEnd(ended);
    return result;
  }

  /** The follow-up, locked, if this user may work it: their unit (any for ADMIN) and a visible client. */
  private async loadWorkable(actor: AuthenticatedUser, id: string, manager: EntityManager): Promise<FollowUpRow> {
    const sql = new SqlParams();
    sql.p(this.clock.now());
    const unit = hasRole(actor, Role.ADMIN) ? 'TRUE' : `f.unit_id = ${sql.p(actor.unitId)}`;
    const rows: FollowUpRow[] = await manager.query(
      `SELECT ${COLUMNS}
       FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id JOIN candidates c ON c.id = pl.candidate_id
       WHERE f.id = ${sql.p(id)} AND ${unit} AND ${visibleToSql(actor, sql)}
       FOR UPDATE OF f`,
      sql.values,
    );
    if (!rows[0]) throw new NotFoundError('Follow-up', 'FOLLOW_UP_NOT_FOUND');
    return rows[0];
  }

  private async load(id: string, manager: EntityManager): Promise<FollowUpRow> {
    const rows: FollowUpRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id WHERE f.id = $2`,
      [this.clock.now(), id],
    );
    return rows[0];
  }
}

function toDto(row: FollowUpRow): FollowUpDto {
  return {
    ...row,
    dueAt: new Date(row.dueAt).toISOString(),
    contactedAt: row.contactedAt === null ? null : new Date(row.contactedAt).toISOString(),
  };
}
