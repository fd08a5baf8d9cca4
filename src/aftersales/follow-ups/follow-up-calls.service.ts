import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { AdviserMessagesService } from '@aftersales/adviser-messages/adviser-messages.service';
import { EndedPlacement, PlacementsService } from '@aftersales/placements/placements.service';
import { Clock } from '@platform/clock/clock';
import { Instrument } from '@sales/vacancies/vacancy-terms';
import { AppConfig } from '@platform/config/app-config';
import { NotFoundError, RequestValidationError } from '@platform/errors/domain-error';
import {
  FollowUpAssignDto,
  FollowUpCallDto,
  FollowUpCallerDto,
  FollowUpDto,
  FollowUpListQuery,
  FollowUpOutcomeDto,
} from './dto/follow-up.dto';
import { FollowUpStatus } from './follow-up-status';
import { FollowUpClaimedError, FollowUpNotDueError } from './follow-ups.errors';
import { FollowUpsService, PlannedFollowUp } from './follow-ups.service';

/** The longest call list returned at once; a unit works it from the top. */
const LIST_LIMIT = 200;

/**
 * A call to the client is listed and worked only by a user who may see the client (`vis.visible` of
 * detailSql, or the same rule in lockWorkable): for anyone else it is as if it did not exist, since
 * its very presence, its results and its target group are about the client. The employer call of
 * the same placement stays on their list.
 */
const CLIENT_CALL_SEEN = `(f.party <> 'CLIENT' OR vis.visible)`;

/** Matches the audit subject type the employers module uses for contact persons. */
const CONTACT_PERSON = 'contact-person';

/**
 * A follow-up with what the caller needs: the client's and the employer's contact details and the
 * placement. $1 is now (for `overdue`: due before today began in the Netherlands). The client's
 * details come only where `vis.visible` (the user's organisation may see the client and the client
 * is not erased); the employer's always, since aftersales works every call of its unit.
 */
function detailSql(visible: string): string {
  return `SELECT f.id, f.placement_id AS "placementId", pl.candidate_id AS "candidateId", pl.vacancy_id AS "vacancyId",
      f.unit_id AS "unitId", pl.start_date::text AS "startDate", f.party, f.milestone, f.status, f.due_at AS "dueAt",
      f.due_at < (date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam')
        AS overdue,
      f.assignee_id AS "assigneeId", f.result, f.contacted_at AS "contactedAt", f.attempt,
      vis.visible AS "clientVisible",
      CASE WHEN vis.visible THEN c.name END AS "clientName", c.pool AS "clientPool",
      CASE WHEN vis.visible THEN c.phone END AS "clientPhone", CASE WHEN vis.visible THEN c.email END AS "clientEmail",
      e.id AS "employerId", e.name AS "employerName", ec.id AS "contactId", ec.name AS "contactName",
      ec.role AS "contactRole", ec.phone AS "contactPhone", ec.email AS "contactEmail",
      v.title AS "vacancyTitle", pl.end_date::text AS "endDate", pl.contract_type AS "contractType",
      pl.contract_months AS "contractMonths", pl.hours_per_week AS "hoursPerWeek", pl.target_group AS "targetGroup",
      ARRAY(SELECT i.instrument::text FROM placement_instruments i WHERE i.placement_id = pl.id ORDER BY i.instrument)
        AS instruments
    FROM follow_ups f
    JOIN placements pl ON pl.id = f.placement_id
    JOIN candidates c ON c.id = pl.candidate_id
    CROSS JOIN LATERAL (SELECT (c.erased_at IS NULL AND ${visible}) AS visible) vis
    JOIN vacancies v ON v.id = pl.vacancy_id
    JOIN employers e ON e.id = v.employer_id
    LEFT JOIN LATERAL (
      SELECT k.id, k.name, k.role, k.phone, k.email FROM employer_contacts k
      WHERE k.employer_id = e.id ORDER BY k.position LIMIT 1) ec ON TRUE`;
}

interface DetailRow {
  id: string;
  placementId: string;
  candidateId: string;
  vacancyId: string;
  unitId: string;
  startDate: string;
  party: FollowUpDto['party'];
  milestone: number;
  status: FollowUpStatus;
  dueAt: Date;
  overdue: boolean;
  assigneeId: string | null;
  result: FollowUpDto['result'];
  contactedAt: Date | null;
  attempt: number;
  clientVisible: boolean;
  clientName: string | null;
  clientPool: string;
  clientPhone: string | null;
  clientEmail: string | null;
  employerId: string;
  employerName: string;
  contactId: string | null;
  contactName: string | null;
  contactRole: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  vacancyTitle: string;
  endDate: string | null;
  contractType: string;
  contractMonths: number | null;
  hoursPerWeek: number;
  targetGroup: string | null;
  instruments: Instrument[];
}

