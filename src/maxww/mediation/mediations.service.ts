import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { CandidateNotFoundError } from '@matching/candidates/candidates.errors';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { RequestValidationError, StaleVersionError } from '@platform/errors/domain-error';
import { isMaxWwAdviser, MAX_WW_TEAM_ORGANISATIONS } from '@maxww/max-ww-team';
import {
  ContactDto,
  CreateContactDto,
  CreateMediationDto,
  EndMediationDto,
  MediationDetailDto,
  MediationDto,
  MediationListQuery,
  MediationPageDto,
  OverdueDto,
} from './dto/mediation.dto';
import {
  AdviserNotMaxWwError,
  MediationEndBeforeStartError,
  MediationEndedError,
  MediationExistsError,
  MediationNotFoundError,
  NotAWwClientError,
  RoutedElsewhereError,
} from './mediation.errors';
import { amsterdamDay, CONTACT_INTERVAL_DAYS, defaultNextContactDue, plannedEndOf } from './mediation-dates';
import { VacancyOffersService } from './vacancy-offers.service';

/** The longest overdue list returned at once. */
const OVERDUE_LIMIT = 500;

/**
 * One row per mediation with its newest contact and, from it, when the next contact is due: what
 * that contact said, or two weeks after it, or, before any contact, two weeks after the start (the
 * same rule as `nextContactDue` in mediation-dates.ts, here in SQL so lists filter and sort on it).
 */
function mediationSelect(sql: SqlParams, today: string): string {
  const interval = sql.p(CONTACT_INTERVAL_DAYS);
  const due = `CASE WHEN lc.contact_on IS NULL THEN m.started_on + ${interval}::int
    ELSE coalesce(lc.next_contact_due, lc.contact_on + ${interval}::int) END`;
  return `SELECT m.id, m.candidate_id AS "candidateId", c.name AS "candidateName",
      c.source_reference AS "clientNumber", c.ww_end_date::text AS "wwEndDate", m.adviser_id AS "adviserId",
      u.name AS "adviserName", m.started_on::text AS "startedOn", m.client_agreed_on::text AS "clientAgreedOn",
      m.planned_end_on::text AS "plannedEndOn", m.ended_on::text AS "endedOn", m.end_reason AS "endReason",
      m.came_without_triage AS "cameWithoutTriage", lc.contact_on::text AS "lastContactOn",
      CASE WHEN m.ended_on IS NULL THEN (${due})::text END AS "nextContactDue",
      CASE WHEN m.ended_on IS NULL THEN GREATEST(0, ${sql.p(today)}::date - (${due})) ELSE 0 END AS "daysOverdue",
      m.version
    FROM max_ww_mediations m
    JOIN candidates c ON c.id = m.candidate_id
    JOIN users u ON u.id = m.adviser_id
    LEFT JOIN LATERAL (
      SELECT k.contact_on, k.next_contact_due FROM max_ww_contacts k WHERE k.mediation_id = m.id
      ORDER BY k.contact_on DESC, k.recorded_at DESC, k.id DESC LIMIT 1) lc ON true`;
}

type MediationRow = MediationDto & { total?: number };

/**
 * Taken into mediation: a WW client, a fixed Max-WW adviser, the client's agreement, about three
 * months of regular contact ("within two weeks we call, even with no news"), each contact logged.
 * Clients are read only through the visibility rule in SQL, and every read is audited.
 */
