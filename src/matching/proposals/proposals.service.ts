import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { VacancyOffersService } from '@maxww/mediation/vacancy-offers.service';
import { CandidateErasedError, CandidateNotFoundError } from '@matching/candidates/candidates.errors';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { vacancyContext } from '@matching/engine/match-context';
import { MatchQuery } from '@matching/engine/match-query';
import { MatchingIndexService } from '@matching/engine/matching-index.service';
import { referenceFailures, referenceFeatures } from '@matching/engine/reference-matcher';
import { failureSentence } from '@matching/engine/requirements';
import { explain } from '@matching/engine/scoring';
import { CandidateStatus } from '@matching/profiles';
import { Clock } from '@platform/clock/clock';
import { NotFoundError, RequestValidationError, StaleVersionError } from '@platform/errors/domain-error';
import { Page } from '@platform/http/pagination';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import {
  MismatchDto,
  ProposalDto,
  ProposalListItemDto,
  ProposalListQuery,
  ProposalResultDto,
  ProposalTransitionDto,
  ProposalWarningDto,
} from './dto/proposal.dto';
import { canMove, OPEN_STATES, ProposalState, RejectionReason } from './proposal-states';
import {
  HireThroughPlacementError,
  ProposalOpenAlreadyError,
  ProposalTransitionInvalidError,
  RequirementNotMetError,
  VacancyNotOpenForProposalsError,
} from './proposals.errors';

export interface ProposalRow {
  id: string;
  vacancyId: string;
  candidateId: string;
  unitId: string;
  state: ProposalState;
  score: string;
  components: ProposalDto['components'];
  weightsVersion: string;
  shortlistedBy: string;
  proposedBy: string | null;
  proposedAt: Date | null;
  interviewAt: Date | null;
  closedAt: Date | null;
  reasonCode: RejectionReason | null;
  reasonText: string | null;
  version: number;
  createdAt: Date;
}

const COLUMNS = `p.id, p.vacancy_id AS "vacancyId", p.candidate_id AS "candidateId", p.unit_id AS "unitId", p.state,
  p.score, p.components, p.weights_version AS "weightsVersion", p.shortlisted_by AS "shortlistedBy",
  p.proposed_by AS "proposedBy", p.proposed_at AS "proposedAt", p.interview_at AS "interviewAt",
  p.closed_at AS "closedAt", p.reason_code AS "reasonCode", p.reason_text AS "reasonText", p.version,
  p.created_at AS "createdAt"`;

/** More open proposals than this many times the positions left earns a warning (2:1 is the target). */
const PROPOSALS_PER_POSITION_WARNING = 2;

/** Why the other open proposals of a placed candidate were withdrawn (shown to the matcher, in Dutch). */
const PLACED_ELSEWHERE = 'geplaatst via een andere vacature';

