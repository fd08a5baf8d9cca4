import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { ProposalsService } from '@matching/proposals/proposals.service';
import { NotFoundError, RequestValidationError } from '@platform/errors/domain-error';
import { DomainEvents } from '@platform/queue/domain-events';
import { JobName } from '@platform/queue/queue-names';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { AdviserMessagesService } from '@aftersales/adviser-messages/adviser-messages.service';
import { FollowUpsService, PlannedFollowUp } from '@aftersales/follow-ups/follow-ups.service';
import { PickUpsService } from '@aftersales/pick-ups/pick-ups.service';
import { Instrument } from '@sales/vacancies/vacancy-terms';
import { ExitsService } from '@maxww/exits/exits.service';
import {
  CreatePlacementDto,
  EmployerPlacementDto,
  EndPlacementDto,
  PlacementDto,
  PlacementOptionsDto,
  PlacementOptionsQuery,
  RegisterHoursDto,
} from './dto/placement.dto';
import { amount, PlacementTerms, refusal } from './instruments';
import { provedLasting } from './lasting';
import {
  IdempotencyKeyReusedError,
  InstrumentNotAcceptedError,
  InstrumentNotAllowedError,
  NoPositionLeftError,
  PlacementEndedAlreadyError,
  ProposalNotAtInterviewError,
  VacancyNotOpenError,
} from './placements.errors';

const IDEMPOTENCY_SCOPE = 'placements';

