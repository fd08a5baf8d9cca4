import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toAuthenticatedUser } from '@identity/auth/auth.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { DEMO_UNITS, demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { demoBsn, PC4S, random } from '@matching/candidates/candidates-demo-seeder';
import { CandidateWrite } from '@matching/candidates/candidate-record';
import { CandidatesRepository } from '@matching/candidates/candidates.repository';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { addMonths, TargetGroup } from '@matching/candidates/target-group';
import { Pool } from '@matching/profiles';
import { Clock } from '@platform/clock/clock';
import { dutchDate } from '@platform/http/report-period';
import { EmployersService } from '@sales/employers/employers.service';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { ContractType, Instrument } from '@sales/vacancies/vacancy-terms';
import { FollowUpsService } from '@aftersales/follow-ups/follow-ups.service';
import { PlacementsService } from './placements.service';

export type HistorySeedReport = { skipped: string } | { existing: number } | HistoryCreated;

export interface HistoryCreated {
  placements: number;
  proposals: number;
  vacancies: number;
  sroiPlacements: number;
  ended: number;
  outflows: number;
}

const DAY_MS = 86_400_000;
/** The year of placements: a smaller Drechtsteden (1,500 a year there), both units, every month. */
const HISTORY_PLACEMENTS = 260;
/** Unit 0 (industry, logistics) places more than unit 1 (care, cleaning), as in the region. */
const UNIT_SHARE = 0.58;
/** Historic vacancies per unit; three of the 24 come from an SROI clause (about 12% of the placements). */
const VACANCIES_PER_UNIT = 12;
/** Placements that end within three months: with the calls' LEFT_JOB, durability lands near 80%. */
const EARLY_END_SHARE = 0.14;

/** Target groups as they came in at Drechtsteden: mostly WW and SDD 80-100, some Max-WW, few Wajong. */
const GROUP_MIX: Array<[TargetGroup, number]> = [
  ['WW', 0.34],
  ['MAX WW', 0.18],
  ['WAJONG', 0.06],
  ['SDD 80-100', 0.3],
  ['SDD 50-80', 0.12],
];

const HISTORIC_VACANCIES: Array<{ employer: string; title: string; hours: [number, number]; contract: ContractType }> =
  [
    { employer: '90000001', title: 'Orderpicker', hours: [24, 40], contract: 'AGENCY' },
    { employer: '90000001', title: 'Magazijnmedewerker', hours: [32, 40], contract: 'FIXED_TERM' },
    { employer: '90000002', title: 'Bijrijder distributie', hours: [32, 40], contract: 'AGENCY' },
    { employer: '90000005', title: 'Productiemedewerker', hours: [32, 40], contract: 'AGENCY' },
    { employer: '90000005', title: 'Inpakker', hours: [20, 32], contract: 'FIXED_TERM' },
    { employer: '90000006', title: 'Medewerker werf', hours: [36, 40], contract: 'PERMANENT' },
    { employer: '90000003', title: 'Schoonmaker', hours: [12, 24], contract: 'FIXED_TERM' },
    { employer: '90000003', title: 'Schoonmaker ziekenhuis', hours: [20, 32], contract: 'AGENCY' },
    { employer: '90000004', title: 'Helpende', hours: [16, 28], contract: 'FIXED_TERM' },
    { employer: '90000004', title: 'Medewerker huishouding', hours: [16, 24], contract: 'FIXED_TERM' },
    { employer: '90000004', title: 'Gastvrouw restaurant', hours: [12, 24], contract: 'PERMANENT' },
    { employer: '90000003', title: 'Medewerker facilitair', hours: [24, 36], contract: 'PERMANENT' },
  ];
const SEASONS = ['winter', 'voorjaar', 'zomer', 'najaar'];

interface PlannedPlacement {
  index: number;
  unit: 0 | 1;
  targetGroup: TargetGroup;
  pool: Pool;
  startDate: string;
  registeredAt: Date;
  proposedAt: Date;
  vacancy: number;
  matcher: number;
  contractType: ContractType;
  contractMonths: number | null;
  hours: number;
  instruments: Instrument[];
  endDate: string | null;
  extraProposals: number;
}

