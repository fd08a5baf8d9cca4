import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { CandidateNotFoundError } from '@matching/candidates/candidates.errors';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { NotFoundError } from '@platform/errors/domain-error';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { ClientResponse, VacancyOfferDto } from './dto/vacancy-offer.dto';
import {
  ClientNotInterestedError,
  NotOwnClientError,
  VacancyNotOpenForOffersError,
  VacancyOfferExistsError,
  VacancyOfferNotFoundError,
} from './mediation.errors';
import { ownClientSql } from './own-client';

const COLUMNS = `o.id, o.candidate_id AS "candidateId", o.vacancy_id AS "vacancyId", v.title AS "vacancyTitle",
  e.name AS "employerName", v.status AS "vacancyStatus", o.offered_by AS "offeredBy", ob.name AS "offeredByName",
  o.offered_at AS "offeredAt", o.client_response AS "clientResponse", o.responded_at AS "respondedAt",
  o.responded_by AS "respondedBy", p.id AS "proposalId", p.state AS "proposalState", p.version AS "proposalVersion"`;

// The newest proposal of the client for the vacancy, whoever made it: the programme view shows its stand.
const FROM = `vacancy_offers o
  JOIN candidates c ON c.id = o.candidate_id
  JOIN vacancies v ON v.id = o.vacancy_id
  JOIN employers e ON e.id = v.employer_id
  JOIN users ob ON ob.id = o.offered_by
  LEFT JOIN LATERAL (
    SELECT pr.id, pr.state, pr.version FROM proposals pr
    WHERE pr.candidate_id = o.candidate_id AND pr.vacancy_id = o.vacancy_id
    ORDER BY pr.created_at DESC, pr.id LIMIT 1) p ON true`;

interface OfferRow extends Omit<VacancyOfferDto, 'offeredAt' | 'respondedAt' | 'proposal'> {
  offeredAt: Date;
  respondedAt: Date | null;
  proposalId: string | null;
  proposalState: string | null;
  proposalVersion: number | null;
}

/** Who offers for others: administrators; everyone else (advisers) only for their own clients. */
function actsForAnyClient(actor: AuthenticatedUser): boolean {
  return hasRole(actor, Role.ADMIN);
}

/**
 * "Offered to the client / client interested": an adviser offers an open vacancy to one of their own
 * clients and records the answer, before proposing the client to the employer.
 */