export interface PlacementAnswer {
  status: number;
  body: PlacementDto;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** An ended placement, and whether its position went back to the vacancy (for the event after commit). */
export interface EndedPlacement {
  placement: PlacementDto;
  positionReturned: boolean;
}

interface PlacementRow extends Omit<PlacementDto, 'instruments' | 'createdAt'> {
  createdAt: Date;
}

const COLUMNS = `pl.id, pl.proposal_id AS "proposalId", pl.candidate_id AS "candidateId", pl.vacancy_id AS "vacancyId",
  pl.unit_id AS "unitId", pl.placed_by AS "placedBy", pl.start_date::text AS "startDate",
  pl.contract_type AS "contractType", pl.contract_months AS "contractMonths", pl.hours_per_week AS "hoursPerWeek",
  pl.target_group AS "targetGroup", pl.hours_worked AS "hoursWorked", pl.end_date::text AS "endDate",
  pl.end_reason AS "endReason", pl.created_at AS "createdAt"`;

/**
 * Placements: a hire registered in one transaction (proposal HIRED, candidate PLACED, a vacancy
 * position taken, the placement with target group, unit and instruments), idempotent by key; hours
 * for the Uitzendeuro; the end of a placement, which makes the candidate available again.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly candidates: CandidatesService,
    private readonly vacancies: VacanciesService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpsService,
    private readonly pickUps: PickUpsService,
    private readonly adviserMessages: AdviserMessagesService,
    private readonly maxWwExits: ExitsService,
  ) {}

  /**
   * The key is claimed first, inside the transaction, with INSERT … ON CONFLICT DO NOTHING: a
   * concurrent request with the same key waits on that row until this transaction ends, then sees
   * the stored answer (or, if this one failed and rolled back, claims the key itself). Everything in
   * the transaction goes through its EntityManager, so the waiting requests cannot starve it of
   * connections. Only successful answers are stored: a refused request may be retried with the key.
   */
  async place(actor: AuthenticatedUser, input: CreatePlacementDto, idempotencyKey?: string): Promise<PlacementAnswer> {
    const requestHash = hashRequest(actor.id, input);
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (idempotencyKey !== undefined) {
        const claimed: unknown[] = await manager.query(
          `INSERT INTO idempotency_keys (scope, key, actor_id, request_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
          [IDEMPOTENCY_SCOPE, idempotencyKey, actor.id, requestHash],
        );
        if (claimed.length === 0) {
          const [stored]: Array<{ requestHash: string; statusCode: number; response: PlacementDto }> =
            await manager.query(
              `SELECT request_hash AS "requestHash", status_code AS "statusCode", response
               FROM idempotency_keys WHERE scope = $1 AND key = $2`,
              [IDEMPOTENCY_SCOPE, idempotencyKey],
            );
          if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
          return {
            status: stored.statusCode,
            body: stored.response,
            replayed: true,
            candidateId: null,
            followUps: [] as PlannedFollowUp[],
          };
        }
      }
      const body = await this.register(actor, input, manager);
      // The follow-ups commit or roll back with the placement: a registered placement always has them.
      const followUps = await this.followUps.planFor(body.id, manager);
      if (idempotencyKey !== undefined) {
        await manager.query(
          `UPDATE idempotency_keys SET status_code = 201, response = $3 WHERE scope = $1 AND key = $2`,
          [IDEMPOTENCY_SCOPE, idempotencyKey, JSON.stringify(body)],
        );
      }
      return { status: 201, body, replayed: false, candidateId: body.candidateId, followUps };
    });
    // After commit, so a job never fires for a follow-up that a rollback removed.
    await this.followUps.scheduleQuietly(outcome.followUps);
    if (!outcome.replayed && outcome.candidateId) {
      // After commit: the placed candidate leaves the index, the vacancy's positions (maybe FILLED) changed.
      await this.candidates.changedMany([outcome.candidateId]);
      await this.events.emit(JobName.VacancyChanged, { vacancyId: outcome.body.vacancyId });
    }
    return { status: outcome.status, body: outcome.body, replayed: outcome.replayed };
  }
  /**
   * An employer's placements for its page: which job, when, on what terms. No client is named (the
   * salesmanager talks to the employer about its jobs), so nothing personal is read or audited.
   */
  async forEmployer(employerId: string): Promise<EmployerPlacementDto[]> {
    // Dates as text: a date column read through pg becomes a Date at local midnight.
    return this.dataSource.query(
      `SELECT pl.id, pl.vacancy_id AS "vacancyId", v.title AS "vacancyTitle",
                to_char(pl.start_date, 'YYYY-MM-DD') AS "startDate", to_char(pl.end_date, 'YYYY-MM-DD') AS "endDate",
                pl.contract_type AS "contractType", pl.contract_months AS "contractMonths",
                pl.hours_per_week AS "hoursPerWeek"
         FROM placements pl JOIN vacancies v ON v.id = pl.vacancy_id
         WHERE v.employer_id = $1
         ORDER BY pl.start_date DESC, pl.id`,
      [employerId],
    );
  }

  /**
   * Which of the vacancy's instruments may go with these terms, why not, and for how much: what
   * place() would decide, so the placement dialog shows it before the matcher sends. The target group
   * is personal data (it says Bijstand, Max-WW, 50-80): the read is audited.
   */
  async options(actor: AuthenticatedUser, query: PlacementOptionsQuery): Promise<PlacementOptionsDto> {
    const manager = this.dataSource.manager;
    const proposal = await this.proposals.row(query.proposalId, manager);
    const candidate = proposal
      ? await this.candidates.placementFacts(proposal.candidateId, query.startDate, manager)
      : null;
    if (!proposal || !candidate || !(await this.candidates.isVisible(actor, proposal.candidateId, manager))) {
      throw new NotFoundError('Proposal', 'PROPOSAL_NOT_FOUND');
    }
    if (query.contractType !== 'FIXED_TERM' && query.contractMonths !== undefined) {
      throw new RequestValidationError({ contractMonths: 'applies to a FIXED_TERM contract only' });
    }
    const vacancy = await this.vacancies.placementFacts(proposal.vacancyId, manager);
    const terms: PlacementTerms = {
      contractType: query.contractType,
      contractMonths: query.contractType === 'FIXED_TERM' ? (query.contractMonths ?? null) : null,
      targetGroup: candidate.targetGroup,
      hoursWorked: 0,
      workLimitation: candidate,
    };
    await this.record(actor, 'read', proposal.candidateId, `placement options for proposal ${proposal.id}`);
    return {
      proposalId: proposal.id,
      targetGroup: candidate.targetGroup,
      instruments: vacancy.instruments.map((instrument) => {
        const refused = refusal(instrument, terms);
        return {
          instrument,
          allowed: refused === null,
          refusal: refused,
          amount: refused ? null : amount(instrument, terms),
        };
      }),
    };
  }

  async get(actor: AuthenticatedUser, id: string): Promise<PlacementDto> {
    const row = await this.loadVisible(actor, id, this.dataSource.manager);
    await this.record(actor, 'read', row.candidateId, `placement ${id}`);
    return this.view(id, this.dataSource.manager);
  }

  /** Hours worked since the last registration; the Uitzendeuro follows the total, capped at 500 h. */
  async registerHours(actor: AuthenticatedUser, id: string, input: RegisterHoursDto): Promise<PlacementDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.loadVisible(actor, id, manager, true);
      const hoursWorked = row.hoursWorked + input.hours;
      await manager.query(`UPDATE placements SET hours_worked = $2, version = version + 1 WHERE id = $1`, [
        id,
        hoursWorked,
      ]);
      await manager.query(
        `UPDATE placement_instruments SET amount = $2 WHERE placement_id = $1 AND instrument = 'UITZENDEURO'`,
        [id, amount('UITZENDEURO', { ...termsOf(row), hoursWorked })],
      );
      await this.record(actor, 'update', row.candidateId, `placement ${id}: hours`, manager);
      return this.view(id, manager);
    });
  }

  /**
   * The placement ended: the candidate is ACTIVE again and back in the index, on the matchers'
   * "pick up again" list, and the adviser is told. Ended before it proved lasting, its position goes
   * back to the vacancy (see VacanciesService.returnPosition).
   */
  async end(actor: AuthenticatedUser, id: string, input: EndPlacementDto): Promise<PlacementDto> {
    const ended = await this.dataSource.transaction((manager) => this.endWithin(actor, id, input, manager));
    await this.afterEnd(ended);
    return ended.placement;
  }

  /**
   * Ends the placement inside the caller's transaction (an aftersales outcome LEFT_JOB ends it with
   * the follow-up's own change); the caller calls afterEnd once that transaction committed. A
   * follow-up passes its id, for the adviser's message, and has checked access itself: aftersales
   * works every follow-up of its unit, also an employer call about a client it may not see.
   */
  async endWithin(
    actor: AuthenticatedUser,
    id: string,
    input: EndPlacementDto,
    manager: EntityManager,
    byFollowUp?: { followUpId: string },
  ): Promise<EndedPlacement> {
    const row = byFollowUp ? await this.loadLocked(id, manager) : await this.loadVisible(actor, id, manager, true);
    if (row.endDate !== null) throw new PlacementEndedAlreadyError();
    if (input.endDate < row.startDate) throw new RequestValidationError({ endDate: 'must not be before startDate' });
    await manager.query(`UPDATE placements SET end_date = $2, end_reason = $3, version = version + 1 WHERE id = $1`, [
      id,
      input.endDate,
      input.reason,
    ]);
    const positionReturned =
      !provedLasting(row.startDate, input.endDate, this.followUps.milestoneOffsets()) &&
      (await this.vacancies.returnPosition(row.vacancyId, manager));
    await this.followUps.cancelRemaining(id, manager);
    // Only a candidate still PLACED becomes active again (an adviser may have set INACTIVE meanwhile).
    if ((await this.candidates.lockStatus(row.candidateId, manager)) === 'PLACED') {
      await this.candidates.setStatus(row.candidateId, 'ACTIVE', manager);
    }
    await this.pickUps.list(id, manager);
    await this.adviserMessages.send(
      { kind: 'LEFT_JOB', placementId: id, followUpId: byFollowUp?.followUpId ?? null },
      manager,
    );
    await this.record(actor, 'update', row.candidateId, `placement ${id}: ended`, manager);
    return { placement: await this.view(id, manager), positionReturned };
  }

  /** After the ending committed: the candidate is back in the index, and a vacancy open again is news. */
  async afterEnd(ended: EndedPlacement): Promise<void> {
    await this.candidates.changedMany([ended.placement.candidateId]);
    if (ended.positionReturned) {
      await this.events.emit(JobName.VacancyChanged, { vacancyId: ended.placement.vacancyId });
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private async register(actor: AuthenticatedUser, input: CreatePlacementDto, manager: EntityManager) {
    const proposal = await this.proposals.lockForHire(input.proposalId, manager);
    const candidate = proposal
      ? await this.candidates.placementFacts(proposal.candidateId, input.startDate, manager)
      : null;
    if (!proposal || !candidate || !(await this.candidates.isVisible(actor, proposal.candidateId, manager))) {
      throw new NotFoundError('Proposal', 'PROPOSAL_NOT_FOUND');
    }
    if (proposal.state !== 'INTERVIEW') throw new ProposalNotAtInterviewError(proposal.state);
    const vacancy = await this.vacancies.placementFacts(proposal.vacancyId, manager);
    const terms: PlacementTerms = {
      contractType: input.contractType,
      contractMonths: input.contractType === 'FIXED_TERM' ? (input.contractMonths ?? null) : null,
      targetGroup: candidate.targetGroup,
      hoursWorked: 0,
      workLimitation: candidate,
    };
    if (input.contractType !== 'FIXED_TERM' && input.contractMonths !== undefined) {
      throw new RequestValidationError({ contractMonths: 'applies to a FIXED_TERM contract only' });
    }
    for (const instrument of input.instruments) {
      if (!vacancy.instruments.includes(instrument)) throw new InstrumentNotAcceptedError(instrument);
      const refused = refusal(instrument, terms);
      if (refused) throw new InstrumentNotAllowedError(instrument, refused, terms.targetGroup);
    }
    const position = await this.vacancies.takePosition(proposal.vacancyId, manager);
    if (!position.taken) {
      // Thrown before anything else is written; the transaction rolls back the idempotency claim too.
      throw position.status === 'OPEN' ? new NoPositionLeftError() : new VacancyNotOpenError(position.status);
    }
    await this.proposals.hire(proposal, actor, manager);
    await this.candidates.setStatus(proposal.candidateId, 'PLACED', manager);
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO placements (proposal_id, candidate_id, vacancy_id, unit_id, placed_by, start_date, contract_type,
                               contract_months, hours_per_week, target_group)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        proposal.id,
        proposal.candidateId,
        proposal.vacancyId,
        vacancy.unitId,
        actor.id,
        input.startDate,
        input.contractType,
        terms.contractMonths,
        input.hoursPerWeek,
        candidate.targetGroup,
      ],
    );
    for (const instrument of [...input.instruments].sort()) {
      await manager.query(`INSERT INTO placement_instruments (placement_id, instrument, amount) VALUES ($1, $2, $3)`, [
        id,
        instrument,
        amount(instrument, terms),
      ]);
    }
    // A client in the Max-WW programme on the start date leaves it placed by the team, with this placement.
    await this.maxWwExits.recordTeamPlacement(
      { id, candidateId: proposal.candidateId, startDate: input.startDate, placedBy: actor.id },
      manager,
    );
    await this.record(actor, 'create', proposal.candidateId, `placement ${id}`, manager);
    return this.view(id, manager);
  }

  private async loadVisible(
    actor: AuthenticatedUser,
    id: string,
    manager: EntityManager,
    forUpdate = false,
  ): Promise<PlacementRow> {
    const sql = new SqlParams();
    const rows: PlacementRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM placements pl JOIN candidates c ON c.id = pl.candidate_id
       WHERE pl.id = ${sql.p(id)} AND ${visibleToSql(actor, sql)} ${forUpdate ? 'FOR UPDATE OF pl' : ''}`,
      sql.values,
    );
    if (!rows[0]) throw new NotFoundError('Placement', 'PLACEMENT_NOT_FOUND');
    return rows[0];
  }

  /** The placement, locked, for a caller that has checked access itself. */
  private async loadLocked(id: string, manager: EntityManager): Promise<PlacementRow> {
    const rows: PlacementRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM placements pl WHERE pl.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError('Placement', 'PLACEMENT_NOT_FOUND');
    return rows[0];
  }

  private async view(id: string, manager: EntityManager): Promise<PlacementDto> {
    const [row]: PlacementRow[] = await manager.query(`SELECT ${COLUMNS} FROM placements pl WHERE pl.id = $1`, [id]);
    const instruments: Array<{ instrument: Instrument; amount: number | null }> = await manager.query(
      `SELECT instrument, amount FROM placement_instruments WHERE placement_id = $1 ORDER BY instrument`,
      [id],
    );
    return { ...row, createdAt: new Date(row.createdAt).toISOString(), instruments };
  }

  private record(
    actor: AuthenticatedUser,
    action: 'create' | 'update' | 'read',
    candidateId: string,
    purpose: string,
    manager?: EntityManager,
  ) {
    return this.audit.record({ actor, action, subjectType: 'candidate', subjectId: candidateId, purpose }, manager);
  }
}

function termsOf(row: PlacementRow): PlacementTerms {
  return {
    contractType: row.contractType,
    contractMonths: row.contractMonths,
    targetGroup: row.targetGroup,
    hoursWorked: row.hoursWorked,
  };
}

/** The same body from the same user gives the same hash, whatever the order of keys or instruments. */
function hashRequest(actorId: string, input: CreatePlacementDto): string {
  const canonical = JSON.stringify([
    actorId,
    input.proposalId,
    input.startDate,
    input.contractType,
    input.contractMonths ?? null,
    input.hoursPerWeek,
    [...input.instruments].sort(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
