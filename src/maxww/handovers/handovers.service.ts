import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { CandidateNotFoundError } from '@matching/candidates/candidates.errors';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { amsterdamDay } from '@maxww/selection/selection-window';
import { FieldRuleError } from '@platform/errors/domain-error';
import { MAX_WW_TEAM_ORGANISATIONS } from '@maxww/max-ww-team';
import { isUniqueViolation } from '@platform/database/unique-violation';
import {
  CreateHandoverDto,
  HandoverDto,
  HandoverListItemDto,
  HandoverListQuery,
  HandoverProposalDto,
} from './dto/handover.dto';
import { HandoverExistsError, HandoverNotFoundError } from './handovers.errors';

interface HandoverRow {
  id: string;
  candidateId: string;
  candidateName: string | null;
  sourceReference: string;
  wwEndDate: string | null;
  bijstandCandidateId: string | null;
  bijstandCandidateName: string | null;
  createdAt: Date;
  createdBy: string;
  summary: string;
  tried: string;
  adviserId: string;
  adviserName: string;
  adviserEmail: string;
  adviserOrganisation: string;
  consentId: string;
  consentSignedOn: string;
  consentReference: string;
  consentActive: boolean;
}

/**
 * The hand-over row joined with its WW client (`c`, the visibility rule's alias), the adviser to call,
 * the consent and the linked Bijstand record (`b`: only its name, and only when the user may see it).
 */
const FROM = `ww_end_handovers h
  JOIN candidates c ON c.id = h.candidate_id
  JOIN users a ON a.id = h.contact_adviser_id
  JOIN candidate_consents k ON k.id = h.consent_id
  LEFT JOIN candidates b ON b.id = h.bijstand_candidate_id`;

const COLUMNS = `h.id, h.candidate_id AS "candidateId", c.name AS "candidateName", c.source_reference AS "sourceReference",
  c.ww_end_date::text AS "wwEndDate", h.bijstand_candidate_id AS "bijstandCandidateId", b.name AS "bijstandCandidateName",
  h.created_at AS "createdAt", h.created_by AS "createdBy", h.summary, h.tried,
  a.id AS "adviserId", a.name AS "adviserName", a.email AS "adviserEmail", a.organisation AS "adviserOrganisation",
  k.id AS "consentId", k.signed_on::text AS "consentSignedOn", k.document_reference AS "consentReference",
  (k.withdrawn_at IS NULL) AS "consentActive"`;

/**
 * Owns ww_end_handovers: the warm hand-over of a WW client to the social service at the WW's end,
 * under the client's signed consent naming the municipality. The municipality sees it through that
 * consent (the candidates' visibility rule, in SQL); the client's Bijstand record is linked when it is
 * created (same person, by the BSN), in the creating transaction.
 */
