import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { TargetGroup } from '@matching/candidates/target-group';
import { Clock } from '@platform/clock/clock';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { RequestValidationError, StaleVersionError } from '@platform/errors/domain-error';
import { dutchDate } from '@platform/http/report-period';
import { ReportPlacementsRepository } from '../figures/report-placements.repository';
import { SetTargetDto, TargetDto, TargetHistoryDto, TargetProgressDto, TargetsOverviewDto } from './dto/target.dto';
import { parseTargetPeriod, previousPeriod, quarterOf, TargetPeriod } from './target-period';
import { PeriodProgress, periodProgress } from './target-progress';

/** Target group → column of unit_targets. */
const GROUP_COLUMNS: Record<TargetGroup, string> = {
  WW: 'ww',
  'MAX WW': 'max_ww',
  WAJONG: 'wajong',
  'SDD 80-100': 'sdd_80_100',
  'SDD 50-80': 'sdd_50_80',
};

interface TargetRow {
  unitId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  version: number;
  placements: number;
  setBy: string;
  setAt: Date;
  groups: Partial<Record<TargetGroup, number | null>>;
}

const SELECT = `SELECT t.unit_id AS "unitId", t.period, t.period_start::text AS "periodStart",
  t.period_end::text AS "periodEnd", t.version, t.placements, t.set_by AS "setBy", t.set_at AS "setAt",
  json_build_object(${Object.entries(GROUP_COLUMNS)
    .map(([group, column]) => `'${group}', t.${column}`)
    .join(', ')}) AS groups
  FROM unit_targets t`;

