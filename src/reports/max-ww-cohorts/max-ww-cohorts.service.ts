import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { amsterdamDay } from '@maxww/selection/selection-window';
import { RequestValidationError } from '@platform/errors/domain-error';
import { CohortCounts, EMPTY_COUNTS, MAX_MONTHS, monthsBetween, sumCounts } from './cohort-months';
import { MaxWwCohortsDto, MaxWwCohortsQuery } from './dto/max-ww-cohorts.dto';

/**
 * The Max-WW cohort report: per intake month (the month, Dutch time, of the meeting a client's first
 * invitation was for), how many were invited, attended, taken into mediation, and how they left.
 * Counts only, done in SQL; nobody is named, so nothing is audited and every manager and adviser may
 * read it (the municipality's too: the programme exists to keep its caseload down). It reads the programme's tables
 * (owned by the meetings, mediation and exits modules) and writes nothing.
 */
@Injectable()
export class MaxWwCohortsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(query: MaxWwCohortsQuery): Promise<MaxWwCohortsDto> {
    const year = this.today().slice(0, 4);
    const from = query.from ?? `${year}-01`;
    const to = query.to ?? `${year}-12`;
    if (from > to) throw new RequestValidationError({ from: 'must not be after to' });
    const months = monthsBetween(from, to);
    if (months.length > MAX_MONTHS) {
      throw new RequestValidationError({ to: `the range may span at most ${MAX_MONTHS} months` });
    }
    const rows: Array<CohortCounts & { month: string }> = await this.dataSource.query(
      `WITH cohort AS (
         SELECT i.candidate_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS month
         FROM max_ww_invitations i JOIN max_ww_meetings m ON m.id = i.meeting_id
         WHERE i.attempt = 1 AND i.cancelled_at IS NULL AND ($3::uuid IS NULL OR m.unit_id = $3::uuid)
       )
       SELECT k.month,
              count(*)::int AS invited,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM max_ww_invitations a WHERE a.candidate_id = k.candidate_id AND a.attendance = 'PRESENT'
              ))::int AS attended,
              count(med.id)::int AS "inMediation",
              count(*) FILTER (WHERE x.kind = 'PLACED_BY_TEAM')::int AS "placedByTeam",
              count(*) FILTER (WHERE x.kind = 'OWN_JOB')::int AS "ownJob",
              count(*) FILTER (WHERE x.kind = 'MOVED_TO_BIJSTAND')::int AS "movedToBijstand",
              count(*) FILTER (WHERE x.kind IN ('BENEFIT_ENDED', 'MOVED_AWAY', 'OTHER'))::int AS "otherExit",
              count(med.id) FILTER (WHERE med.ended_on IS NULL)::int AS "stillInMediation"
       FROM cohort k
       LEFT JOIN max_ww_mediations med ON med.candidate_id = k.candidate_id
       LEFT JOIN max_ww_exits x ON x.candidate_id = k.candidate_id
       WHERE k.month BETWEEN $1 AND $2
       GROUP BY k.month`,
      [from, to, query.unitId ?? null],
    );
    const byMonth = new Map(rows.map((row) => [row.month, row]));
    const filled = months.map((month) => ({ ...EMPTY_COUNTS, ...byMonth.get(month), month }));
    return {
      from,
      to,
      unitId: query.unitId ?? null,
      months: filled,
      total: sumCounts(filled),
      generatedAt: this.clock.now().toISOString(),
    };
  }

  private today(): string {
    return amsterdamDay(this.clock.now());
  }
}