/**
 * Proposals: shortlist from the ranked list with a snapshot of the score, move through the states
 * with who and when, keep the candidate's status in step (PROPOSED while a proposal is open), and
 * send a mismatch back to the adviser. Every read and change is audited on the candidate.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidatesService,
    private readonly vacancies: VacanciesService,
    private readonly index: MatchingIndexService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly offers: VacancyOffersService,
  ) {}

  async create(actor: AuthenticatedUser, vacancyId: string, candidateId: string): Promise<ProposalResultDto> {
    const vacancy = await this.vacancies.matchingView(vacancyId);
    if (!vacancy) throw new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    if (vacancy.profile.status !== 'OPEN') throw new VacancyNotOpenForProposalsError(vacancy.profile.status);
    const candidate = await this.candidates.profile(candidateId);
    if (!candidate && (await this.candidates.isErasedAndVisible(actor, candidateId))) throw new CandidateErasedError();
    // Not visible is answered as not found, as everywhere: the API does not reveal that the candidate exists.
    if (!candidate || !(await this.candidates.isVisible(actor, candidateId))) throw new CandidateNotFoundError();
    // An adviser (Max-WW) proposes their own client, and only for a vacancy the client said yes to:
    // checked here first so a refusal comes before the requirements, and again under locks in the
    // inserting transaction below, which is the check that counts.
    const asAdviser = proposesAsAdviser(actor);
    if (asAdviser) await this.offers.assertMayPropose(actor, candidateId, vacancyId, this.dataSource.manager);

    // The same per-candidate rules and score the ranked list used, so the snapshot is what the matcher saw.
    const knowledge = await this.index.matchingKnowledge();
    const query: MatchQuery = {
      vacancy: vacancy.profile,
      viewer: actor.organisation,
      limit: 1,
      today: this.clock.now().toISOString().slice(0, 10),
      nearMissLimit: 0,
    };
    const context = vacancyContext(query, knowledge);
    const failures = referenceFailures(candidate, query, context, knowledge);
    if (failures.length > 0) {
      throw new RequirementNotMetError(
        failures.map((failure) => ({ requirement: failure.requirement, sentence: failureSentence(failure) })),
      );
    }
    const explained = explain(
      referenceFeatures(candidate, query, context, knowledge),
      context.scoring,
      knowledge.weights,
    );

    const id = await this.dataSource.transaction(async (manager) => {
      if (asAdviser) await this.offers.assertMayPropose(actor, candidateId, vacancyId, manager);
      let inserted: Array<{ id: string }>;
      try {
        inserted = await manager.query(
          `INSERT INTO proposals (vacancy_id, candidate_id, unit_id, shortlisted_by, score, components, weights_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            vacancyId,
            candidateId,
            vacancy.unitId,
            actor.id,
            explained.score,
            JSON.stringify(explained.components),
            knowledge.weights.version,
          ],
        );
      } catch (error) {
        throw isUniqueViolation(error, 'proposals_open_unique') ? new ProposalOpenAlreadyError() : error;
      }
      const proposalId = inserted[0].id;
      await this.addHistory(manager, proposalId, null, 'SHORTLISTED', actor.id, null, null);
      await this.syncCandidateStatus(candidateId, manager);
      await this.record(actor, 'create', candidateId, `proposal ${proposalId} for vacancy ${vacancyId}`, manager);
      return proposalId;
    });
    await this.candidates.changedMany([candidateId]);
    const proposal = await this.view(id);
    return { ...proposal, warnings: await this.warnings(vacancyId, OPEN_STATES) };
  }

  async transition(actor: AuthenticatedUser, id: string, input: ProposalTransitionDto): Promise<ProposalResultDto> {
    const current = await this.loadVisible(actor, id);
    if (proposesAsAdviser(actor)) {
      await this.offers.assertOwnClient(actor, current.candidateId, this.dataSource.manager);
    }
    if (input.to === 'HIRED') throw new HireThroughPlacementError();
    if (input.reasonCode !== undefined && input.to !== 'REJECTED') {
      throw new RequestValidationError({ reasonCode: 'applies to a rejection only' });
    }
    if (!canMove(current.state, input.to)) throw new ProposalTransitionInvalidError(current.state, input.to);
    const now = this.clock.now();
    const mismatch = input.to === 'REJECTED' && input.reasonCode === 'MISMATCH_NOT_JOBREADY';
    await this.dataSource.transaction(async (manager) => {
      const closing = input.to === 'REJECTED' || input.to === 'WITHDRAWN';
      const result: [unknown[], number] = await manager.query(
        `UPDATE proposals SET state = $3::varchar, version = version + 1, updated_at = now(),
           proposed_at = CASE WHEN $3::varchar = 'PROPOSED' THEN $4::timestamptz ELSE proposed_at END,
           proposed_by = CASE WHEN $3::varchar = 'PROPOSED' THEN $5::uuid ELSE proposed_by END,
           interview_at = CASE WHEN $3::varchar = 'INTERVIEW' THEN $4::timestamptz ELSE interview_at END,
           closed_at = CASE WHEN $6::boolean THEN $4::timestamptz ELSE closed_at END,
           reason_code = $7, reason_text = $8
         WHERE id = $1 AND version = $2 AND state = $9 RETURNING id`,
        [
          id,
          input.version,
          input.to,
          now,
          actor.id,
          closing,
          input.to === 'REJECTED' ? input.reasonCode : null,
          closing ? (input.text ?? null) : null,
          current.state,
        ],
      );
      if (result[1] !== 1) throw new StaleVersionError('Proposal');
      await this.addHistory(
        manager,
        id,
        current.state,
        input.to,
        actor.id,
        input.reasonCode ?? null,
        input.text ?? null,
      );
      if (mismatch) await this.candidates.markMismatch(current.candidateId, actor, input.text ?? '', manager);
      await this.syncCandidateStatus(current.candidateId, manager);
      await this.record(actor, 'update', current.candidateId, `proposal ${id} → ${input.to}`, manager);
    });
    await this.candidates.changedMany([current.candidateId]);
    const proposal = await this.view(id);
    const warnings = input.to === 'PROPOSED' ? await this.warnings(current.vacancyId, ['PROPOSED', 'INTERVIEW']) : [];
    return { ...proposal, warnings };
  }

  async get(actor: AuthenticatedUser, id: string): Promise<ProposalDto> {
    const row = await this.loadVisible(actor, id);
    await this.record(actor, 'read', row.candidateId, `proposal ${id}`);
    return this.view(id);
  }

  async forVacancy(
    actor: AuthenticatedUser,
    vacancyId: string,
    query: ProposalListQuery,
  ): Promise<Page<ProposalListItemDto>> {
    if (!(await this.vacancies.matchingView(vacancyId))) throw new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    return this.list(actor, (sql) => `p.vacancy_id = ${sql.p(vacancyId)}`, query, `proposals of vacancy ${vacancyId}`);
  }

  async forCandidate(
    actor: AuthenticatedUser,
    candidateId: string,
    query: ProposalListQuery,
  ): Promise<Page<ProposalListItemDto>> {
    const candidate = await this.candidates.profile(candidateId);
    // An erased candidate's proposals stay (without their texts): the record still exists.
    const visible = candidate
      ? await this.candidates.isVisible(actor, candidateId)
      : await this.candidates.isErasedAndVisible(actor, candidateId);
    if (!visible) throw new CandidateNotFoundError();
    return this.list(actor, (sql) => `p.candidate_id = ${sql.p(candidateId)}`, query, 'proposals of candidate');
  }

  /**
   * Mismatches reported on the adviser's own candidates, unread first, then newest: the adviser
   * reassesses them and marks each handled.
   */
  async mismatchesFor(actor: AuthenticatedUser): Promise<MismatchDto[]> {
    const sql = new SqlParams();
    const rows: MismatchRow[] = await this.dataSource.query(
      `SELECT ${MISMATCH_COLUMNS} FROM ${MISMATCH_FROM}
       WHERE p.reason_code = 'MISMATCH_NOT_JOBREADY' AND c.adviser_id = ${sql.p(actor.id)}
         AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
       ORDER BY p.mismatch_read_at IS NULL DESC, t.at DESC, p.id
       LIMIT 500`,
      sql.values,
    );
    await this.audit.recordListed(
      actor,
      'candidate',
      rows.map((row) => row.candidateId),
      'mismatches',
    );
    return rows.map(mismatchDto);
  }

  /**
   * Marks a mismatch on one of the adviser's own candidates handled; marking it again keeps the first
   * moment. Another adviser's mismatch is not found.
   */
  async markMismatchRead(actor: AuthenticatedUser, proposalId: string): Promise<MismatchDto> {
    return this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [marked]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE proposals p SET mismatch_read_at = coalesce(p.mismatch_read_at, ${sql.p(this.clock.now())})
         FROM candidates c
         WHERE p.id = ${sql.p(proposalId)} AND p.reason_code = 'MISMATCH_NOT_JOBREADY' AND c.id = p.candidate_id
           AND c.adviser_id = ${sql.p(actor.id)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         RETURNING p.id`,
        sql.values,
      );
      if (marked.length === 0) throw new NotFoundError('Mismatch', 'MISMATCH_NOT_FOUND');
      const [row]: MismatchRow[] = await manager.query(
        `SELECT ${MISMATCH_COLUMNS} FROM ${MISMATCH_FROM} WHERE p.id = $1`,
        [proposalId],
      );
      await this.audit.record(
        { actor, action: 'read', subjectType: 'candidate', subjectId: row.candidateId, purpose: 'mismatch' },
        manager,
      );
      return mismatchDto(row);
    });
  }

  // ---- used by placements, inside their transaction -----------------------------------------

  /** The proposal with its row locked until the caller's transaction ends; null when there is none. */
  /** Per vacancy, how many candidates were proposed to the employer (reached PROPOSED, whatever came after). */
  async proposedCounts(vacancyIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ vacancyId: string; count: number }> = await this.dataSource.query(
      `SELECT vacancy_id AS "vacancyId", count(*)::int AS count FROM proposals
        WHERE vacancy_id = ANY($1::uuid[]) AND proposed_at IS NOT NULL GROUP BY vacancy_id`,
      [vacancyIds],
    );
    return new Map(rows.map((row) => [row.vacancyId, row.count]));
  }

  /** One proposal's row, unlocked (the placement dialog's preview); null when there is none. */
  async row(id: string, manager: EntityManager): Promise<ProposalRow | null> {
    const rows: ProposalRow[] = await manager.query(`SELECT ${COLUMNS} FROM proposals p WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lockForHire(id: string, manager: EntityManager): Promise<ProposalRow | null> {
    const rows: ProposalRow[] = await manager.query(`SELECT ${COLUMNS} FROM proposals p WHERE p.id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /**
   * INTERVIEW → HIRED, and the candidate's other open proposals are withdrawn (a placed candidate is
   * not available for them). Returns the candidate's withdrawn proposal ids.
   */
  async hire(proposal: ProposalRow, actor: AuthenticatedUser, manager: EntityManager): Promise<string[]> {
    if (!canMove(proposal.state, 'HIRED')) throw new ProposalTransitionInvalidError(proposal.state, 'HIRED');
    const now = this.clock.now();
    await manager.query(
      `UPDATE proposals SET state = 'HIRED', closed_at = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [proposal.id, now],
    );
    await this.addHistory(manager, proposal.id, proposal.state, 'HIRED', actor.id, null, null);
    const others: Array<{ id: string; state: ProposalState }> = await manager.query(
      `SELECT id, state FROM proposals WHERE candidate_id = $1 AND id <> $2 AND state = ANY($3::text[]) FOR UPDATE`,
      [proposal.candidateId, proposal.id, OPEN_STATES],
    );
    if (others.length > 0) {
      await manager.query(
        `UPDATE proposals SET state = 'WITHDRAWN', closed_at = $2, reason_text = $3, version = version + 1,
                updated_at = now()
         WHERE id = ANY($1::uuid[])`,
        [others.map((other) => other.id), now, PLACED_ELSEWHERE],
      );
    }
    for (const other of others) {
      await this.addHistory(manager, other.id, other.state, 'WITHDRAWN', actor.id, null, PLACED_ELSEWHERE);
    }
    return others.map((other) => other.id);
  }

  /**
   * PROPOSED while the candidate has an open proposal, ACTIVE when none is left; PLACED and INACTIVE
   * are not touched (a placement or the adviser decides those).
   */
  async syncCandidateStatus(candidateId: string, manager: EntityManager): Promise<void> {
    const status = await this.candidates.lockStatus(candidateId, manager);
    if (status !== 'ACTIVE' && status !== 'PROPOSED') return;
    const open: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM proposals WHERE candidate_id = $1 AND state = ANY($2::text[])`,
      [candidateId, OPEN_STATES],
    );
    const wanted: CandidateStatus = open[0].count > 0 ? 'PROPOSED' : 'ACTIVE';
    if (wanted !== status) await this.candidates.setStatus(candidateId, wanted, manager);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private async list(
    actor: AuthenticatedUser,
    filter: (sql: SqlParams) => string,
    query: ProposalListQuery,
    purpose: string,
  ): Promise<Page<ProposalListItemDto>> {
    const sql = new SqlParams();
    const where = [filter(sql), visibleToSql(actor, sql)];
    if (query.state) where.push(`p.state = ${sql.p(query.state)}`);
    // The names a list shows come along (the candidate is joined for visibility already).
    const rows: Array<
      ProposalRow & { total: number; candidateName: string | null; vacancyTitle: string; employerName: string }
    > = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total, c.name AS "candidateName",
              v.title AS "vacancyTitle", e.name AS "employerName"
       FROM proposals p JOIN candidates c ON c.id = p.candidate_id
       JOIN vacancies v ON v.id = p.vacancy_id JOIN employers e ON e.id = v.employer_id
       WHERE ${where.join(' AND ')}
       ORDER BY p.created_at DESC, p.id
       LIMIT ${sql.p(query.limit)} OFFSET ${sql.p(query.offset)}`,
      sql.values,
    );
    await this.audit.recordMany(
      rows.map((row) => ({
        actor,
        action: 'list' as const,
        subjectType: 'candidate',
        subjectId: row.candidateId,
        purpose,
      })),
    );
    const histories = await this.histories(rows.map((row) => row.id));
    return {
      items: rows.map((row) => ({
        ...toDto(row, histories.get(row.id) ?? []),
        candidateName: row.candidateName,
        vacancyTitle: row.vacancyTitle,
        employerName: row.employerName,
      })),
      total: rows[0]?.total ?? 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** The proposal if its candidate is visible to the user; 404 for both misses. */
  private async loadVisible(actor: AuthenticatedUser, id: string): Promise<ProposalRow> {
    const sql = new SqlParams();
    const rows: ProposalRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM proposals p JOIN candidates c ON c.id = p.candidate_id
       WHERE p.id = ${sql.p(id)} AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    if (!rows[0]) throw new NotFoundError('Proposal', 'PROPOSAL_NOT_FOUND');
    return rows[0];
  }

  async view(id: string): Promise<ProposalDto> {
    const rows: ProposalRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM proposals p WHERE p.id = $1`, [id]);
    return toDto(rows[0], (await this.histories([id])).get(id) ?? []);
  }

  private async histories(ids: string[]): Promise<Map<string, ProposalDto['history']>> {
    const rows: Array<{
      proposalId: string;
      from: ProposalState | null;
      to: ProposalState;
      actorId: string;
      at: Date;
      reasonCode: string | null;
      text: string | null;
    }> =
      ids.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT proposal_id AS "proposalId", from_state AS "from", to_state AS "to", actor_id AS "actorId", at,
                    reason_code AS "reasonCode", text
             FROM proposal_transitions WHERE proposal_id = ANY($1::uuid[]) ORDER BY at, id`,
            [ids],
          );
    const byProposal = new Map<string, ProposalDto['history']>();
    for (const { proposalId, at, ...entry } of rows) {
      const list = byProposal.get(proposalId) ?? [];
      list.push({ ...entry, at: new Date(at).toISOString() });
      byProposal.set(proposalId, list);
    }
    return byProposal;
  }

  private async addHistory(
    manager: EntityManager,
    proposalId: string,
    from: ProposalState | null,
    to: ProposalState,
    actorId: string,
    reasonCode: string | null,
    text: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO proposal_transitions (proposal_id, from_state, to_state, actor_id, at, reason_code, text)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [proposalId, from, to, actorId, this.clock.now(), reasonCode, text],
    );
  }

  /** "Never ten CVs for one job": more open proposals than twice the positions left is allowed, with a warning. */
  private async warnings(vacancyId: string, states: readonly ProposalState[]): Promise<ProposalWarningDto[]> {
    const { positionsLeft } = await this.vacancies.placementFacts(vacancyId);
    const rows: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM proposals WHERE vacancy_id = $1 AND state = ANY($2::text[])`,
      [vacancyId, states],
    );
    const count = rows[0].count;
    if (count <= PROPOSALS_PER_POSITION_WARNING * positionsLeft) return [];
    return [
      {
        code: 'MANY_PROPOSALS',
        message: `${count} proposals for ${positionsLeft} open position(s): more than ${PROPOSALS_PER_POSITION_WARNING} per position`,
      },
    ];
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

/** Matchers and administrators propose any visible candidate; an adviser only as above. */
function proposesAsAdviser(actor: AuthenticatedUser): boolean {
  return !hasRole(actor, Role.MATCHER, Role.ADMIN);
}

function toDto(row: ProposalRow, history: ProposalDto['history']): ProposalDto {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    vacancyId: row.vacancyId,
    candidateId: row.candidateId,
    unitId: row.unitId,
    state: row.state,
    score: Number(row.score),
    components: row.components,
    weightsVersion: row.weightsVersion,
    shortlistedBy: row.shortlistedBy,
    proposedBy: row.proposedBy,
    proposedAt: iso(row.proposedAt),
    interviewAt: iso(row.interviewAt),
    closedAt: iso(row.closedAt),
    reasonCode: row.reasonCode,
    reasonText: row.reasonText,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    history,
  };
}

/** One mismatch: the rejection that sent it back, with what the adviser needs to recognise it. */
const MISMATCH_COLUMNS = `p.id AS "proposalId", p.candidate_id AS "candidateId", c.name AS "candidateName",
  p.vacancy_id AS "vacancyId", v.title AS "vacancyTitle", e.name AS "employerName",
  t.actor_id AS "rejectedBy", t.at AS "rejectedAt", coalesce(t.text, '') AS text, c.jobready AS "jobreadyNow",
  p.mismatch_read_at AS "readAt"`;

const MISMATCH_FROM = `proposals p
  JOIN proposal_transitions t ON t.proposal_id = p.id AND t.to_state = 'REJECTED'
  JOIN candidates c ON c.id = p.candidate_id
  JOIN vacancies v ON v.id = p.vacancy_id
  JOIN employers e ON e.id = v.employer_id`;

type MismatchRow = Omit<MismatchDto, 'rejectedAt' | 'readAt'> & { rejectedAt: Date; readAt: Date | null };

function mismatchDto(row: MismatchRow): MismatchDto {
  return {
    ...row,
    candidateName: row.candidateName ?? '',
    rejectedAt: new Date(row.rejectedAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}