/**
 * The demo's year of placements, so a manager's dashboard shows what the real one would: a few hundred
 * placements of both units spread over the past twelve months and the target groups, each with its
 * proposals (about two to three per placement, varying by matcher), on historic vacancies of the demo
 * employers (now FILLED, some from an SROI clause), with follow-ups planned from the start date (the
 * follow-ups seeder answers the overdue ones), some ended early, and the outflow the pool's adviser
 * recorded. Written in one transaction in SQL, since no matcher works a year in a second; the
 * follow-ups come from the aftersales service and the early ends go through PlacementsService.end
 * (pick-up list, adviser messages). Runs once: when the history's candidates exist, it adds nothing.
 */
@Injectable()
export class PlacementsHistoryDemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly employers: EmployersService,
    private readonly vacancies: VacanciesService,
    private readonly candidatesRepository: CandidatesRepository,
    private readonly candidates: CandidatesService,
    private readonly followUps: FollowUpsService,
    private readonly placements: PlacementsService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<HistorySeedReport> {
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM placements pl JOIN candidates c ON c.id = pl.candidate_id
       WHERE c.source_reference LIKE '%-HIST-%'`,
    );
    if (count > 0) return { existing: count };
    const matchers = await this.actors(Role.MATCHER);
    const advisers = await this.actors(Role.ADVISER);
    const unitIds = await Promise.all(DEMO_UNITS.map((unit) => this.units.findByName(unit.name)));
    if (matchers.length < 3 || advisers.length < 3 || unitIds.some((unit) => !unit)) {
      return { skipped: 'the demo users and units are missing' };
    }
    const employerIds = new Map<string, string>();
    for (const kvk of new Set(HISTORIC_VACANCIES.map((vacancy) => vacancy.employer))) {
      const employer = await this.employers.findByKvkNumber(kvk);
      if (!employer) return { skipped: 'the demo employers are missing (seed the sales demo data first)' };
      employerIds.set(kvk, employer.id);
    }

    const now = this.clock.now();
    const next = random(1500);
    const plan = this.plan(next, now);
    const vacancyIds = await this.createVacancies(
      employerIds,
      unitIds.map((unit) => unit!.id),
    );
    const placementIds: string[] = [];

    await this.dataSource.transaction(async (manager) => {
      const writes = plan.map((placement) => this.candidate(placement, next));
      const rows = await this.candidatesRepository.upsertMany(writes, manager);
      const candidateIds = rows.map((row) => row.id);
      const poolIndexes = new Map<Pool, number[]>([
        ['WW', plan.filter((p) => p.pool === 'WW').map((p) => p.index)],
        ['BIJSTAND', plan.filter((p) => p.pool === 'BIJSTAND').map((p) => p.index)],
      ]);
      // Jobready, assessed by the pool's demo adviser before the first proposal; placed.
      await manager.query(
        `UPDATE candidates c SET jobready = 'YES', jobready_assessed_at = now() - interval '400 days',
           jobready_assessed_by = CASE c.pool WHEN 'WW' THEN $2::uuid ELSE $3::uuid END,
           adviser_id = CASE c.pool WHEN 'WW' THEN $2::uuid ELSE $3::uuid END, status = 'PLACED',
           jobready_checklist = '{"ownTransport":true,"childcareArranged":true,"hoursAvailable":true,"certificatesValid":true,"motivated":true}'::jsonb
         WHERE c.id = ANY($1::uuid[])`,
        [candidateIds, advisers[0].id, advisers[1].id],
      );
      for (const placement of plan) {
        const vacancyId = vacancyIds[placement.vacancy];
        const matcher = matchers[placement.matcher];
        const unitId = unitIds[placement.unit]!.id;
        const candidateId = candidateIds[placement.index];
        const hired = await this.proposal(manager, {
          vacancyId,
          candidateId,
          unitId,
          matcherId: matcher.id,
          proposedAt: placement.proposedAt,
          closedAt: placement.registeredAt,
          outcome: 'HIRED',
        });
        // The other proposals on the vacancy: candidates of the history proposed before, not chosen.
        for (let extra = 0; extra < placement.extraProposals; extra++) {
          const samePool = poolIndexes.get(placement.pool)!;
          const other = candidateIds[samePool[(samePool.indexOf(placement.index) + 7 * (extra + 1)) % samePool.length]];
          await this.proposal(manager, {
            vacancyId,
            candidateId: other,
            unitId,
            matcherId: matcher.id,
            proposedAt: new Date(placement.proposedAt.getTime() - (extra + 1) * DAY_MS),
            closedAt: new Date(placement.registeredAt.getTime() - DAY_MS),
            outcome: extra % 3 === 2 ? 'WITHDRAWN' : 'REJECTED',
          });
        }
        const [{ id }]: Array<{ id: string }> = await manager.query(
          `INSERT INTO placements (proposal_id, candidate_id, vacancy_id, unit_id, placed_by, start_date, contract_type,
                                   contract_months, hours_per_week, target_group, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            hired,
            candidateId,
            vacancyId,
            unitId,
            matcher.id,
            placement.startDate,
            placement.contractType,
            placement.contractMonths,
            placement.hours,
            placement.targetGroup,
            placement.registeredAt,
          ],
        );
        for (const instrument of placement.instruments) {
          await manager.query(
            `INSERT INTO placement_instruments (placement_id, instrument, amount) VALUES ($1, $2, $3)`,
            [id, instrument, instrumentAmount(instrument, placement.contractMonths)],
          );
        }
        // Due from the start date, as if registered then; the reconciler dispatches the overdue ones.
        await this.followUps.planFor(id, manager);
        await this.followUps.replanFromRegistration(id, manager);
        placementIds.push(id);
      }
      // Each historic vacancy took exactly its placements, opened a while before its first proposal.
      await manager.query(
        `UPDATE vacancies v SET status = 'FILLED', positions = s.placements, positions_left = 0,
           opened_at = s.first_proposed - interval '6 days', created_at = s.first_proposed - interval '9 days'
         FROM (SELECT p.vacancy_id, min(p.proposed_at) AS first_proposed,
                      count(*) FILTER (WHERE p.state = 'HIRED')::int AS placements
               FROM proposals p WHERE p.vacancy_id = ANY($1::uuid[]) GROUP BY p.vacancy_id) s
         WHERE v.id = s.vacancy_id`,
        [vacancyIds],
      );
    });

    // Early ends through the service: the candidate is available again, on the pick-up list, the adviser told.
    let ended = 0;
    for (const [index, placement] of plan.entries()) {
      if (!placement.endDate) continue;
      // The staffing firm's matcher sees clients of both pools.
      await this.placements.end(matchers[2], placementIds[index], {
        endDate: placement.endDate,
        reason: index % 2 === 0 ? 'Proeftijd niet doorgekomen' : 'Werk paste niet bij de uren thuis',
      });
      ended++;
    }
    const outflows = await this.recordOutflow(placementIds, advisers, now);
    const [{ sroi }]: Array<{ sroi: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS sroi FROM placements pl JOIN vacancies v ON v.id = pl.vacancy_id
       WHERE pl.id = ANY($1::uuid[]) AND v.sroi`,
      [placementIds],
    );
    const [{ proposals }]: Array<{ proposals: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS proposals FROM proposals WHERE vacancy_id = ANY($1::uuid[])`,
      [vacancyIds],
    );
    return {
      placements: placementIds.length,
      proposals,
      vacancies: vacancyIds.length,
      sroiPlacements: sroi,
      ended,
      outflows,
    };
  }

  /** Who, when, where and on what terms, drawn from the seeded generator so every run plans the same. */
  private plan(next: () => number, now: Date): PlannedPlacement[] {
    const today = dutchDate(now);
    const plan: PlannedPlacement[] = [];
    for (let index = 0; index < HISTORY_PLACEMENTS; index++) {
      const unit: 0 | 1 = next() < UNIT_SHARE ? 0 : 1;
      let draw = next();
      const targetGroup = GROUP_MIX.find(([, share]) => (draw -= share) < 0)?.[0] ?? 'WW';
      const pool: Pool = targetGroup.startsWith('SDD') ? 'BIJSTAND' : 'WW';
      // Spread over the past year, a little busier in spring and autumn; from 365 to 8 days ago.
      const daysAgo = 8 + (Math.floor(357 * (index / HISTORY_PLACEMENTS) + next() * 12) % 357);
      const start = new Date(now.getTime() - daysAgo * DAY_MS);
      const startDate = dutchDate(start);
      const registeredAt = new Date(start.getTime() - (3 + Math.floor(next() * 10)) * DAY_MS);
      const proposedAt = new Date(registeredAt.getTime() - (5 + Math.floor(next() * 20)) * DAY_MS);
      const vacancy = unit * VACANCIES_PER_UNIT + (index % VACANCIES_PER_UNIT);
      const contractType = HISTORIC_VACANCIES[vacancy % HISTORIC_VACANCIES.length].contract;
      const contractMonths = contractType === 'FIXED_TERM' ? (next() < 0.5 ? 6 : 12) : null;
      const hours = pool === 'BIJSTAND' && next() < 0.4 ? 20 : 32 + Math.floor(next() * 3) * 4;
      const instruments: Instrument[] = [];
      if (contractType === 'AGENCY' && (pool === 'BIJSTAND' || targetGroup === 'MAX WW'))
        instruments.push('UITZENDEURO');
      if (contractType !== 'AGENCY' && (pool === 'BIJSTAND' || targetGroup === 'MAX WW') && next() < 0.5) {
        instruments.push('BAANBONUS');
      }
      if (targetGroup === 'SDD 50-80') instruments.push('LOONKOSTENSUBSIDIE');
      // Ended within three months, only where that end lies in the past.
      const endAfter = 20 + Math.floor(next() * 65);
      const endDate = next() < EARLY_END_SHARE && daysAgo > endAfter + 2 ? addDays(startDate, endAfter) : null;
      // Matchers of the pool's organisation or the staffing firm (who see the client): the staffing firm's
      // proposes about 1.8 per placement, UWV's 2.4, the municipality's 3.1.
      const matcher = index % 2 === 0 ? 2 : pool === 'WW' ? 0 : 1;
      const ratio = [0.8, 1.4, 2.1][matcher];
      const extraProposals = Math.floor(ratio) + (next() < ratio % 1 ? 1 : 0);
      plan.push({
        index,
        unit,
        targetGroup,
        pool,
        startDate: startDate > today ? today : startDate,
        registeredAt,
        proposedAt,
        vacancy,
        matcher,
        contractType,
        contractMonths,
        hours,
        instruments: [...instruments].sort(),
        endDate,
        extraProposals,
      });
    }
    return plan;
  }

  private candidate(placement: PlannedPlacement, next: () => number): CandidateWrite {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const number = String(placement.index + 1).padStart(4, '0');
    const pc4 = pick(PC4S);
    const first = pick(['Anja', 'Hamza', 'Iris', 'Joost', 'Karima', 'Luuk', 'Meryem', 'Niels', 'Olga', 'Priya']);
    const surname = pick(['Bos', 'Claassen', 'Demir', 'van Leeuwen', 'Maas', 'Ouali', 'Peters', 'Wiśniewski']);
    return {
      pool: placement.pool,
      sourceReference: `${placement.pool === 'WW' ? 'UWV' : 'SDD'}-HIST-${number}`,
      ...this.candidates.encryptBsn(demoBsn(next)),
      name: `${first} ${surname}`,
      phone: `06 ${String(20000000 + Math.floor(next() * 79999999))}`,
      email: `${first.toLowerCase()}.h${number}@example.org`,
      postcode: `${pc4} ${pick(['AA', 'AB', 'BC', 'KL'])}`,
      pc4,
      dateOfBirth: `${1966 + Math.floor(next() * 38)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      // Max-WW: the WW ended within three months of the start; WW: months later.
      wwEndDate:
        placement.pool === 'WW'
          ? addMonths(
              placement.startDate,
              placement.targetGroup === 'MAX WW' ? 1 + Math.floor(next() * 2) : 6 + Math.floor(next() * 6),
            )
          : null,
      classification:
        placement.targetGroup === 'SDD 80-100' ? '80-100' : placement.targetGroup === 'SDD 50-80' ? '50-80' : null,
      doelgroepregister: placement.targetGroup === 'SDD 50-80',
      wajong: placement.targetGroup === 'WAJONG',
      workExperience: [],
      skillUris: [],
      educationLevel: null,
      certificates: [],
      drivingLicences: [],
      dutchLevel: null,
      hoursMin: Math.min(placement.hours, 24),
      hoursMax: Math.max(placement.hours, 32),
      transport: ['BIKE'],
      maxTravelKm: 15,
      availableFrom: placement.startDate,
      wishedOccupationUris: [],
      acceptsBroodbaan: true,
    };
  }

  /** Two years of the twelve titles, per unit: created as the salesmanager would, filled later in SQL. */
  private async createVacancies(employerIds: Map<string, string>, unitIds: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [unit, unitId] of unitIds.entries()) {
      for (let index = 0; index < VACANCIES_PER_UNIT; index++) {
        // Industry's employers for unit 0, care and cleaning's for unit 1.
        const template = HISTORIC_VACANCIES[unit === 0 ? index % 6 : 6 + (index % 6)];
        const sroi = (unit * VACANCIES_PER_UNIT + index) % 9 === 3;
        const employerId = employerIds.get(template.employer)!;
        const title = `${template.title} (${SEASONS[index % 4]} ${1 + Math.floor(index / 4)})`;
        // A run stopped half-way left its vacancies: take them up again rather than adding more.
        const existing = await this.vacancies.findByEmployerAndTitle(employerId, title);
        if (existing?.unitId === unitId) {
          ids.push(existing.id);
          continue;
        }
        const created = await this.vacancies.create(null, {
          employerId,
          unitId,
          title,
          hoursMin: template.hours[0],
          hoursMax: template.hours[1],
          workplacePostcode: '3311 AB',
          startDate: dutchDate(this.clock.now()),
          positions: 1,
          contractType: template.contract,
          contractMonths: template.contract === 'FIXED_TERM' ? 12 : undefined,
          instruments: ['PROEFPLAATSING', 'BAANBONUS', 'UITZENDEURO', 'LOONKOSTENSUBSIDIE'],
          openToReducedWageValue: true,
          sroi,
          sroiTenderReference: sroi ? `DRECHT-SROI-2026-${String(unit * 100 + index).padStart(3, '0')}` : undefined,
        });
        await this.vacancies.changeStatus(null, created.id, 'OPEN', created.version);
        ids.push(created.id);
      }
    }
    return ids;
  }

  /** One proposal with its history of transitions, ending HIRED, REJECTED or WITHDRAWN. */
  private async proposal(
    manager: { query: DataSource['query'] },
    input: {
      vacancyId: string;
      candidateId: string;
      unitId: string;
      matcherId: string;
      proposedAt: Date;
      closedAt: Date;
      outcome: 'HIRED' | 'REJECTED' | 'WITHDRAWN';
    },
  ): Promise<string> {
    const shortlistedAt = new Date(input.proposedAt.getTime() - DAY_MS);
    const interviewAt =
      input.outcome === 'WITHDRAWN' ? null : new Date((input.proposedAt.getTime() + input.closedAt.getTime()) / 2);
    const reason = input.outcome === 'REJECTED' ? 'EMPLOYER_OTHER_CANDIDATE' : null;
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO proposals (vacancy_id, candidate_id, unit_id, shortlisted_by, proposed_by, state, score, components,
                              weights_version, proposed_at, interview_at, closed_at, reason_code, reason_text, created_at,
                              updated_at)
       VALUES ($1, $2, $3, $4, $4, $5, $6, '[]'::jsonb, 'demo-history', $7, $8, $9, $10, $11, $12, $9)
       RETURNING id`,
      [
        input.vacancyId,
        input.candidateId,
        input.unitId,
        input.matcherId,
        input.outcome,
        60 + (input.candidateId.charCodeAt(0) % 30),
        input.proposedAt,
        interviewAt,
        input.closedAt,
        reason,
        reason ? 'Werkgever koos een andere kandidaat' : null,
        shortlistedAt,
      ],
    );
    const steps: Array<[string | null, string, Date]> = [
      [null, 'SHORTLISTED', shortlistedAt],
      ['SHORTLISTED', 'PROPOSED', input.proposedAt],
      ...(interviewAt ? ([['PROPOSED', 'INTERVIEW', interviewAt]] as Array<[string, string, Date]>) : []),
      [interviewAt ? 'INTERVIEW' : 'PROPOSED', input.outcome, input.closedAt],
    ];
    for (const [from, to, at] of steps) {
      await manager.query(
        `INSERT INTO proposal_transitions (proposal_id, from_state, to_state, actor_id, at, reason_code, text)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          from,
          to,
          input.matcherId,
          at,
          to === 'REJECTED' ? reason : null,
          to === 'REJECTED' ? 'Werkgever koos een andere kandidaat' : null,
        ],
      );
    }
    return id;
  }

  /**
   * What the pool's adviser recorded a few weeks after the start: a full-time job mostly stops the
   * benefit, a part-time one mostly reduces it; the placements of the last month are not recorded yet.
   */
  private async recordOutflow(placementIds: string[], advisers: AuthenticatedUser[], now: Date): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO placement_outflows (placement_id, version, outflow, benefit_changed_on, recorded_by, recorded_at)
       SELECT pl.id, 1, o.outflow,
              CASE WHEN o.outflow = 'NONE' THEN NULL
                   ELSE (date_trunc('month', pl.start_date) + interval '1 month')::date END,
              CASE c.pool WHEN 'WW' THEN $2::uuid ELSE $3::uuid END,
              least($4::timestamptz, pl.start_date + interval '40 days')
       FROM placements pl JOIN candidates c ON c.id = pl.candidate_id
       CROSS JOIN LATERAL (SELECT CASE
                  WHEN abs(hashtext(pl.id::text)) % 10 = 0 THEN 'NONE'
                  WHEN pl.hours_per_week >= 32 AND abs(hashtext(pl.id::text)) % 10 < 8 THEN 'FULL'
                  ELSE 'PARTIAL' END AS outflow) o
       WHERE pl.id = ANY($1::uuid[]) AND pl.start_date < ($4::timestamptz - interval '30 days')::date
         AND abs(hashtext(pl.id::text || 'r')) % 100 < 85
       RETURNING placement_id`,
      [placementIds, advisers[0].id, advisers[1].id, now],
    );
    return rows.length;
  }

  /** The demo users of a role: UWV's, the municipality's, the staffing firm's. */
  private async actors(role: Role): Promise<AuthenticatedUser[]> {
    const actors: AuthenticatedUser[] = [];
    for (const organisation of [Organisation.UWV, Organisation.MUNICIPALITY, Organisation.STAFFING_FIRM]) {
      const user = await this.users.findByEmail(demoEmail(role, organisation));
      if (user) actors.push(toAuthenticatedUser(user));
    }
    return actors;
  }
}

/** As instruments.ts sets them at registration: Baanbonus by contract length, Uitzendeuro from 0 hours. */
function instrumentAmount(instrument: Instrument, contractMonths: number | null): number | null {
  if (instrument === 'BAANBONUS') return (contractMonths ?? 12) >= 12 ? 4000 : 2000;
  return instrument === 'UITZENDEURO' ? 0 : null;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
