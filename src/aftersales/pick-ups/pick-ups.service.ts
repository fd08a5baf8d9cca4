import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { SqlParams, visibleToSql } from '@matching/candidates/visibility';
import { Clock } from '@platform/clock/clock';
import { NotFoundError } from '@platform/errors/domain-error';
import { PickUpDto, PickUpListQuery } from './dto/pick-up.dto';

/** The longest list returned at once, longest waiting first. */
const LIST_LIMIT = 500;

const COLUMNS = `pu.id, pu.candidate_id AS "candidateId", c.name AS "candidateName", c.pool, c.phone, c.email,
  c.status, c.jobready, c.adviser_id AS "adviserId", pu.placement_id AS "placementId", pu.unit_id AS "unitId",
  v.title AS "vacancyTitle", e.name AS "employerName", pl.start_date::text AS "startDate",
  pl.end_date::text AS "endDate", pl.end_reason AS "endReason", pu.created_at AS "listedAt",
  pu.picked_up_at AS "pickedUpAt", pu.picked_up_by AS "pickedUpBy"`;

const FROM = `pick_ups pu
  JOIN candidates c ON c.id = pu.candidate_id
  JOIN placements pl ON pl.id = pu.placement_id
  JOIN vacancies v ON v.id = pl.vacancy_id
  JOIN employers e ON e.id = v.employer_id`;

/**
 * Still waiting: nobody marked the client picked up, and no matcher has proposed them anywhere since
 * the job ended (a new proposal is picking up too). An erased client is off the list.
 */
const WAITING = `pu.picked_up_at IS NULL AND c.erased_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.candidate_id = pu.candidate_id AND p.created_at >= pu.created_at)`;

interface PickUpRow extends Omit<PickUpDto, 'listedAt' | 'pickedUpAt'> {
  listedAt: Date;
  pickedUpAt: Date | null;
}

/**
 * The "pick up again" list: every client whose placement ended is listed for the matchers at once,
 * so nobody drifts back to a benefit unseen.
 */
@Injectable()
export class PickUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Inside the transaction that ended the placement; a placement is listed once. */
  async list(placementId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO pick_ups (candidate_id, placement_id, unit_id, created_at)
       SELECT pl.candidate_id, pl.id, pl.unit_id, $2 FROM placements pl WHERE pl.id = $1
       ON CONFLICT (placement_id) DO NOTHING`,
      [placementId, this.clock.now()],
    );
  }

  /** The clients waiting to be picked up that this user may see, longest waiting first; audited. */
  async waiting(actor: AuthenticatedUser, query: PickUpListQuery): Promise<PickUpDto[]> {
    const sql = new SqlParams();
    const unit = query.unitId ? `AND pu.unit_id = ${sql.p(query.unitId)}` : '';
    const rows: PickUpRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE ${WAITING} ${unit} AND ${visibleToSql(actor, sql)}
       ORDER BY pu.created_at, pu.id
       LIMIT ${LIST_LIMIT}`,
      sql.values,
    );
    await this.audit.recordListed(
      actor,
      'candidate',
      rows.map((row) => row.candidateId),
      'pick up again list',
    );
    return rows.map(toDto);
  }

  /** A matcher took the client on: off the list. Marking it twice keeps the first. */
  async markPickedUp(actor: AuthenticatedUser, id: string): Promise<PickUpDto> {
    return this.dataSource.transaction(async (manager) => {
      const sql = new SqlParams();
      const [rows]: [Array<{ candidateId: string }>, number] = await manager.query(
        `UPDATE pick_ups pu
         SET picked_up_at = coalesce(pu.picked_up_at, ${sql.p(this.clock.now())}),
             picked_up_by = coalesce(pu.picked_up_by, ${sql.p(actor.id)})
         FROM candidates c
         WHERE pu.id = ${sql.p(id)} AND c.id = pu.candidate_id AND c.erased_at IS NULL AND ${visibleToSql(actor, sql)}
         RETURNING pu.candidate_id AS "candidateId"`,
        sql.values,
      );
      if (rows.length === 0) throw new NotFoundError('Pick-up', 'PICK_UP_NOT_FOUND');
      await this.audit.record(
        {
          actor,
          action: 'update',
          subjectType: 'candidate',
          subjectId: rows[0].candidateId,
          purpose: `pick-up ${id}: picked up`,
        },
        manager,
      );
      const [row]: PickUpRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE pu.id = $1`, [id]);
      return toDto(row);
    });
  }
}

function toDto(row: PickUpRow): PickUpDto {
  return {
    ...row,
    listedAt: new Date(row.listedAt).toISOString(),
    pickedUpAt: row.pickedUpAt === null ? null : new Date(row.pickedUpAt).toISOString(),
  };
}
