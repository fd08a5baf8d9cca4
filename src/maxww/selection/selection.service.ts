import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { NotFoundError, RequestValidationError } from '@platform/errors/domain-error';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { AlreadyExcludedError, ExclusionLiftedError } from '../max-ww.errors';
import {
  CreateExclusionDto,
  ExclusionDto,
  RouteDto,
  SelectionDto,
  SelectionInvitationDto,
  SelectionItemDto,
  SelectionQuery,
} from './dto/selection.dto';
import { amsterdamDay, daysBetween, monthsAheadWindow, monthWindow, SelectionWindow } from './selection-window';

/** At most this many clients in one answer; a month of WW endings in a region is a few hundred. */
const SELECTION_LIMIT = 1000;

/**
 * A WW client the team may select: in the WW pool, not erased, not INACTIVE (ACTIVE, PROPOSED or
 * PLACED: a placed client's WW may still run), and visible to the user by the one SQL rule.
 */
export function selectableSql(actor: AuthenticatedUser, sql: SqlParams): string {
  return `${SELECTABLE_WHOEVER_LOOKS} AND ${visibleToSql(actor, sql)}`;
}
const SELECTABLE_WHOEVER_LOOKS = `c.pool = 'WW' AND c.erased_at IS NULL AND c.status <> 'INACTIVE'`;

export const EXCLUSION_COLUMNS = `x.id, x.candidate_id AS "candidateId", x.reason, x.recorded_by AS "recordedBy",
  ru.name AS "recordedByName", x.recorded_at AS "recordedAt", x.lifted_at AS "liftedAt", x.lifted_by AS "liftedBy"`;
const EXCLUSION_FROM = `max_ww_exclusions x JOIN users ru ON ru.id = x.recorded_by`;

export const ROUTE_COLUMNS = `r.candidate_id AS "candidateId", r.route, r.basis, r.meeting_id AS "meetingId",
  r.decided_by AS "decidedBy", du.name AS "decidedByName", r.decided_at AS "decidedAt"`;
export const ROUTE_FROM = `max_ww_routes r JOIN users du ON du.id = r.decided_by`;

export type ExclusionRow = Omit<ExclusionDto, 'recordedAt' | 'liftedAt'> & { recordedAt: Date; liftedAt: Date | null };
export type RouteRow = Omit<RouteDto, 'decidedAt'> & { decidedAt: Date };

export function exclusionDto(row: ExclusionRow): ExclusionDto {
  return {
    ...row,
    recordedAt: new Date(row.recordedAt).toISOString(),
    liftedAt: row.liftedAt === null ? null : new Date(row.liftedAt).toISOString(),
  };
}

export function routeDto(row: RouteRow): RouteDto {
  return { ...row, decidedAt: new Date(row.decidedAt).toISOString() };
}