interface CallRow extends Omit<FollowUpCallDto, 'contactedAt'> {
  placementId: string;
  contactedAt: Date;
}

/** The locked facts an outcome or a claim decides on. */
interface WorkableRow {
  status: FollowUpStatus;
  assigneeId: string | null;
  attempt: number;
  placementId: string;
  candidateId: string;
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
    private readonly followUps: FollowUpsService,
    private readonly adviserMessages: AdviserMessagesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The unit's (or the user's own) calls of one status: overdue first, then by due moment. */
  async list(actor: AuthenticatedUser, query: FollowUpListQuery): Promise<FollowUpDto[]> {
    const sql = new SqlParams();
    sql.p(this.clock.now());
    const visible = visibleToSql(actor, sql);
    const whose = query.assignee === 'me' ? `f.assignee_id = ${sql.p(actor.id)}` : `f.unit_id = ${sql.p(actor.unitId)}`;
    const rows: DetailRow[] = await this.dataSource.query(
      `${detailSql(visible)}
       WHERE f.status = ${sql.p(query.status)} AND ${whose} AND ${CLIENT_CALL_SEEN}
       ORDER BY overdue DESC, f.due_at, f.id
       LIMIT ${LIST_LIMIT}`,
      sql.values,
    );
    return this.withCalls(actor, rows, 'list', 'follow-up call list', this.dataSource.manager);
  }

  /**
   * One call of the user's unit (any for ADMIN), in any status, as the call list shows it: the call
   * screen opened by link or after a colleague worked it. A client call of a client the user may not
   * see answers 404, as on the list.
   */
  async get(actor: AuthenticatedUser, id: string): Promise<FollowUpDto> {
    const sql = new SqlParams();
    sql.p(this.clock.now());
    const visible = visibleToSql(actor, sql);
    const unit = hasRole(actor, Role.ADMIN) ? 'TRUE' : `f.unit_id = ${sql.p(actor.unitId)}`;
    const rows: DetailRow[] = await this.dataSource.query(
      `${detailSql(visible)} WHERE f.id = ${sql.p(id)} AND ${unit} AND ${CLIENT_CALL_SEEN}`,
      sql.values,
    );
    if (rows.length === 0) throw new NotFoundError('Follow-up', 'FOLLOW_UP_NOT_FOUND');
    const [dto] = await this.withCalls(actor, rows, 'read', `follow-up ${id}`, this.dataSource.manager);
    return dto;
  }

  /** The colleagues a call of the user's unit can be given to: its active aftersales users, by name. */
  async callers(actor: AuthenticatedUser): Promise<FollowUpCallerDto[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name FROM users u WHERE u.unit_id = $1 AND u.active AND $2 = ANY(u.roles) ORDER BY u.name, u.id`,
      [actor.unitId, Role.AFTERSALES],
    );
  }

  /** Takes a DUE call from the unit's list; claiming one's own claim again is fine. */
  async claim(actor: AuthenticatedUser, id: string): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockWorkable(actor, id, manager);
      if (row.status !== 'DUE') throw new FollowUpNotDueError(row.status);
      if (row.assigneeId !== null && row.assigneeId !== actor.id) throw new FollowUpClaimedError();
      await manager.query(`UPDATE follow_ups SET assignee_id = $2 WHERE id = $1`, [id, actor.id]);
      return this.detail(actor, id, manager);
    });
  }

  /**
   * Gives an open call (DUE, or PLANNED for its next try) to an aftersales user of its unit, also one
   * a colleague claimed (who is away, say); null puts it back on the unit's list.
   */
  async assign(actor: AuthenticatedUser, id: string, input: FollowUpAssignDto): Promise<FollowUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockWorkable(actor, id, manager);
      if (row.status !== 'DUE' && row.status !== 'PLANNED') throw new FollowUpNotDueError(row.status);
      if (input.assigneeId !== null) {
        const fits: unknown[] = await manager.query(
          `SELECT 1 FROM users u JOIN follow_ups f ON f.unit_id = u.unit_id
           WHERE u.id = $1 AND f.id = $2 AND u.active AND $3 = ANY(u.roles)`,
          [input.assigneeId, id, Role.AFTERSALES],
        );
        if (fits.length === 0) {
          throw new RequestValidationError({ assigneeId: "must be an active aftersales user of the follow-up's unit" });
        }
      }
      await manager.query(`UPDATE follow_ups SET assignee_id = $2 WHERE id = $1`, [id, input.assigneeId]);
      return this.detail(actor, id, manager);
    });
  }

  /**
   * Records what the call found, and keeps every call in follow_up_calls.
   * - STILL_WORKING: the follow-up is DONE.
   * - AT_RISK: DONE, and the adviser gets a message (the note says what the risk is).
   * - LEFT_JOB: DONE, and the placement ends in the same transaction: its other open follow-ups are
   *   cancelled, the client is ACTIVE again (back in the index after commit), listed to be picked up
   *   again, and the adviser is told.
   * - UNREACHABLE: tried again after FOLLOW_UP_RETRY_AFTER (a new delayed job, after commit), until
   *   FOLLOW_UP_MAX_TRIES calls went unanswered; then the follow-up is MISSED.
   */
  async recordOutcome(actor: AuthenticatedUser, id: string, input: FollowUpOutcomeDto): Promise<FollowUpDto> {
    const contactedAt = new Date(input.contactedAt);
    if (contactedAt.getTime() > this.clock.now().getTime()) {
      throw new RequestValidationError({ contactedAt: 'must not be in the future' });
    }
    const { maxTries, retryAfter } = this.config.get('followUps', { infer: true });
    let ended: EndedPlacement | null = null;
    let retry: PlannedFollowUp | null = null;
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockWorkable(actor, id, manager);
      if (row.status !== 'DUE') throw new FollowUpNotDueError(row.status);
      if (row.assigneeId !== null && row.assigneeId !== actor.id) throw new FollowUpClaimedError();
      await manager.query(
        `INSERT INTO follow_up_calls (follow_up_id, attempt, result, contacted_at, note, called_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, row.attempt, input.result, contactedAt, input.note ?? null, actor.id, this.clock.now()],
      );
      if (input.result === 'UNREACHABLE' && row.attempt < maxTries) {
        // The next try is due the wait after this call, on the Dutch wall clock (P2D stays two days).
        const [[planned]]: [Array<{ dueAt: Date; attempt: number }>, number] = await manager.query(
          `UPDATE follow_ups SET status = 'PLANNED', attempt = attempt + 1, dispatched_at = NULL, assignee_id = $4,
             due_at = ($2::timestamptz AT TIME ZONE 'Europe/Amsterdam' + $3::interval) AT TIME ZONE 'Europe/Amsterdam'
           WHERE id = $1
           RETURNING due_at AS "dueAt", attempt`,
          [id, contactedAt, retryAfter, actor.id],
        );
        retry = { id, dueAt: new Date(planned.dueAt), attempt: planned.attempt };
      } else {
        const status = input.result === 'UNREACHABLE' ? 'MISSED' : 'DONE';
        await manager.query(
          `UPDATE follow_ups SET status = $2, result = $3, contacted_at = $4, note = $5, outcome_by = $6, assignee_id = $6
           WHERE id = $1`,
          [id, status, input.result, contactedAt, input.note ?? null, actor.id],
        );
      }
      if (input.result === 'AT_RISK') {
        await this.adviserMessages.send({ kind: 'AT_RISK', placementId: row.placementId, followUpId: id }, manager);
      }
      if (input.result === 'LEFT_JOB') {
        // Both are required for LEFT_JOB by the DTO's validation.
        ended = await this.placements.endWithin(
          actor,
          row.placementId,
          { endDate: input.endDate!, reason: input.note! },
          manager,
          { followUpId: id },
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
      return this.detail(actor, id, manager);
    });
    // After commit: a job never fires for a retry that a rollback undid.
    if (retry) await this.followUps.scheduleQuietly([retry]);
    if (ended) await this.placements.afterEnd(ended);
    return result;
  }

  /**
   * The follow-up's facts, locked, if this user may work it: their unit (any for ADMIN), and for a
   * client call a client they may see.
   */
  private async lockWorkable(actor: AuthenticatedUser, id: string, manager: EntityManager): Promise<WorkableRow> {
    const sql = new SqlParams();
    const unit = hasRole(actor, Role.ADMIN) ? 'TRUE' : `f.unit_id = ${sql.p(actor.unitId)}`;
    const visible = visibleToSql(actor, sql);
    const rows: WorkableRow[] = await manager.query(
      `SELECT f.status, f.assignee_id AS "assigneeId", f.attempt, f.placement_id AS "placementId",
              pl.candidate_id AS "candidateId"
       FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
       JOIN candidates c ON c.id = pl.candidate_id
       CROSS JOIN LATERAL (SELECT (c.erased_at IS NULL AND ${visible}) AS visible) vis
       WHERE f.id = ${sql.p(id)} AND ${unit} AND ${CLIENT_CALL_SEEN}
       FOR UPDATE OF f`,
      sql.values,
    );
    if (!rows[0]) throw new NotFoundError('Follow-up', 'FOLLOW_UP_NOT_FOUND');
    return rows[0];
  }

  private async detail(actor: AuthenticatedUser, id: string, manager: EntityManager): Promise<FollowUpDto> {
    const sql = new SqlParams();
    sql.p(this.clock.now());
    const visible = visibleToSql(actor, sql);
    const rows: DetailRow[] = await manager.query(`${detailSql(visible)} WHERE f.id = ${sql.p(id)}`, sql.values);
    const [dto] = await this.withCalls(actor, rows, 'read', `follow-up ${id}`, manager);
    return dto;
  }

  /**
   * Adds the calls made for each placement's follow-ups, and audits every client and contact person
   * shown. The notes of calls are about the client: shown only with the client.
   */
  private async withCalls(
    actor: AuthenticatedUser,
    rows: DetailRow[],
    action: 'list' | 'read',
    purpose: string,
    manager: EntityManager,
  ): Promise<FollowUpDto[]> {
    const placementIds = [...new Set(rows.map((row) => row.placementId))];
    const calls: CallRow[] =
      placementIds.length === 0
        ? []
        : await manager.query(
            `SELECT f.placement_id AS "placementId", k.follow_up_id AS "followUpId", f.party, f.milestone, k.attempt,
                    k.result, k.contacted_at AS "contactedAt", k.note, k.called_by AS "calledBy",
                    u.name AS "calledByName"
             FROM follow_up_calls k JOIN follow_ups f ON f.id = k.follow_up_id JOIN users u ON u.id = k.called_by
             WHERE f.placement_id = ANY($1::uuid[])
             ORDER BY k.contacted_at, k.recorded_at, k.id`,
            [placementIds],
          );
    const records: AuditRecord[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.clientVisible && !seen.has(row.candidateId)) {
        seen.add(row.candidateId);
        records.push({ actor, action, subjectType: 'candidate', subjectId: row.candidateId, purpose });
      }
      if (row.contactId && !seen.has(row.contactId)) {
        seen.add(row.contactId);
        records.push({ actor, action, subjectType: CONTACT_PERSON, subjectId: row.contactId, purpose });
      }
    }
    await this.audit.recordMany(records, manager);
    const maxTries = this.config.get('followUps', { infer: true }).maxTries;
    return rows.map((row) => toDto(row, calls, maxTries));
  }
}

