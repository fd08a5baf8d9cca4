import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TargetGroup } from '@matching/candidates/target-group';
import { SqlParams } from '@matching/candidates/visibility';
import { reportQuery } from '@platform/database/report-query';
import { Period } from '@platform/http/report-period';
import { OutflowCountRow } from './outflow-figures';
import { PlacementCountRow } from './placement-figures';

/**
 * The reports' reads of placements, all through aftersales' read-only views report_placements,
 * report_placement_starts and report_outflows (see the
 * migration and the README): counts only, nobody named. Placements count in the period of their start
 * date; outflow by the day the benefit changed.
 */
@Injectable()
export class ReportPlacementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Per unit, start month and target group: placements, SROI placements, placements without outflow record. */
  countsByMonth(period: Period, unitId?: string): Promise<PlacementCountRow[]> {
    const sql = new SqlParams();
    return reportQuery(
      this.dataSource,
      `SELECT r.unit_id AS "unitId", to_char(r.start_date, 'YYYY-MM') AS month, r.target_group AS "targetGroup",
              count(*)::int AS placements, count(*) FILTER (WHERE r.sroi)::int AS sroi,
              count(*) FILTER (WHERE r.outflow IS NULL)::int AS "outflowUnrecorded"
       FROM report_placements r
       WHERE ${this.started(sql, period, unitId)}
       GROUP BY 1, 2, 3`,
      sql.values,
    );
  }

  /** Per unit, quarter ('2026-Q3') and target group: the placements, for target progress. */
  countsByQuarter(
    period: Period,
    unitId?: string,
  ): Promise<Array<{ unitId: string; quarter: string; targetGroup: TargetGroup | null; placements: number }>> {
    const sql = new SqlParams();
    return reportQuery(
      this.dataSource,
      `SELECT r.unit_id AS "unitId", to_char(r.start_date, 'YYYY-"Q"Q') AS quarter, r.target_group AS "targetGroup",
              count(*)::int AS placements
       FROM report_placement_starts r
       WHERE ${this.started(sql, period, unitId)}
       GROUP BY 1, 2, 3`,
      sql.values,
    );
  }

  /** Per unit and target group: benefits stopped (FULL) and reduced (PARTIAL) on a day of the period. */
  outflowCounts(period: Period, unitId?: string): Promise<OutflowCountRow[]> {
    const sql = new SqlParams();
    const where = [`o.benefit_changed_on BETWEEN ${sql.p(period.from)}::date AND ${sql.p(period.to)}::date`];
    if (unitId) where.push(`o.unit_id = ${sql.p(unitId)}`);
    return reportQuery(
      this.dataSource,
      `SELECT o.unit_id AS "unitId", o.target_group AS "targetGroup",
              count(*) FILTER (WHERE o.outflow = 'FULL')::int AS full,
              count(*) FILTER (WHERE o.outflow = 'PARTIAL')::int AS partial
       FROM report_outflows o
       WHERE ${where.join(' AND ')}
       GROUP BY 1, 2`,
      sql.values,
    );
  }

  private started(sql: SqlParams, period: Period, unitId?: string): string {
    const where = [`r.start_date BETWEEN ${sql.p(period.from)}::date AND ${sql.p(period.to)}::date`];
    if (unitId) where.push(`r.unit_id = ${sql.p(unitId)}`);
    return where.join(' AND ');
  }
}