@Injectable()
export class HandoversService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.candidates.onCreate((ids, manager) => this.linkBijstandRecords(ids, manager));
  }

  async create(actor: AuthenticatedUser, input: CreateHandoverDto): Promise<HandoverDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [candidate]: Array<{ pool: string; personId: string }> = await manager.query(
        `SELECT c.pool, c.person_id AS "personId" FROM candidates c
         WHERE c.id = ${sql.p(input.candidateId)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         FOR UPDATE OF c`,
        sql.values,
      );
      if (!candidate) throw new CandidateNotFoundError();
      if (candidate.pool !== 'WW') {
        throw new FieldRuleError('NOT_A_WW_CLIENT', 'candidateId', 'must be a client of the WW pool');
      }
      const [consent]: unknown[] = await manager.query(
        `SELECT 1 FROM candidate_consents
         WHERE id = $1 AND candidate_id = $2 AND organisation = 'MUNICIPALITY' AND purpose = 'MEDIATION'
           AND withdrawn_at IS NULL`,
        [input.consentId, input.candidateId],
      );
      if (!consent) {
        throw new FieldRuleError(
          'CONSENT_MISSING',
          'consentId',
          "must be the client's active, signed consent for mediation naming the municipality",
        );
      }
      const [adviser]: unknown[] = await manager.query(
        `SELECT 1 FROM users WHERE id = $1 AND active AND $2 = ANY(roles) AND organisation = ANY($3::text[])`,
        [input.contactAdviserId, Role.ADVISER, MAX_WW_TEAM_ORGANISATIONS],
      );
      if (!adviser) {
        throw new FieldRuleError(
          'ADVISER_INVALID',
          'contactAdviserId',
          'must be an active adviser of UWV or the staffing firm',
        );
      }
      let created: string;
      try {
        const [row]: Array<{ id: string }> = await manager.query(
          `INSERT INTO ww_end_handovers (candidate_id, consent_id, summary, tried, contact_adviser_id, created_by,
                                         bijstand_candidate_id)
           VALUES ($1, $2, $3, $4, $5, $6,
                   (SELECT o.id FROM candidates o WHERE o.person_id = $7 AND o.pool = 'BIJSTAND' AND o.erased_at IS NULL
                    ORDER BY o.created_at LIMIT 1))
           RETURNING id`,
          [
            input.candidateId,
            input.consentId,
            input.summary,
            input.tried,
            input.contactAdviserId,
            actor.id,
            candidate.personId,
          ],
        );
        created = row.id;
      } catch (error) {
        throw isUniqueViolation(error, 'ww_end_handovers_one_per_client') ? new HandoverExistsError() : error;
      }
      await this.audit.record(
        {
          actor,
          action: 'create',
          subjectType: 'candidate',
          subjectId: input.candidateId,
          purpose: 'WW-end hand-over',
        },
        manager,
      );
      return created;
    });
    return this.get(actor, id);
  }

  /**
   * The hand-overs the user may see (through the WW client's visibility: the municipality by the
   * consent), for the social service: not yet linked first, then the WW ending soonest.
   */
  async list(actor: AuthenticatedUser, query: HandoverListQuery): Promise<HandoverListItemDto[]> {
    const sql = new SqlParams();
    const where = ['c.erased_at IS NULL', visibleToSql(actor, sql)];
    if (query.linked !== undefined) where.push(`(h.bijstand_candidate_id IS NOT NULL) = ${sql.p(query.linked)}`);
    if (query.candidateId) {
      const candidate = sql.p(query.candidateId);
      where.push(`(h.candidate_id = ${candidate} OR h.bijstand_candidate_id = ${candidate})`);
    }
    const rows: HandoverRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
       ORDER BY (h.bijstand_candidate_id IS NOT NULL), c.ww_end_date NULLS LAST, h.created_at, h.id
       LIMIT 500`,
      sql.values,
    );
    await this.audit.recordMany(
      rows.map((row) => ({
        actor,
        action: 'list' as const,
        subjectType: 'candidate',
        subjectId: row.candidateId,
        purpose: 'WW-end hand-overs',
      })),
    );
    const today = this.today();
    return rows.map((row) => this.listItem(row, today));
  }

  async get(actor: AuthenticatedUser, id: string): Promise<HandoverDto> {
    const sql = new SqlParams();
    const [row]: HandoverRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE h.id = ${sql.p(id)} AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    if (!row) throw new HandoverNotFoundError();
    // The Bijstand record's name only for who may see that record (its own pool's rule).
    const bijstandVisible = row.bijstandCandidateId
      ? await this.visible(actor, row.bijstandCandidateId, this.dataSource.manager)
      : false;
    const proposals = await this.currentProposals([
      row.candidateId,
      ...(row.bijstandCandidateId ? [row.bijstandCandidateId] : []),
    ]);
    await this.audit.recordMany([
      {
        actor,
        action: 'read',
        subjectType: 'candidate',
        subjectId: row.candidateId,
        purpose: `WW-end hand-over ${id}`,
      },
      ...(bijstandVisible
        ? [
            {
              actor,
              action: 'read' as const,
              subjectType: 'candidate',
              subjectId: row.bijstandCandidateId!,
              purpose: `WW-end hand-over ${id}`,
            },
          ]
        : []),
    ]);
    return {
      ...this.listItem(row, this.today()),
      summary: row.summary,
      tried: row.tried,
      consent: {
        id: row.consentId,
        signedOn: row.consentSignedOn,
        documentReference: row.consentReference,
        active: row.consentActive,
      },
      bijstandCandidate: row.bijstandCandidateId
        ? { id: row.bijstandCandidateId, name: bijstandVisible ? row.bijstandCandidateName : null }
        : null,
      currentProposals: proposals,
      createdBy: row.createdBy,
    };
  }

  /**
   * A new Bijstand record of a person handed over at the WW's end is linked to the hand-over, in the
   * transaction that created it (the BSN links both records to one person).
   */
  async linkBijstandRecords(candidateIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE ww_end_handovers h SET bijstand_candidate_id = b.id
       FROM candidates b JOIN candidates w ON w.person_id = b.person_id AND w.pool = 'WW'
       WHERE b.id = ANY($1::uuid[]) AND b.pool = 'BIJSTAND' AND h.candidate_id = w.id
         AND h.bijstand_candidate_id IS NULL`,
      [candidateIds],
    );
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Proposals to employers still running (read live, so the social service sees today's). */
  private async currentProposals(candidateIds: string[]): Promise<HandoverProposalDto[]> {
    const rows: Array<Omit<HandoverProposalDto, 'proposedAt'> & { proposedAt: Date | null }> =
      await this.dataSource.query(
        `SELECT p.id, p.vacancy_id AS "vacancyId", v.title AS "vacancyTitle", e.name AS "employerName", p.state,
                p.proposed_at AS "proposedAt"
         FROM proposals p JOIN vacancies v ON v.id = p.vacancy_id JOIN employers e ON e.id = v.employer_id
         WHERE p.candidate_id = ANY($1::uuid[]) AND p.state IN ('PROPOSED', 'INTERVIEW')
         ORDER BY p.proposed_at DESC NULLS LAST, p.id`,
        [candidateIds],
      );
    return rows.map((row) => ({ ...row, proposedAt: row.proposedAt ? new Date(row.proposedAt).toISOString() : null }));
  }

  private async visible(actor: AuthenticatedUser, candidateId: string, manager: EntityManager): Promise<boolean> {
    const sql = new SqlParams();
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM candidates c WHERE c.id = ${sql.p(candidateId)} AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    return rows.length > 0;
  }

  private listItem(row: HandoverRow, today: string): HandoverListItemDto {
    return {
      id: row.id,
      candidateId: row.candidateId,
      candidateName: row.candidateName,
      sourceReference: row.sourceReference,
      wwEndDate: row.wwEndDate,
      wwEnded: row.wwEndDate !== null && row.wwEndDate < today,
      contactAdviser: {
        id: row.adviserId,
        name: row.adviserName,
        email: row.adviserEmail,
        organisation: row.adviserOrganisation,
      },
      bijstandCandidateId: row.bijstandCandidateId,
      createdAt: new Date(row.createdAt).toISOString(),
    };
  }

  /** Today in the Netherlands (a WW end date is a Dutch calendar date). */
  private today(): string {
    return amsterdamDay(this.clock.now());
  }
}
