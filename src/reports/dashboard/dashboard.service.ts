import { Injectable } from '@nestjs/common';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { TARGET_GROUPS } from '@matching/candidates/target-group';
import { PROPOSALS_PER_PLACEMENT_AIM } from '@matching/proposals/proposal-quality';
import { ProposalQualityService } from '@matching/proposals/proposal-quality.service';
import { Clock } from '@platform/clock/clock';
import { dutchDate, resolvePeriod } from '@platform/http/report-period';
import { DurabilityReportService } from '@aftersales/durability/durability-report.service';
import { addMonths } from '@matching/candidates/target-group';
import { outflowFigures } from '../figures/outflow-figures';
import { placementBreakdown } from '../figures/placement-figures';
import { ReportPlacementsRepository } from '../figures/report-placements.repository';
import { SROI_REFERENCE } from '../figures/sroi';
import { periodsOverlapping, quarterOf, yearOf } from '../targets/target-period';
import { progressDto, TargetsService } from '../targets/targets.service';
import { DashboardDto, DashboardQuery, WallBoardDto } from './dto/dashboard.dto';

/** What a wall board is told about how often to ask again. */
const WALL_BOARD_REFRESH_SECONDS = 60;

/**
 * The managers' dashboard and the wall board: counts only, nobody named but colleagues (matchers, who
 * set a target), so nothing to audit. Each figure is one grouped query; the arithmetic is the pure
 * cores' (targets, figures, durability, proposal quality).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly placements: ReportPlacementsRepository,
    private readonly targets: TargetsService,
    private readonly durability: DurabilityReportService,
    private readonly proposalQuality: ProposalQualityService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async dashboard(query: DashboardQuery): Promise<DashboardDto> {
    const now = this.clock.now();
    const today = dutchDate(now);
    const period = resolvePeriod(query, now);
    const units = query.unitId ? [await this.units.get(query.unitId)] : await this.units.list();
    const unitIds = units.map((unit) => unit.id);
    const unitRef = new Map(units.map((unit) => [unit.id, { id: unit.id, name: unit.name }]));
    const ref = (id: string) => unitRef.get(id) ?? { id, name: '' };

    const [counts, progress, durability, quality, outflow] = await Promise.all([
      this.placements.countsByMonth(period, query.unitId),
      this.targets.progressFor(unitIds, periodsOverlapping(period.from, period.to), today, query.unitId),
      this.durability.report({ from: period.from, to: period.to, unit: query.unitId }),
      this.proposalQuality.summary(period, query.unitId),
      this.placements.outflowCounts(period, query.unitId),
    ]);
    const breakdown = placementBreakdown(counts, period.from, period.to, unitIds);
    const outflows = outflowFigures(outflow, unitIds);
    const matchers = await this.users.namesOf(quality.perMatcher.map((row) => row.matcherId));

    return {
      ...period,
      today,
      generatedAt: now.toISOString(),
      unitId: query.unitId ?? null,
      units: units.map((unit) => ref(unit.id)),
      targetGroups: [...TARGET_GROUPS],
      placements: {
        total: breakdown.total,
        byMonth: breakdown.byMonth,
        byUnit: breakdown.byUnit.map(({ unitId, ...figures }) => ({ unit: ref(unitId), ...figures })),
      },
      targets: unitIds.map((unitId) => ({ unit: ref(unitId), periods: progress.get(unitId)!.map(progressDto) })),
      durability,
      proposalQuality: {
        aim: PROPOSALS_PER_PLACEMENT_AIM,
        total: quality.total,
        // A unit (or matcher) may have proposals in the period but no longer exist under that id: kept, unnamed.
        perUnit: quality.perUnit.map(({ unitId, ...figures }) => ({ unit: ref(unitId), ...figures })),
        perMatcher: quality.perMatcher
          .map(({ matcherId, ...figures }) => ({
            matcherId,
            name: matchers.get(matcherId)?.name ?? '',
            organisation: matchers.get(matcherId)?.organisation ?? null,
            ...figures,
          }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.matcherId < b.matcherId ? -1 : 1)),
        perTargetGroup: quality.perTargetGroup,
      },
      outflow: {
        total: outflows.total,
        byUnit: outflows.byUnit.map(({ unitId, ...counts }) => ({ unit: ref(unitId), ...counts })),
        byTargetGroup: outflows.byTargetGroup,
      },
      sroiReference: { ...SROI_REFERENCE },
    };
  }

  /** One unit's figures for the wall: this quarter and this year against target, outflow, SROI, durability. */
  async wallBoard(unitId: string): Promise<WallBoardDto> {
    const now = this.clock.now();
    const today = dutchDate(now);
    const unit = await this.units.get(unitId);
    const quarter = quarterOf(today);
    const year = yearOf(today);
    // The whole quarter and year, as their progress counts them (placements registered for a later start count).
    const wholeYear = { from: year.start, to: year.end };
    const wholeQuarter = { from: quarter.start, to: quarter.end };
    // The last twelve start months, this one included: far enough back for the six-month calls.
    const durabilityFrom = `${addMonths(`${today.slice(0, 7)}-01`, -11)}`;
    const [progress, yearCounts, outflow, durability] = await Promise.all([
      this.targets.progressFor([unitId], [quarter, year], today, unitId),
      this.placements.countsByMonth(wholeYear, unitId),
      this.placements.outflowCounts(wholeQuarter, unitId),
      this.durability.report({ from: durabilityFrom, to: today, unit: unitId }),
    ]);
    const [quarterProgress, yearProgress] = progress.get(unitId)!;
    const inQuarter = yearCounts.filter(
      (row) => row.month >= quarter.start.slice(0, 7) && row.month <= quarter.end.slice(0, 7),
    );
    return {
      unit: { id: unit.id, name: unit.name },
      today,
      generatedAt: now.toISOString(),
      refreshSeconds: WALL_BOARD_REFRESH_SECONDS,
      quarter: progressDto(quarterProgress),
      year: progressDto(yearProgress),
      quarterPlacements: placementBreakdown(inQuarter, wholeQuarter.from, wholeQuarter.to, [unitId]).total,
      yearPlacements: placementBreakdown(yearCounts, wholeYear.from, wholeYear.to, [unitId]).total,
      quarterOutflow: outflowFigures(outflow, [unitId]).total,
      durability: {
        from: durability.from,
        to: durability.to,
        reference: durability.reference,
        placements: durability.total.placements,
        milestones: durability.total.milestones,
      },
      sroiReference: { ...SROI_REFERENCE },
    };
  }
}