function toDto(row: DetailRow, calls: CallRow[], maxTries: number): FollowUpDto {
  return {
    id: row.id,
    placementId: row.placementId,
    // Who the employer call is about, its target group and the client's own calls are the client's data.
    candidateId: row.clientVisible ? row.candidateId : null,
    vacancyId: row.vacancyId,
    unitId: row.unitId,
    startDate: row.startDate,
    party: row.party,
    milestone: row.milestone,
    status: row.status,
    dueAt: new Date(row.dueAt).toISOString(),
    overdue: row.overdue,
    assigneeId: row.assigneeId,
    result: row.result,
    contactedAt: row.contactedAt === null ? null : new Date(row.contactedAt).toISOString(),
    attempt: row.attempt,
    maxTries,
    client: row.clientVisible
      ? { name: row.clientName!, pool: row.clientPool, phone: row.clientPhone, email: row.clientEmail }
      : null,
    employer: {
      id: row.employerId,
      name: row.employerName,
      contact: row.contactId
        ? { name: row.contactName!, role: row.contactRole!, phone: row.contactPhone!, email: row.contactEmail! }
        : null,
    },
    placement: {
      vacancyTitle: row.vacancyTitle,
      startDate: row.startDate,
      endDate: row.endDate,
      contractType: row.contractType,
      contractMonths: row.contractMonths,
      hoursPerWeek: row.hoursPerWeek,
      targetGroup: row.clientVisible ? row.targetGroup : null,
      // Which instruments a placement has tells what kind of client it is (LOONKOSTENSUBSIDIE: SDD 50-80).
      instruments: row.clientVisible ? row.instruments : null,
    },
    calls: calls
      .filter((call) => call.placementId === row.placementId && (row.clientVisible || call.party === 'EMPLOYER'))
      .map(({ placementId: _placement, contactedAt, note, ...call }) => ({
        ...call,
        contactedAt: new Date(contactedAt).toISOString(),
        note: row.clientVisible ? note : null,
      })),
  };
}