@Injectable()
export class VacancyOffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacanciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: AuthenticatedUser, candidateId: string, vacancyId: string): Promise<VacancyOfferDto> {
    const vacancy = await this.vacancies.matchingView(vacancyId);
    if (!vacancy) throw new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    if (vacancy.profile.status !== 'OPEN') throw new VacancyNotOpenForOffersError(vacancy.profile.status);
    return this.dataSource.transaction(async (manager) => {
      await this.assertOwnClient(actor, candidateId, manager);
      let id: string;
      try {
        const [row]: Array<{ id: string }> = await manager.query(
          `INSERT INTO vacancy_offers (candidate_id, vacancy_id, offered_by, offered_at)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [candidateId, vacancyId, actor.id, this.clock.now()],
        );
        id = row.id;
      } catch (error) {
        throw isUniqueViolation(error, 'vacancy_offers_once') ? new VacancyOfferExistsError() : error;
      }
      await this.audit.record(
        {
          actor,
          action: 'create',
          subjectType: 'candidate',
          subjectId: candidateId,
          purpose: `vacancy offer ${id} of vacancy ${vacancyId}`,
        },
        manager,
      );
      return (await this.rows((sql) => `o.id = ${sql.p(id)}`, manager))[0];
    });
  }

  /** The client's answer; a changed mind is recorded over the first answer (the audit log keeps both). */
  async respond(actor: AuthenticatedUser, id: string, response: ClientResponse): Promise<VacancyOfferDto> {
    return this.dataSource.transaction(async (manager) => {
      const [offer]: Array<{ candidateId: string }> = await manager.query(
        `SELECT candidate_id AS "candidateId" FROM vacancy_offers WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!offer) throw new VacancyOfferNotFoundError();
      await this.assertOwnClient(actor, offer.candidateId, manager, new VacancyOfferNotFoundError());
      await manager.query(
        `UPDATE vacancy_offers SET client_response = $2, responded_at = $3, responded_by = $4 WHERE id = $1`,
        [id, response, this.clock.now(), actor.id],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: offer.candidateId,
          purpose: `vacancy offer ${id}: ${response}`,
        },
        manager,
      );
      return (await this.rows((sql) => `o.id = ${sql.p(id)}`, manager))[0];
    });
  }

  /** A client's offers, newest first, for anyone who may see the client; audited. */
  async forCandidate(actor: AuthenticatedUser, candidateId: string): Promise<VacancyOfferDto[]> {
    const sql = new SqlParams();
    const visible: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM candidates c WHERE c.id = ${sql.p(candidateId)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    if (visible.length === 0) throw new CandidateNotFoundError();
    const offers = await this.rows((where) => `o.candidate_id = ${where.p(candidateId)}`, this.dataSource.manager);
    await this.audit.record({
      actor,
      action: 'read',
      subjectType: 'candidate',
      subjectId: candidateId,
      purpose: 'vacancy offers',
    });
    return offers;
  }

  /** The offers of one client whose visibility the caller checked (the programme view). */
  offersOf(candidateId: string, manager: EntityManager): Promise<VacancyOfferDto[]> {
    return this.rows((sql) => `o.candidate_id = ${sql.p(candidateId)}`, manager);
  }

  /**
   * For a proposal by an adviser (ProposalsService), in the transaction that inserts it: their own
   * client, who said yes to the offer of this vacancy. Administrators and matchers do not come here.
   * The client row is locked for update (the proposal's transaction updates the client's status
   * anyway, so a share lock here would only invite a deadlock), then the client's mediation and the
   * offer for share: a changed adviser, an ended mediation or a withdrawn interest either committed
   * before this check and is seen by it, or waits until the proposal is in. Candidate before
   * mediation, the order exits and placements lock them in.
   */
  async assertMayPropose(
    actor: AuthenticatedUser,
    candidateId: string,
    vacancyId: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`SELECT 1 FROM candidates WHERE id = $1 FOR UPDATE`, [candidateId]);
    await manager.query(`SELECT 1 FROM max_ww_mediations WHERE candidate_id = $1 FOR SHARE`, [candidateId]);
    await this.assertOwnClient(actor, candidateId, manager);
    const [offer]: Array<{ clientResponse: ClientResponse | null }> = await manager.query(
      `SELECT client_response AS "clientResponse" FROM vacancy_offers WHERE candidate_id = $1 AND vacancy_id = $2
       FOR SHARE`,
      [candidateId, vacancyId],
    );
    if (!offer) throw new ClientNotInterestedError('NOT_OFFERED');
    if (offer.clientResponse === null) throw new ClientNotInterestedError('NO_RESPONSE');
    if (offer.clientResponse !== 'INTERESTED') throw new ClientNotInterestedError('NOT_INTERESTED');
  }

  /**
   * The client is visible to the actor (else not found) and, for an adviser, their own (else 403);
   * both in SQL, through the visibility rule.
   */
  async assertOwnClient(
    actor: AuthenticatedUser,
    candidateId: string,
    manager: EntityManager,
    notFound: Error = new CandidateNotFoundError(),
  ): Promise<void> {
    const sql = new SqlParams();
    const [row]: Array<{ own: boolean }> = await manager.query(
      `SELECT ${actsForAnyClient(actor) ? 'TRUE' : ownClientSql(actor, sql)} AS own FROM candidates c
       WHERE c.id = ${sql.p(candidateId)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    if (!row) throw notFound;
    if (!row.own) throw new NotOwnClientError();
  }

  private async rows(filter: (sql: SqlParams) => string, manager: EntityManager): Promise<VacancyOfferDto[]> {
    const sql = new SqlParams();
    const rows: OfferRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${filter(sql)} ORDER BY o.offered_at DESC, o.id`,
      sql.values,
    );
    return rows.map(toDto);
  }
}

function toDto({ proposalId, proposalState, proposalVersion, ...row }: OfferRow): VacancyOfferDto {
  return {
    ...row,
    offeredAt: new Date(row.offeredAt).toISOString(),
    respondedAt: row.respondedAt === null ? null : new Date(row.respondedAt).toISOString(),
    proposal:
      proposalId === null ? null : { id: proposalId, state: proposalState ?? '', version: proposalVersion ?? 1 },
  };
}
