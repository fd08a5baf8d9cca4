import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CandidateNotFoundError } from '@matching/candidates/candidates.errors';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Pool } from '@matching/profiles';
import { FieldRuleError } from '@platform/errors/domain-error';
import { ClientProgrammeDto, MaxWwExitDto, RecordExitDto } from './dto/exit.dto';
import { ExitRecordedAlreadyError } from './exits.errors';
import { MediationsService } from '@maxww/mediation/mediations.service';

const EXIT_COLUMNS = `x.candidate_id AS "candidateId", x.kind, x.exit_on::text AS "exitOn",
  x.placement_id AS "placementId", x.recorded_by AS "recordedBy", u.name AS "recordedByName",
  x.recorded_at AS "recordedAt"`;

/**
 * Owns max_ww_exits: how and when a client left the Max-WW programme. Recording an exit ends the open
 * mediation on that day; a placement of a client in the programme records PLACED_BY_TEAM by itself,
 * in the placement's transaction (PlacementsService calls recordTeamPlacement).
 */
@Injectable()
export class ExitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mediations: MediationsService,
  ) {}

  async record(actor: AuthenticatedUser, input: RecordExitDto): Promise<MaxWwExitDto> {
    return this.dataSource.transaction(async (manager) => {
      const pool = await this.lockVisible(actor, input.candidateId, manager);
      if (pool !== 'WW') throw new FieldRuleError('NOT_A_WW_CLIENT', 'candidateId', 'must be a client of the WW pool');
      if (input.kind === 'PLACED_BY_TEAM') {
        if (!input.placementId) {
          throw new FieldRuleError('PLACEMENT_REQUIRED', 'placementId', 'names the team placement (PLACED_BY_TEAM)');
        }
        const [placement]: unknown[] = await manager.query(
          `SELECT 1 FROM placements WHERE id = $1 AND candidate_id = $2`,
          [input.placementId, input.candidateId],
        );
        if (!placement) {
          throw new FieldRuleError('PLACEMENT_UNKNOWN', 'placementId', "must be one of this client's placements");
        }
      } else if (input.placementId !== undefined) {
        throw new FieldRuleError(
          'PLACEMENT_ONLY_WHEN_PLACED',
          'placementId',
          'only a team placement (PLACED_BY_TEAM) names a placement; a job found on one’s own is OWN_JOB',
        );
      }
      const inserted = await this.insert(
        input.candidateId,
        input.kind,
        input.exitOn,
        input.placementId ?? null,
        actor.id,
        manager,
      );
      if (!inserted) throw new ExitRecordedAlreadyError();
      // An exit before the mediation started is refused there (MEDIATION_END_BEFORE_START on exitOn).
      await this.mediations.endMediation(input.candidateId, input.exitOn, manager, 'exitOn');
      await this.audit.record(
        { actor, action: 'create', subjectType: 'candidate', subjectId: input.candidateId, purpose: 'Max-WW exit' },
        manager,
      );
      return (await this.exitOf(input.candidateId, manager))!;
    });
  }

  /**
   * A placement of a client who is in the Max-WW programme on its start date (a mediation covering
   * that day) is the team's: the exit PLACED_BY_TEAM on the start date, and the mediation ends then.
   * In the placement's transaction, so the two commit together. A client who left already keeps
   * the exit recorded first. Returns whether an exit was recorded.
   */
  async recordTeamPlacement(
    placement: { id: string; candidateId: string; startDate: string; placedBy: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const [inProgramme]: unknown[] = await manager.query(
      `SELECT 1 FROM max_ww_mediations
       WHERE candidate_id = $1 AND started_on <= $2::date AND (ended_on IS NULL OR ended_on >= $2::date)`,
      [placement.candidateId, placement.startDate],
    );
    if (!inProgramme) return false;
    const inserted = await this.insert(
      placement.candidateId,
      'PLACED_BY_TEAM',
      placement.startDate,
      placement.id,
      placement.placedBy,
      manager,
    );
    if (inserted) await this.mediations.endMediation(placement.candidateId, placement.startDate, manager, 'startDate');
    return inserted;
  }

  /** What the client's programme view and candidate page show: exit, mediation, hand-over, placements. */
  async programme(actor: AuthenticatedUser, candidateId: string): Promise<ClientProgrammeDto> {
    const manager = this.dataSource.manager;
    const sql = new SqlParams();
    const [candidate]: Array<{ pool: Pool }> = await manager.query(
      `SELECT c.pool FROM candidates c WHERE c.id = ${sql.p(candidateId)} AND c.erased_at IS NULL
         AND ${visibleToSql(actor, sql)}`,
      sql.values,
    );
    if (!candidate) throw new CandidateNotFoundError();
    const [mediation]: Array<{ id: string; startedOn: string; endedOn: string | null }> = await manager.query(
      `SELECT id, started_on::text AS "startedOn", ended_on::text AS "endedOn" FROM max_ww_mediations
       WHERE candidate_id = $1`,
      [candidateId],
    );
    // Through the WW client's visibility: a municipal user reading the linked Bijstand record learns
    // of the hand-over only while the WW client's consent stands.
    const handoverSql = new SqlParams();
    const client = handoverSql.p(candidateId);
    const [handover]: Array<{ id: string }> = await manager.query(
      `SELECT h.id FROM ww_end_handovers h JOIN candidates c ON c.id = h.candidate_id
       WHERE (h.candidate_id = ${client} OR h.bijstand_candidate_id = ${client}) AND c.erased_at IS NULL
         AND ${visibleToSql(actor, handoverSql)}
       ORDER BY h.created_at LIMIT 1`,
      handoverSql.values,
    );
    const placements: ClientProgrammeDto['placements'] = await manager.query(
      `SELECT pl.id, pl.start_date::text AS "startDate", v.title AS "vacancyTitle", e.name AS "employerName"
       FROM placements pl JOIN vacancies v ON v.id = pl.vacancy_id JOIN employers e ON e.id = v.employer_id
       WHERE pl.candidate_id = $1 ORDER BY pl.start_date DESC, pl.id`,
      [candidateId],
    );
    await this.audit.record({
      actor,
      action: 'read',
      subjectType: 'candidate',
      subjectId: candidateId,
      purpose: 'Max-WW programme',
    });
    return {
      candidateId,
      pool: candidate.pool,
      exit: await this.exitOf(candidateId, manager),
      mediation: mediation ?? null,
      handoverId: handover?.id ?? null,
      placements,
    };
  }

  // ---- helpers -------------------------------------------------------------------------------

  private async insert(
    candidateId: string,
    kind: string,
    exitOn: string,
    placementId: string | null,
    recordedBy: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO max_ww_exits (candidate_id, kind, exit_on, placement_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (candidate_id) DO NOTHING RETURNING candidate_id`,
      [candidateId, kind, exitOn, placementId, recordedBy],
    );
    return rows.length === 1;
  }

  private async lockVisible(actor: AuthenticatedUser, candidateId: string, manager: EntityManager): Promise<Pool> {
    const sql = new SqlParams();
    const [row]: Array<{ pool: Pool }> = await manager.query(
      `SELECT c.pool FROM candidates c WHERE c.id = ${sql.p(candidateId)} AND c.erased_at IS NULL
         AND ${visibleToSql(actor, sql)} FOR UPDATE OF c`,
      sql.values,
    );
    if (!row) throw new CandidateNotFoundError();
    return row.pool;
  }

  private async exitOf(candidateId: string, manager: EntityManager): Promise<MaxWwExitDto | null> {
    const [row]: Array<Omit<MaxWwExitDto, 'recordedAt'> & { recordedAt: Date }> = await manager.query(
      `SELECT ${EXIT_COLUMNS} FROM max_ww_exits x LEFT JOIN users u ON u.id = x.recorded_by
       WHERE x.candidate_id = $1`,
      [candidateId],
    );
    return row ? { ...row, recordedAt: new Date(row.recordedAt).toISOString() } : null;
  }
}
