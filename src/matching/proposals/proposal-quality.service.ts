import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { reportQuery } from '@platform/database/report-query';
import { Period, resolvePeriod } from '@platform/http/report-period';
import { SqlParams } from '@matching/candidates/visibility';
import { TargetGroup } from '@matching/candidates/target-group';
import { ProposalQualityDto, ProposalQualityQuery } from './dto/proposal-quality.dto';
import { ProposalCounts, proposalQuality, QualityFigures } from './proposal-quality';

/** Proposal quality per unit, per matcher and per target group, without the (long) list per vacancy. */
export interface ProposalQualitySummary {
  total: QualityFigures;
  perUnit: Array<QualityFigures & { unitId: string }>;
  perMatcher: Array<QualityFigures & { matcherId: string }>;
  perTargetGroup: Array<QualityFigures & { targetGroup: TargetGroup | null }>;
}

/**
 * The proposal-quality report; counts only, no person named, so nothing to audit. The database counts
 * (at national scale there are hundreds of thousands of proposals a year); the ratios are the pure
 * core's.
 */
@Injectable()
export class ProposalQualityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async report(query: ProposalQualityQuery): Promise<ProposalQualityDto> {
    const period = resolvePeriod(query, this.clock.now());
    const sql = new SqlParams();
    const from = this.fromWhere(sql, period, query);
    const counts: ProposalCounts[] = await reportQuery(
      this.dataSource,
      `SELECT p.vacancy_id AS "vacancyId", p.proposed_by AS "matcherId", p.unit_id AS "unitId",
              ${this.targetGroupSql(sql)} AS "targetGroup", ${COUNTS}
       ${from}
       GROUP BY 1, 2, 3, 4`,
      sql.values,
    );
    return { ...period, ...proposalQuality(counts) };
  }

  /**
   * The dashboard's share: per unit, matcher and target group, without the (long) list per vacancy.
   * Counted per unit × matcher × target group in one hash aggregate (a matcher works for one or two
   * units, so a few thousand rows nationally) and summed here: GROUPING SETS sorted 600,000 proposals
   * on disk in the reports bench.
   */
  async summary(period: Period, unitId?: string): Promise<ProposalQualitySummary> {
    const sql = new SqlParams();
    const from = this.fromWhere(sql, period, { unitId });
    const counts: Array<Omit<ProposalCounts, 'vacancyId'>> = await reportQuery(
      this.dataSource,
      `SELECT p.unit_id AS "unitId", p.proposed_by AS "matcherId", ${this.targetGroupSql(sql)} AS "targetGroup", ${COUNTS}
       ${from}
       GROUP BY 1, 2, 3`,
      sql.values,
    );
    // The per-vacancy list needs the vacancy; every row here stands for all of its vacancies at once.
    const { total, perUnit, perMatcher, perTargetGroup } = proposalQuality(
      counts.map((row) => ({ ...row, vacancyId: '' })),
    );
    return { total, perUnit, perMatcher, perTargetGroup };
  }

  /** Days are Dutch calendar days: a proposal at 00:30 in Amsterdam belongs to that day. */
  private fromWhere(sql: SqlParams, period: Period, filter: { unitId?: string; matcherId?: string }): string {
    const where = [
      `p.proposed_at IS NOT NULL`,
      // As a range on proposed_at itself, so the index on (unit_id, proposed_at) serves it.
      `p.proposed_at >= (${sql.p(period.from)}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
      `p.proposed_at < ((${sql.p(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
    ];
    if (filter.unitId) where.push(`p.unit_id = ${sql.p(filter.unitId)}`);
    if (filter.matcherId) where.push(`p.proposed_by = ${sql.p(filter.matcherId)}`);
    return `FROM proposals p JOIN candidates c ON c.id = p.candidate_id WHERE ${where.join(' AND ')}`;
  }

  /**
   * The candidate's target group on the day of proposing (targetGroupOf in SQL): Wajong first for WW
   * clients, Max-WW when the WW ends within MAX_WW_MONTHS of that day, Bijstand by classification.
   */
  private targetGroupSql(sql: SqlParams): string {
    const months = sql.p(this.config.get('candidates', { infer: true }).maxWwMonths);
    const day = `(p.proposed_at AT TIME ZONE 'Europe/Amsterdam')::date`;
    return `CASE c.pool
      WHEN 'WW' THEN CASE WHEN c.wajong THEN 'WAJONG'
        WHEN c.ww_end_date >= ${day} AND c.ww_end_date <= (${day} + make_interval(months => ${months}::int))::date
          THEN 'MAX WW' ELSE 'WW' END
      WHEN 'BIJSTAND' THEN CASE c.classification WHEN '80-100' THEN 'SDD 80-100' WHEN '50-80' THEN 'SDD 50-80' END
    END`;
  }
}

/** A hire went through an interview, so it counts as one even if the interview was not recorded. */
const COUNTS = `count(*)::int AS proposals,
  count(*) FILTER (WHERE p.interview_at IS NOT NULL OR p.state = 'HIRED')::int AS interviews,
  count(*) FILTER (WHERE p.state = 'HIRED')::int AS placements`;
