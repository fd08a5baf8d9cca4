import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { reportQuery } from '@platform/database/report-query';
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
    // Per placement only what its answered calls say (the latest milestone at which it was still
    // working, AT_RISK still works; the milestones at which someone was reached, as bits), from the
    // covering index follow_ups_answered; then the placements with the same start, end and answers are
    // counted together (some ten thousand groups at national scale instead of 250,000 rows), and only
    // those groups are held against each milestone.
    // For one unit or target group, only the calls of its placements (a unit-year is some 1,300 of them); for
    // all units every answered call, in one pass over the index (restricting them costs more than it saves).
    const restrict =
      query.unit || query.targetGroup
        ? `AND f.placement_id IN (SELECT pl.id FROM placements pl WHERE ${where.join(' AND ')})`
        : '';
    const counts: CohortMilestoneCounts[] = await reportQuery(
      this.dataSource,
      `WITH milestones AS (
         SELECT o.milestone::int AS milestone, o.offset_iso::interval AS offset_interval
         FROM unnest(${offsetsParam}::text[]) WITH ORDINALITY AS o (offset_iso, milestone)
       ),
       answers AS (
         SELECT f.placement_id,
                max(f.milestone) FILTER (WHERE f.result IN ('STILL_WORKING', 'AT_RISK')) AS last_working_milestone,
                bit_or(1 << (f.milestone - 1)) AS reached_mask
         FROM follow_ups f WHERE f.status = 'DONE' ${restrict}
         GROUP BY f.placement_id
       ),
       cohort AS (
         SELECT pl.start_date, pl.end_date, a.last_working_milestone, coalesce(a.reached_mask, 0) AS reached_mask,
                count(*) AS placements
         FROM placements pl LEFT JOIN answers a ON a.placement_id = pl.id
         WHERE ${where.join(' AND ')}
         GROUP BY 1, 2, 3, 4
       ),
       at_milestone AS (
         SELECT c.start_date, c.placements, m.milestone,
                c.start_date + m.offset_interval <= (${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') AS passed,
                -- Ended before T_m: stopped, whatever a call said.
                coalesce(c.end_date < c.start_date + m.offset_interval, false) AS stopped,
                -- Working at T_m: an answer at this milestone or a later one said so, or the job ended on
                -- or after T_m (counted only where it did not stop before T_m).
                coalesce(c.last_working_milestone >= m.milestone, false) OR c.end_date IS NOT NULL AS working,
                c.reached_mask & (1 << (m.milestone - 1)) <> 0 AS reached
         FROM cohort c CROSS JOIN milestones m
       )
       SELECT to_char(start_date, 'YYYY-MM') AS month, milestone,
              sum(placements)::int AS placements,
              coalesce(sum(placements) FILTER (WHERE NOT passed), 0)::int AS pending,
              coalesce(sum(placements) FILTER (WHERE passed AND reached), 0)::int AS reached,
              coalesce(sum(placements) FILTER (WHERE passed AND NOT stopped AND working), 0)::int AS "stillWorking",
              coalesce(sum(placements) FILTER (WHERE passed AND stopped), 0)::int AS "stoppedWorking",
              coalesce(sum(placements) FILTER (WHERE passed AND NOT stopped AND NOT working), 0)::int AS unknown
       FROM at_milestone
       GROUP BY 1, 2`,
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
