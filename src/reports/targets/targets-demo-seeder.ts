import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toAuthenticatedUser } from '@identity/auth/auth.service';
import { DEMO_UNITS, demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { TARGET_GROUPS } from '@matching/candidates/target-group';
import { Clock } from '@platform/clock/clock';
import { dutchDate } from '@platform/http/report-period';
import { parseTargetPeriod, previousPeriod, quarterOf, TargetPeriod } from './target-period';
import { TargetsService } from './targets.service';

export type TargetsSeedReport = { skipped: string } | { set: number; existing: number };

/** Bottom-up, as at Drechtsteden: last period's result, the market, a little growth; some units miss. */
const AMBITION = [1.1, 0.95, 1.05, 1.15, 0.9];

/**
 * Demo group targets: per demo unit, every quarter of the past year up to the next one, and the years
 * they fall in, set by the demo manager through TargetsService (so each has its who and when). Each
 * quarter's target follows what the unit placed (or, for this quarter and the next, its forecast),
 * with an ambition that is sometimes met and sometimes not; this quarter and the next are split by
 * target group. A period that has a target keeps it: running again changes nothing.
 */
@Injectable()
export class TargetsDemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<TargetsSeedReport> {
    const user = await this.users.findByEmail(demoEmail(Role.MANAGER, Organisation.STAFFING_FIRM));
    const units = await Promise.all(DEMO_UNITS.map((unit) => this.units.findByName(unit.name)));
    if (!user || units.some((unit) => !unit)) return { skipped: 'the demo users and units are missing' };
    const manager = toAuthenticatedUser(user);
    const today = dutchDate(this.clock.now());
    const current = quarterOf(today);
    const quarters: TargetPeriod[] = [current];
    for (let step = 0; step < 4; step++) quarters.unshift(previousPeriod(quarters[0]));
    const nextQuarter = parseTargetPeriod(
      current.key.endsWith('Q4')
        ? `${Number(current.key.slice(0, 4)) + 1}-Q1`
        : `${current.key.slice(0, 6)}${Number(current.key.slice(6)) + 1}`,
    )!;
    const years = [...new Set([...quarters, nextQuarter].map((quarter) => quarter.key.slice(0, 4)))].map((year) =>
      parseTargetPeriod(year)!,
    );
    const report = { set: 0, existing: 0 };
    for (const [u, unit] of units.entries()) {
      const progress = await this.targets.progressFor([unit!.id], quarters, today, unit!.id);
      const byQuarter = new Map<string, number>();
      const rows = progress.get(unit!.id)!;
      for (const [q, row] of rows.entries()) {
        const basis = row.period.key === current.key ? (row.forecast ?? row.counted) : row.counted;
        byQuarter.set(row.period.key, Math.max(5, Math.round(basis * AMBITION[(u + q) % AMBITION.length])));
      }
      byQuarter.set(nextQuarter.key, Math.max(5, Math.round((byQuarter.get(current.key) ?? 5) * 1.05)));
      // The split of this quarter and the next: the unit's mix of the past year, rounded down.
      const lastYear = rows.reduce((total, row) => total + row.counted, 0);
      const mix = TARGET_GROUPS.map((targetGroup) => ({
        targetGroup,
        share:
          rows.reduce(
            (total, row) =>
              total + (row.byTargetGroup.find((group) => group.targetGroup === targetGroup)?.counted ?? 0),
            0,
          ) / Math.max(1, lastYear),
      }));
      const wanted: Array<[TargetPeriod, number, boolean]> = [
        ...quarters.map(
          (quarter) =>
            [quarter, byQuarter.get(quarter.key)!, quarter.key === current.key] as [TargetPeriod, number, boolean],
        ),
        [nextQuarter, byQuarter.get(nextQuarter.key)!, true],
        ...years.map((year) => {
          const inYear = [...byQuarter.entries()].filter(([key]) => key.startsWith(year.key));
          // A year's target is its quarters' (four of them: a missing one counts as the average).
          const average = inYear.reduce((total, [, value]) => total + value, 0) / Math.max(1, inYear.length);
          return [year, Math.round(average * 4), false] as [TargetPeriod, number, boolean];
        }),
      ];
      for (const [period, placements, split] of wanted) {
        const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
          `SELECT count(*)::int AS count FROM unit_targets WHERE unit_id = $1 AND period = $2`,
          [unit!.id, period.key],
        );
        if (count > 0) {
          report.existing++;
          continue;
        }
        await this.targets.set(manager, unit!.id, period.key, {
          placements,
          byTargetGroup: split
            ? mix
                .map(({ targetGroup, share }) => ({ targetGroup, placements: Math.floor(placements * share) }))
                .filter((group) => group.placements > 0)
            : undefined,
        });
        report.set++;
      }
    }
    return report;
  }
}
