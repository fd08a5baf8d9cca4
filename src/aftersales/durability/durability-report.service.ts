import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { resolvePeriod } from '@platform/http/report-period';
import { SqlParams } from '@matching/candidates/visibility';
import { DurabilityReportDto, DurabilityReportQuery } from './dto/durability-report.dto';
import { CohortMilestoneCounts, DURABILITY_REFERENCE, durabilityFigures, monthsBetween } from './durability-figures';

/** The period rule every report shares (kept here under its old name for the durability spec). */
export { MAX_PERIOD_YEARS, periodErrors } from '@platform/http/report-period';

/**
 * The durability report: per start-month cohort and milestone, how many placements still worked.
 * Aggregate counts only, no person named, so nothing to audit. One query sorts every placement into
 * its category where the rows are: at national scale (some 250,000 placements in five years) nothing
 * per placement leaves the database.
 */
@Injectable()
export class DurabilityReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async report(query: DurabilityReportQuery): Promise<DurabilityReportDto> {
    const { from, to } = resolvePeriod(query, this.clock.now());
    const offsets = this.config.get('followUps', { infer: true }).offsets;

    const sql = new SqlParams();
    const offsetsParam = sql.p(offsets);
    const now = sql.p(this.clock.now());
    const where = [`pl.start_date BETWEEN ${sql.p(from)}::date AND ${sql.p(to)}::date`];
    if (query.unit) where.push(`pl.unit_id = ${sql.p(query.unit)}`);
    if (query.targetGroup) where.push(`pl.target_group = ${sql.p(query.targetGroup)}`);

    // The milestone moment T_m is the offset after the start date at midnight Dutch time, as the
    // follow-ups count it, but always from the start (not from a late registration): durability is about
    // the job. The offset is added to the wall-clock date (calendar months), so T_m has passed when it
    // is not after the Dutch wall-clock now. Definitions: README, "Durability report: definitions".
    const counts: CohortMilestoneCounts[] = await this.dataSource.query(
      `WITH milestones AS (
         SELECT o.milestone::int AS milestone, o.offset_iso::interval AS offset_interval
         FROM unnest(${offsetsParam}::text[]) WITH ORDINALITY AS o (offset_iso, milestone)
       ),
       cohort AS (
         -- Per placement, from its answered calls: the latest milestone at which it was still working
         -- (AT_RISK still works), and the milestones at which someone was reached.
         SELECT date_trunc('month', pl.start_date::timestamp) AS month, pl.start_date::timestamp AS started, pl.end_date,
                max(f.milestone) FILTER (WHERE f.result IN ('STILL_WORKING', 'AT_RISK')) AS last_working_milestone,
                array_agg(f.milestone) FILTER (WHERE f.milestone IS NOT NULL) AS reached_milestones
         FROM placements pl LEFT JOIN follow_ups f ON f.placement_id = pl.id AND f.status = 'DONE'
         WHERE ${where.join(' AND ')}
         GROUP BY pl.id
       ),
       at_milestone AS (
         SELECT c.month, m.milestone,
                c.started + m.offset_interval <= (${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') AS passed,
                -- Ended before T_m: stopped, whatever a call said.
                coalesce(c.end_date < c.started + m.offset_interval, false) AS stopped,
                -- Working at T_m: an answer at this milestone or a later one said so, or the job ended on
                -- or after T_m (counted only where it did not stop before T_m).
                coalesce(c.last_working_milestone >= m.milestone, false) OR c.end_date IS NOT NULL AS working,
                coalesce(m.milestone = ANY (c.reached_milestones), false) AS reached
         FROM cohort c CROSS JOIN milestones m
       )
       SELECT to_char(month, 'YYYY-MM') AS month, milestone,
              count(*)::int AS placements,
              count(*) FILTER (WHERE NOT passed)::int AS pending,
              count(*) FILTER (WHERE passed AND reached)::int AS reached,
              count(*) FILTER (WHERE passed AND NOT stopped AND working)::int AS "stillWorking",
              count(*) FILTER (WHERE passed AND stopped)::int AS "stoppedWorking",
              count(*) FILTER (WHERE passed AND NOT stopped AND NOT working)::int AS unknown
       FROM at_milestone
       GROUP BY month, milestone`,
      sql.values,
    );

    return {
      from,
      to,
      unit: query.unit ?? null,
      targetGroup: query.targetGroup ?? null,
      offsets,
      reference: { ...DURABILITY_REFERENCE },
      ...durabilityFigures(counts, monthsBetween(from, to), offsets),
    };
  }
}
