import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { NotAllowedError } from '@identity/identity.errors';
import { Role } from '@identity/organisation';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { OWNER_OF_POOL, Pool } from '@matching/profiles';
import { Clock } from '@platform/clock/clock';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { NotFoundError, RequestValidationError, StaleVersionError } from '@platform/errors/domain-error';
import { dutchDate } from '@platform/http/report-period';
import { OutflowRecordDto, PlacementOutflowDto, RecordOutflowDto } from './dto/outflow.dto';
import { outflowErrors } from './outflow';

interface PlacementFacts {
  candidateId: string;
  pool: Pool;
  startDate: string;
}

/**
 * Outflow from benefit per placement (the second KPI). Recorded by an adviser of the organisation
 * that pays the pool's benefit (UWV for WW, the municipality for Bijstand) or an administrator; every
 * record is kept and the newest counts. Reads and changes are audited on the candidate.
 */
@Injectable()
export class OutflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(actor: AuthenticatedUser, placementId: string, input: RecordOutflowDto): Promise<PlacementOutflowDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked, so two records of one placement at once take turns rather than both being version n + 1.
        const placement = await this.loadVisible(actor, placementId, manager, true);
        if (!hasRole(actor, Role.ADMIN) && actor.organisation !== OWNER_OF_POOL[placement.pool]) {
          throw new NotAllowedError(
            `Only an adviser of ${OWNER_OF_POOL[placement.pool]} records the outflow of a ${placement.pool} client`,
          );
        }
        const benefitChangedOn = input.benefitChangedOn ?? null;
        const errors = outflowErrors(
          { outflow: input.outflow, benefitChangedOn },
          placement.startDate,
          dutchDate(this.clock.now()),
        );
        if (errors) throw new RequestValidationError(errors);
        await manager.query(`UPDATE placement_outflows SET current = false WHERE placement_id = $1 AND current`, [
          placementId,
        ]);
        await manager.query(
          `INSERT INTO placement_outflows (placement_id, version, outflow, benefit_changed_on, recorded_by, recorded_at)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM placement_outflows WHERE placement_id = $1`,
          [placementId, input.outflow, benefitChangedOn, actor.id, this.clock.now()],
        );
        await this.audit.record(
          {
            actor,
            action: 'update',
            subjectType: 'candidate',
            subjectId: placement.candidateId,
            purpose: `placement ${placementId}: outflow`,
          },
          manager,
        );
        return this.view(placementId, manager);
      });
    } catch (error) {
      // Only reachable if the lock were bypassed; the database still refuses two records of one version.
      if (isUniqueViolation(error, 'placement_outflows_version_once')) throw new StaleVersionError('Outflow');
      throw error;
    }
  }

  async get(actor: AuthenticatedUser, placementId: string): Promise<PlacementOutflowDto> {
    const placement = await this.loadVisible(actor, placementId, this.dataSource.manager);
    await this.audit.record({
      actor,
      action: 'read',
      subjectType: 'candidate',
      subjectId: placement.candidateId,
      purpose: `placement ${placementId}: outflow`,
    });
    return this.view(placementId, this.dataSource.manager);
  }

  /** The placement, if the user may see its client (404 otherwise, as for the placement itself). */
  private async loadVisible(
    actor: AuthenticatedUser,
    id: string,
    manager: EntityManager,
    forUpdate = false,
  ): Promise<PlacementFacts> {
    const sql = new SqlParams();
    const rows: PlacementFacts[] = await manager.query(
      `SELECT pl.candidate_id AS "candidateId", c.pool, pl.start_date::text AS "startDate"
       FROM placements pl JOIN candidates c ON c.id = pl.candidate_id
       WHERE pl.id = ${sql.p(id)} AND ${visibleToSql(actor, sql)} ${forUpdate ? 'FOR UPDATE OF pl' : ''}`,
      sql.values,
    );
    if (!rows[0]) throw new NotFoundError('Placement', 'PLACEMENT_NOT_FOUND');
    return rows[0];
  }

  private async view(placementId: string, manager: EntityManager): Promise<PlacementOutflowDto> {
    const rows: Array<Omit<OutflowRecordDto, 'recordedAt'> & { recordedAt: Date }> = await manager.query(
      `SELECT version, outflow, benefit_changed_on::text AS "benefitChangedOn", recorded_by AS "recordedBy",
              recorded_at AS "recordedAt"
       FROM placement_outflows WHERE placement_id = $1 ORDER BY version DESC`,
      [placementId],
    );
    const history = rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt).toISOString() }));
    return { placementId, current: history[0] ?? null, history };
  }
}