/**
 * Group targets per unit and period (a year or a quarter), set bottom-up by managers. Every change is
 * a new version with who and when; the newest version is the target. Progress counts the unit's
 * placements by start date (README, "Targets: definitions").
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly placements: ReportPlacementsRepository,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** Every unit with its target and progress for the period, and the period before (the targets page). */
  async overview(periodKey?: string): Promise<TargetsOverviewDto> {
    const today = dutchDate(this.clock.now());
    const period = periodKey ? this.period(periodKey) : quarterOf(today);
    const previous = previousPeriod(period);
    const units = await this.units.list();
    const progress = await this.progressFor(
      units.map((unit) => unit.id),
      [period, previous],
      today,
    );
    const current = await this.currentTargets([period.key]);
    const names = await this.users.namesOf(current.map((row) => row.setBy));
    return {
      period: period.key,
      today,
      units: units.map((unit) => {
        const target = current.find((row) => row.unitId === unit.id);
        const [now, before] = progress.get(unit.id)!;
        return {
          unit: { id: unit.id, name: unit.name },
          target: target ? toDto(target, names) : null,
          progress: progressDto(now),
          previous: progressDto(before),
        };
      }),
    };
  }

  async set(actor: AuthenticatedUser, unitId: string, periodKey: string, input: SetTargetDto): Promise<TargetDto> {
    const period = this.period(periodKey);
    await this.units.get(unitId);
    const groups = input.byTargetGroup ?? [];
    const errors: Record<string, string> = {};
    if (new Set(groups.map((group) => group.targetGroup)).size !== groups.length) {
      errors.byTargetGroup = 'must name each target group at most once';
    } else if (groups.reduce((total, group) => total + group.placements, 0) > input.placements) {
      errors.byTargetGroup = `must not add up to more than placements (${input.placements})`;
    }
    if (Object.keys(errors).length > 0) throw new RequestValidationError(errors);

    const split = new Map(groups.map((group) => [group.targetGroup, group.placements]));
    try {
      await this.dataSource.transaction(async (manager) => {
        const [latest]: Array<{ version: number }> = await manager.query(
          `SELECT max(version) AS version FROM unit_targets WHERE unit_id = $1 AND period = $2`,
          [unitId, period.key],
        );
        const currentVersion = latest?.version ?? null;
        // The version read must be the current one; a first target is set without one.
        if ((input.version ?? null) !== currentVersion) throw new StaleVersionError('Target');
        const columns = Object.values(GROUP_COLUMNS);
        await manager.query(
          `INSERT INTO unit_targets (unit_id, period, period_start, period_end, version, placements, ${columns.join(', ')},
                                     set_by, set_at)
           VALUES ($1, $2, $3, $4, $5, $6, ${columns.map((_, index) => `$${index + 7}`).join(', ')}, $12, $13)`,
          [
            unitId,
            period.key,
            period.start,
            period.end,
            (currentVersion ?? 0) + 1,
            input.placements,
            ...(Object.keys(GROUP_COLUMNS) as TargetGroup[]).map((group) => split.get(group) ?? null),
            actor.id,
            this.clock.now(),
          ],
        );
      });
    } catch (error) {
      // Two managers saving the same version at once: the second one read a version that is no longer current.
      if (isUniqueViolation(error, 'unit_targets_version_once')) throw new StaleVersionError('Target');
      throw error;
    }
    const [current] = await this.currentTargets([period.key], unitId);
    return toDto(current, await this.users.namesOf([current.setBy]));
  }

  async history(unitId: string, periodKey: string): Promise<TargetHistoryDto> {
    const period = this.period(periodKey);
    await this.units.get(unitId);
    const rows: TargetRow[] = await this.dataSource.query(
      `${SELECT} WHERE t.unit_id = $1 AND t.period = $2 ORDER BY t.version DESC`,
      [unitId, period.key],
    );
    const names = await this.users.namesOf(rows.map((row) => row.setBy));
    return { unitId, period: period.key, versions: rows.map((row) => toDto(row, names)) };
  }

  /**
   * Per unit, the progress of each period (in the order given): the current target, if any, against
   * the placements counted by quarter in one query over the periods' span.
   */
  async progressFor(
    unitIds: readonly string[],
    periods: readonly TargetPeriod[],
    today: string,
    unitId?: string,
  ): Promise<Map<string, PeriodProgress[]>> {
    const span = {
      from: periods.reduce((first, period) => (period.start < first ? period.start : first), periods[0].start),
      to: periods.reduce((last, period) => (period.end > last ? period.end : last), periods[0].end),
    };
    const counts = await this.placements.countsByQuarter(span, unitId);
    const targets = await this.currentTargets(
      periods.map((period) => period.key),
      unitId,
    );
    // Indexed once, so 40 units × 25 periods stay a lookup each rather than a scan of every count.
    const byUnitQuarter = new Map<string, Array<{ targetGroup: TargetGroup | null; placements: number }>>();
    for (const row of counts) {
      const key = `${row.unitId}/${row.quarter}`;
      byUnitQuarter.set(key, [...(byUnitQuarter.get(key) ?? []), row]);
    }
    const targetOf = new Map(targets.map((row) => [`${row.unitId}/${row.period}`, row]));
    const result = new Map<string, PeriodProgress[]>();
    for (const id of unitIds) {
      result.set(
        id,
        periods.map((period) => {
          const counted = new Map<TargetGroup | null, number>();
          // A year is its four quarters.
          const quarters = period.kind === 'YEAR' ? [1, 2, 3, 4].map((q) => `${period.key}-Q${q}`) : [period.key];
          for (const quarter of quarters) {
            for (const row of byUnitQuarter.get(`${id}/${quarter}`) ?? []) {
              counted.set(row.targetGroup, (counted.get(row.targetGroup) ?? 0) + row.placements);
            }
          }
          const target = targetOf.get(`${id}/${period.key}`);
          return periodProgress(
            period,
            today,
            target ? { placements: target.placements, byTargetGroup: split(target) } : null,
            counted,
          );
        }),
      );
    }
    return result;
  }

  /** The newest version of each unit's target for these periods. */
  private currentTargets(periodKeys: readonly string[], unitId?: string): Promise<TargetRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (t."unitId", t.period) * FROM (${SELECT}) t
       WHERE t.period = ANY($1::text[]) AND ($2::uuid IS NULL OR t."unitId" = $2::uuid)
       ORDER BY t."unitId", t.period, t.version DESC`,
      [periodKeys, unitId ?? null],
    );
  }

  private period(key: string): TargetPeriod {
    const period = parseTargetPeriod(key);
    if (!period) throw new RequestValidationError({ period: 'must be a year (2000–2100) or a quarter (2026-Q3)' });
    return period;
  }
}

function split(row: TargetRow): Partial<Record<TargetGroup, number>> {
  const result: Partial<Record<TargetGroup, number>> = {};
  for (const [group, value] of Object.entries(row.groups) as Array<[TargetGroup, number | null]>) {
    if (value !== null) result[group] = value;
  }
  return result;
}

function toDto(row: TargetRow, names: Map<string, { name: string }>): TargetDto {
  return {
    unitId: row.unitId,
    period: row.period,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    version: row.version,
    placements: row.placements,
    byTargetGroup: Object.entries(split(row)).map(([targetGroup, placements]) => ({
      targetGroup: targetGroup as TargetGroup,
      placements,
    })),
    setBy: { id: row.setBy, name: names.get(row.setBy)?.name ?? '' },
    setAt: new Date(row.setAt).toISOString(),
  };
}

export function progressDto(progress: PeriodProgress): TargetProgressDto {
  const { period, ...rest } = progress;
  return { period: period.key, kind: period.kind, start: period.start, end: period.end, ...rest };
}