@Injectable()
export class MediationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: VacancyOffersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return amsterdamDay(this.clock.now());
  }

  async create(actor: AuthenticatedUser, input: CreateMediationDto): Promise<MediationDetailDto> {
    const adviserId = input.adviserId ?? (isMaxWwAdviser(actor) ? actor.id : undefined);
    if (!adviserId) throw new RequestValidationError({ adviserId: 'must name the Max-WW adviser' });
    if (input.clientAgreedOn > input.startedOn) {
      throw new RequestValidationError({ clientAgreedOn: 'must be on or before startedOn (the client agrees first)' });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [candidate]: Array<{ pool: string }> = await manager.query(
        `SELECT c.pool FROM candidates c
         WHERE c.id = ${sql.p(input.candidateId)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         FOR UPDATE OF c`,
        sql.values,
      );
      if (!candidate) throw new CandidateNotFoundError();
      if (candidate.pool !== 'WW') throw new NotAWwClientError();
      const advisers: unknown[] = await manager.query(
        `SELECT 1 FROM users WHERE id = $1 AND active AND 'ADVISER' = ANY(roles) AND organisation = ANY($2::text[])`,
        [adviserId, MAX_WW_TEAM_ORGANISATIONS],
      );
      if (advisers.length === 0) throw new AdviserNotMaxWwError();
      // The triage decides the route; a client may come in without the meeting, which is recorded.
      const [route]: Array<{ route: string }> = await manager.query(
        `SELECT route FROM max_ww_routes WHERE candidate_id = $1`,
        [input.candidateId],
      );
      if (route && route.route !== 'MAX_WW_ADVISER') throw new RoutedElsewhereError(route.route);
      let inserted: Array<{ id: string }>;
      try {
        inserted = await manager.query(
          `INSERT INTO max_ww_mediations
             (candidate_id, adviser_id, started_on, client_agreed_on, planned_end_on, came_without_triage, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            input.candidateId,
            adviserId,
            input.startedOn,
            input.clientAgreedOn,
            plannedEndOf(input.startedOn),
            !route,
            actor.id,
          ],
        );
      } catch (error) {
        throw isUniqueViolation(error, 'max_ww_mediations_one_per_client') ? new MediationExistsError() : error;
      }
      await this.audit.record(
        {
          actor,
          action: 'create',
          subjectType: 'candidate',
          subjectId: input.candidateId,
          purpose: `max-ww mediation ${inserted[0].id}`,
        },
        manager,
      );
      return inserted[0].id;
    });
    return this.detail(id, this.dataSource.manager);
  }

  /** Mine by default for an adviser, everyone's for others; open ones first, soonest contact due first. */
  async list(actor: AuthenticatedUser, query: MediationListQuery): Promise<MediationPageDto> {
    const today = this.today();
    const sql = new SqlParams();
    const select = mediationSelect(sql, today);
    const where = this.scope(actor, query.adviser, sql);
    const state = query.state ?? 'open';
    if (state === 'open') where.push('m.ended_on IS NULL');
    if (state === 'ended') where.push('m.ended_on IS NOT NULL');
    const rows: MediationRow[] = await this.dataSource.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (${select} WHERE ${where.join(' AND ')}) listed
       ORDER BY "endedOn" IS NOT NULL, "nextContactDue" ASC NULLS LAST, "endedOn" DESC, "candidateName", id
       LIMIT ${sql.p(query.limit)} OFFSET ${sql.p(query.offset)}`,
      sql.values,
    );
    await this.audit.recordListed(
      actor,
      'candidate',
      rows.map((row) => row.candidateId),
      'max-ww mediations',
    );
    return {
      items: rows.map(({ total: _total, ...row }) => row),
      total: rows[0]?.total ?? 0,
      limit: query.limit,
      offset: query.offset,
      today,
    };
  }

  /** Open mediations whose next contact was due before today, most overdue first, per adviser. */
  async overdue(actor: AuthenticatedUser, adviser: string | undefined): Promise<OverdueDto> {
    const today = this.today();
    const sql = new SqlParams();
    const select = mediationSelect(sql, today);
    const where = [...this.scope(actor, adviser, sql), 'm.ended_on IS NULL'];
    const rows: MediationDto[] = await this.dataSource.query(
      `SELECT * FROM (${select} WHERE ${where.join(' AND ')}) listed WHERE "daysOverdue" > 0
       ORDER BY "adviserName", "adviserId", "daysOverdue" DESC, "candidateName", id
       LIMIT ${OVERDUE_LIMIT}`,
      sql.values,
    );
    await this.audit.recordListed(
      actor,
      'candidate',
      rows.map((row) => row.candidateId),
      'max-ww overdue contacts',
    );
    const advisers: OverdueDto['advisers'] = [];
    for (const row of rows) {
      const last = advisers[advisers.length - 1];
      if (last?.adviserId === row.adviserId) last.mediations.push(row);
      else advisers.push({ adviserId: row.adviserId, adviserName: row.adviserName, mediations: [row] });
    }
    return { today, advisers };
  }

  async get(actor: AuthenticatedUser, id: string): Promise<MediationDetailDto> {
    const candidateId = await this.visibleCandidate(actor, id, this.dataSource.manager);
    const detail = await this.detail(id, this.dataSource.manager);
    await this.audit.record({
      actor,
      action: 'read',
      subjectType: 'candidate',
      subjectId: candidateId,
      purpose: `max-ww mediation ${id}`,
    });
    return detail;
  }

  async addContact(actor: AuthenticatedUser, id: string, input: CreateContactDto): Promise<ContactDto> {
    const today = this.today();
    const nextContactDue = input.nextContactDue ?? defaultNextContactDue(input.contactOn);
    return this.dataSource.transaction(async (manager) => {
      const candidateId = await this.visibleCandidate(actor, id, manager, true);
      const [mediation]: Array<{ startedOn: string; endedOn: string | null }> = await manager.query(
        `SELECT started_on::text AS "startedOn", ended_on::text AS "endedOn" FROM max_ww_mediations WHERE id = $1`,
        [id],
      );
      if (mediation.endedOn !== null) throw new MediationEndedError();
      const errors: Record<string, string> = {};
      if (input.contactOn < mediation.startedOn) {
        errors.contactOn = `must be on or after the start of the mediation (${mediation.startedOn})`;
      } else if (input.contactOn > today) errors.contactOn = 'must not be after today';
      if (nextContactDue < input.contactOn) errors.nextContactDue = 'must be on or after contactOn';
      if (Object.keys(errors).length > 0) throw new RequestValidationError(errors);
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO max_ww_contacts (mediation_id, contact_on, channel, summary, next_contact_due, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [id, input.contactOn, input.channel, input.summary.trim(), nextContactDue, actor.id, this.clock.now()],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: candidateId,
          purpose: `max-ww mediation ${id}: contact ${row.id}`,
        },
        manager,
      );
      return (await this.contacts(id, manager)).find((contact) => contact.id === row.id)!;
    });
  }

  /** Ended without an exit, with a reason from the fixed list (EndMediationDto). */
  async end(actor: AuthenticatedUser, id: string, input: EndMediationDto): Promise<MediationDetailDto> {
    const { endedOn, version, reason } = input;
    await this.dataSource.transaction(async (manager) => {
      const candidateId = await this.visibleCandidate(actor, id, manager, true);
      const [mediation]: Array<{ startedOn: string; endedOn: string | null; version: number }> = await manager.query(
        `SELECT started_on::text AS "startedOn", ended_on::text AS "endedOn", version
         FROM max_ww_mediations WHERE id = $1`,
        [id],
      );
      if (mediation.version !== version) throw new StaleVersionError('Mediation');
      if (mediation.endedOn !== null) throw new MediationEndedError();
      if (endedOn < mediation.startedOn) throw new MediationEndBeforeStartError('endedOn', mediation.startedOn);
      // An end in the future would count as ended at once (lists, overdue, cohorts read ended_on as a fact).
      if (endedOn > this.today()) throw new RequestValidationError({ endedOn: 'must not be after today' });
      await manager.query(
        `UPDATE max_ww_mediations SET ended_on = $2, end_reason = $4, version = version + 1 WHERE id = $1 AND version = $3`,
        [id, endedOn, version, reason],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: candidateId,
          purpose: `max-ww mediation ${id}: ended ${endedOn} (${reason})`,
        },
        manager,
      );
    });
    return this.detail(id, this.dataSource.manager);
  }

  /**
   * For exits (and placements) inside their own transaction: ends the client's open mediation on
   * `on`. Returns the mediation's id, or null when the client has no open mediation (nothing to end).
   * A day before the mediation's start is refused (MEDIATION_END_BEFORE_START, 422, on field `field`).
   */
  async endMediation(
    candidateId: string,
    on: string,
    manager: EntityManager,
    field = 'exitOn',
  ): Promise<string | null> {
    const [open]: Array<{ id: string; startedOn: string }> = await manager.query(
      `SELECT id, started_on::text AS "startedOn" FROM max_ww_mediations
       WHERE candidate_id = $1 AND ended_on IS NULL FOR UPDATE`,
      [candidateId],
    );
    if (!open) return null;
    if (on < open.startedOn) throw new MediationEndBeforeStartError(field, open.startedOn);
    await manager.query(`UPDATE max_ww_mediations SET ended_on = $2, version = version + 1 WHERE id = $1`, [
      open.id,
      on,
    ]);
    return open.id;
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** `adviser`: me, all or an id; an adviser's default is themselves, everyone else's all. Plus visibility. */
  private scope(actor: AuthenticatedUser, adviser: string | undefined, sql: SqlParams): string[] {
    const wanted = adviser ?? (hasRole(actor, Role.ADVISER) ? 'me' : 'all');
    const where = ['c.erased_at IS NULL', visibleToSql(actor, sql)];
    if (wanted === 'me') where.push(`m.adviser_id = ${sql.p(actor.id)}`);
    else if (wanted !== 'all') where.push(`m.adviser_id = ${sql.p(wanted.toLowerCase())}`);
    return where;
  }

  /** The mediation's candidate when the actor may see them; 404 for both misses. `lock` for a change. */
  private async visibleCandidate(
    actor: AuthenticatedUser,
    id: string,
    manager: EntityManager,
    lock = false,
  ): Promise<string> {
    const sql = new SqlParams();
    const [row]: Array<{ candidateId: string }> = await manager.query(
      `SELECT m.candidate_id AS "candidateId" FROM max_ww_mediations m JOIN candidates c ON c.id = m.candidate_id
       WHERE m.id = ${sql.p(id)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
       ${lock ? 'FOR UPDATE OF m' : ''}`,
      sql.values,
    );
    if (!row) throw new MediationNotFoundError();
    return row.candidateId;
  }

  private async detail(id: string, manager: EntityManager): Promise<MediationDetailDto> {
    const sql = new SqlParams();
    const select = mediationSelect(sql, this.today());
    const [row]: MediationDto[] = await manager.query(`${select} WHERE m.id = ${sql.p(id)}`, sql.values);
    if (!row) throw new MediationNotFoundError();
    return {
      ...row,
      contacts: await this.contacts(id, manager),
      offers: await this.offers.offersOf(row.candidateId, manager),
    };
  }

  private async contacts(mediationId: string, manager: EntityManager): Promise<ContactDto[]> {
    const rows: Array<Omit<ContactDto, 'recordedAt'> & { recordedAt: Date }> = await manager.query(
      `SELECT k.id, k.contact_on::text AS "contactOn", k.channel, k.summary,
              k.next_contact_due::text AS "nextContactDue", k.recorded_by AS "recordedBy",
              u.name AS "recordedByName", k.recorded_at AS "recordedAt"
       FROM max_ww_contacts k JOIN users u ON u.id = k.recorded_by
       WHERE k.mediation_id = $1
       ORDER BY k.contact_on DESC, k.recorded_at DESC, k.id DESC`,
      [mediationId],
    );
    return rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt).toISOString() }));
  }
}