/**
 * The Max-WW team's monthly selection: the WW clients whose WW ends in a window the user chooses, with
 * what the team recorded about each (an exclusion flag, invitations, the route). The window is the
 * user's, not MAX_WW_MONTHS (that one defines the MAX WW target group of placements).
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async select(actor: AuthenticatedUser, query: SelectionQuery): Promise<SelectionDto> {
    const today = amsterdamDay(this.clock.now());
    const window = windowOf(query, today);
    const sql = new SqlParams();
    const where = `${selectableSql(actor, sql)}
      AND c.ww_end_date BETWEEN ${sql.p(window.from)}::date AND ${sql.p(window.to)}::date`;
    const rows: Array<Omit<SelectionItemDto, 'daysLeft' | 'exclusion' | 'invitations' | 'route'> & { total: number }> =
      await this.dataSource.query(
        `SELECT c.id AS "candidateId", c.name, c.source_reference AS "sourceReference",
                c.ww_end_date::text AS "wwEndDate", c.jobready, a.name AS "adviserName",
                count(*) OVER ()::int AS total
         FROM candidates c LEFT JOIN users a ON a.id = c.adviser_id
         WHERE ${where}
         ORDER BY c.ww_end_date, lower(c.name), c.id
         LIMIT ${SELECTION_LIMIT}`,
        sql.values,
      );
    const ids = rows.map((row) => row.candidateId);
    // How many of the window's WW clients the visibility rule keeps from this user (a staffing-firm adviser
    // sees only what their confidentiality statement covers): a count, so the list does not pass for a
    // window without endings, and nobody named.
    const [{ inWindow }]: Array<{ inWindow: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS "inWindow" FROM candidates c
       WHERE ${SELECTABLE_WHOEVER_LOOKS} AND c.ww_end_date BETWEEN $1::date AND $2::date`,
      [window.from, window.to],
    );
    const [exclusions, invitations, routes] = await Promise.all([
      this.dataSource.query<ExclusionRow[]>(
        `SELECT ${EXCLUSION_COLUMNS} FROM ${EXCLUSION_FROM} WHERE x.candidate_id = ANY($1::uuid[]) AND x.lifted_at IS NULL`,
        [ids],
      ),
      this.dataSource.query<Array<Omit<SelectionInvitationDto, 'startsAt'> & { candidateId: string; startsAt: Date }>>(
        `SELECT i.id, i.candidate_id AS "candidateId", i.meeting_id AS "meetingId", i.attempt, m.starts_at AS "startsAt",
                i.attendance
         FROM max_ww_invitations i JOIN max_ww_meetings m ON m.id = i.meeting_id
         WHERE i.candidate_id = ANY($1::uuid[]) AND i.cancelled_at IS NULL ORDER BY i.attempt`,
        [ids],
      ),
      this.dataSource.query<RouteRow[]>(
        `SELECT ${ROUTE_COLUMNS} FROM ${ROUTE_FROM} WHERE r.candidate_id = ANY($1::uuid[])`,
        [ids],
      ),
    ]);
    await this.audit.recordListed(actor, 'candidate', ids, `Max-WW selection ${window.from}..${window.to}`);
    const exclusionOf = new Map(exclusions.map((row) => [row.candidateId, exclusionDto(row)]));
    const routeOf = new Map(routes.map((row) => [row.candidateId, routeDto(row)]));
    const invitationsOf = new Map<string, SelectionInvitationDto[]>();
    for (const { candidateId, ...invitation } of invitations) {
      const list = invitationsOf.get(candidateId) ?? [];
      list.push({ ...invitation, startsAt: new Date(invitation.startsAt).toISOString() });
      invitationsOf.set(candidateId, list);
    }
    return {
      ...window,
      total: rows[0]?.total ?? 0,
      hiddenClients: Math.max(0, inWindow - (rows[0]?.total ?? 0)),
      items: rows.map(({ total: _total, ...row }) => ({
        ...row,
        daysLeft: daysBetween(today, row.wwEndDate),
        exclusion: exclusionOf.get(row.candidateId) ?? null,
        invitations: invitationsOf.get(row.candidateId) ?? [],
        route: routeOf.get(row.candidateId) ?? null,
      })),
    };
  }

  /** Flag a client as not to be invited, with the team's reason. One active flag per client. */
  async exclude(actor: AuthenticatedUser, input: CreateExclusionDto): Promise<ExclusionDto> {
    return this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [candidate]: Array<{ id: string }> = await manager.query(
        `SELECT c.id FROM candidates c WHERE c.id = ${sql.p(input.candidateId)} AND ${selectableSql(actor, sql)}`,
        sql.values,
      );
      if (!candidate) throw new NotFoundError('WW client', 'CANDIDATE_NOT_FOUND');
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO max_ww_exclusions (candidate_id, reason, recorded_by, recorded_at) VALUES ($1, $2, $3, $4)
           RETURNING id`,
          [input.candidateId, input.reason, actor.id, this.clock.now()],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'max_ww_exclusions_one_active')) throw new AlreadyExcludedError();
        throw error;
      }
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: input.candidateId,
          purpose: `Max-WW exclusion ${input.reason}`,
        },
        manager,
      );
      return this.exclusion(manager, id);
    });
  }

  /** Lift a flag: the row stays, with who lifted it and when. */
  async lift(actor: AuthenticatedUser, exclusionId: string): Promise<ExclusionDto> {
    return this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [found]: Array<{ candidateId: string; liftedAt: Date | null }> = await manager.query(
        `SELECT x.candidate_id AS "candidateId", x.lifted_at AS "liftedAt"
         FROM max_ww_exclusions x JOIN candidates c ON c.id = x.candidate_id
         WHERE x.id = ${sql.p(exclusionId)} AND ${selectableSql(actor, sql)}
         FOR UPDATE OF x`,
        sql.values,
      );
      if (!found) throw new NotFoundError('Exclusion', 'EXCLUSION_NOT_FOUND');
      if (found.liftedAt !== null) throw new ExclusionLiftedError();
      await manager.query(`UPDATE max_ww_exclusions SET lifted_at = $2, lifted_by = $3 WHERE id = $1`, [
        exclusionId,
        this.clock.now(),
        actor.id,
      ]);
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: found.candidateId,
          purpose: `Max-WW exclusion ${exclusionId} lifted`,
        },
        manager,
      );
      return this.exclusion(manager, exclusionId);
    });
  }

  private async exclusion(manager: { query: DataSource['query'] }, id: string): Promise<ExclusionDto> {
    const [row]: ExclusionRow[] = await manager.query(
      `SELECT ${EXCLUSION_COLUMNS} FROM ${EXCLUSION_FROM} WHERE x.id = $1`,
      [id],
    );
    return exclusionDto(row);
  }
}

function windowOf(query: SelectionQuery, today: string): SelectionWindow {
  const ahead = query.fromMonths !== undefined || query.toMonths !== undefined;
  if (query.month !== undefined && ahead) {
    throw new RequestValidationError({ month: 'give either month or fromMonths and toMonths, not both' });
  }
  if (query.month !== undefined) return monthWindow(query.month);
  if (query.fromMonths === undefined || query.toMonths === undefined) {
    const field = query.fromMonths === undefined ? 'fromMonths' : 'toMonths';
    throw new RequestValidationError(
      ahead ? { [field]: 'is needed with the other' } : { month: 'give a month (YYYY-MM), or fromMonths and toMonths' },
    );
  }
  if (query.fromMonths > query.toMonths) throw new RequestValidationError({ toMonths: 'must be at least fromMonths' });
  return monthsAheadWindow(today, query.fromMonths, query.toMonths);
}
