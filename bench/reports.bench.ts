/**
 * The dashboard's figures at national scale (issue 16): 250,000 placements over five years and
 * 1,000,000 follow-ups (the durability report's scale), 40 units, generated in SQL on a scratch
 * database with every migration applied. Each figure is the query the dashboard runs (the services'
 * own SQL, called directly), timed 7 times after one warm-up: p50 and p95. Two scopes: one unit over one
 * year (goal ≤ 200 ms) and all units over five years (goal ≤ 1 s); both without and with the indexes of
 * the reports migration (dropped, timed, created again, timed: side by side in one run).
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a database
 * reports_bench is created there and dropped after), BENCH_PLACEMENTS (default 250000), BENCH_KEEP=1 (keep the
 * database afterwards and use it again next time instead of generating: for looking at plans).
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import type { ConfigService } from '@nestjs/config';
import { MIGRATIONS } from '@migrations/index';
import { ManualClock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { DurabilityReportService } from '@aftersales/durability/durability-report.service';
import { ProposalQualityService } from '@matching/proposals/proposal-quality.service';
import { ReportPlacementsRepository } from '@reports/figures/report-placements.repository';
import { periodsOverlapping } from '@reports/targets/target-period';
import { TargetsService } from '@reports/targets/targets.service';
import { adminQuery, withDatabase } from '../test/support/postgres-admin';
import { BenchResult, percentile } from './run';

const DATABASE = 'reports_bench';
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 250_000);
const UNITS = 40;
const RUNS = 7;
const NOW = '2026-11-22T11:00:00Z';
const INDEXES = {
  placements_unit_start: `CREATE INDEX placements_unit_start ON placements (unit_id, start_date) INCLUDE (target_group, vacancy_id)`,
  proposals_unit_proposed_at: `CREATE INDEX proposals_unit_proposed_at ON proposals (unit_id, proposed_at) WHERE proposed_at IS NOT NULL`,
  placement_outflows_changed_on: `CREATE INDEX placement_outflows_changed_on ON placement_outflows (benefit_changed_on) INCLUDE (placement_id, outflow) WHERE current AND outflow <> 'NONE'`,
};

export async function run(): Promise<BenchResult> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const keep = process.env.BENCH_KEEP === '1';
  const reuse = keep && (await databaseExists(adminUrl));
  if (!reuse) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${DATABASE}`);
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(adminUrl, DATABASE),
    migrations: MIGRATIONS,
    extra: { max: 10 },
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    if (!reuse) await generate(dataSource);
    const generatedIn = (Date.now() - started) / 1000;
    const rows: Array<Array<string | number>> = [];
    for (const indexes of ['without', 'with'] as const) {
      for (const name of Object.keys(INDEXES)) await dataSource.query(`DROP INDEX IF EXISTS ${name}`);
      if (indexes === 'with') for (const sql of Object.values(INDEXES)) await dataSource.query(sql);
      // As autovacuum leaves a table in use: statistics and the visibility map (index-only scans).
      await dataSource.query('VACUUM ANALYZE');
      rows.push(...(await measure(dataSource, indexes)));
    }
    const [counts]: Array<{ placements: number; follow_ups: number; proposals: number; outflows: number }> =
      await dataSource.query(
        `SELECT (SELECT count(*) FROM placements)::int AS placements, (SELECT count(*) FROM follow_ups)::int AS follow_ups,
              (SELECT count(*) FROM proposals)::int AS proposals, (SELECT count(*) FROM placement_outflows)::int AS outflows`,
      );
    return {
      title: 'Dashboard figures at national scale',
      notes: [
        `${counts.placements.toLocaleString('en')} placements over five years (2021-11-23 … 2026-11-22) in ${UNITS} units, ` +
          `${counts.follow_ups.toLocaleString('en')} follow-ups (2 parties × 2 milestones, ~60% answered), ` +
          `${counts.proposals.toLocaleString('en')} proposals, ${counts.outflows.toLocaleString('en')} outflow records; ` +
          `${reuse ? 'reused from an earlier run (BENCH_KEEP=1)' : `generated in SQL in ${generatedIn.toFixed(0)} s`}, then VACUUM ANALYZE.`,
        `Each figure: the query the dashboard service runs, ${RUNS} runs after one warm-up; "dashboard" is all five at once ` +
          'as DashboardService runs them (Promise.all on a pool of 10).',
        'Unit-year: one unit, 2026-01-01 … 2026-11-22 (about 1,300 placements); all units, five years: 2021-11-23 … 2026-11-22.',
        'Goals: ≤ 200 ms p95 for a unit-year, ≤ 1 s for all units over five years. "Without" drops the reports migration’s ' +
          'indexes (placements_unit_start, proposals_unit_proposed_at, placement_outflows_changed_on); the older ' +
          'placements_start_date and follow_ups_answered stay.',
        `Node ${process.version}, PostgreSQL on the same 2-core machine shared with other work (timings are noisy; load average ` +
          `${loadavg()[0].toFixed(1)} when done), ${new Date().toISOString().slice(0, 10)}.`,
      ],
      columns: ['figure', 'scope', 'indexes', 'p50 ms', 'p95 ms'],
      rows,
    };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!keep) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
}

async function measure(dataSource: DataSource, indexes: string): Promise<Array<Array<string | number>>> {
  const clock = new ManualClock(NOW);
  const config = {
    get: (key: string) => (key === 'followUps' ? { offsets: ['P3M', 'P6M'] } : { maxWwMonths: 3 }),
  } as unknown as ConfigService<AppConfig, true>;
  const placements = new ReportPlacementsRepository(dataSource);
  const durability = new DurabilityReportService(dataSource, clock, config);
  const quality = new ProposalQualityService(dataSource, clock, config);
  const targets = new TargetsService(dataSource, placements, null as never, null as never, clock);
  const units: Array<{ id: string }> = await dataSource.query(`SELECT id FROM units ORDER BY name`);
  const unitIds = units.map((row) => row.id);
  const unitId = unitIds[0];
  const scopes = [
    { scope: 'one unit, one year', period: { from: '2026-01-01', to: '2026-11-22' }, unit: unitId },
    { scope: 'all units, five years', period: { from: '2021-11-23', to: '2026-11-22' }, unit: undefined },
  ];
  const rows: Array<Array<string | number>> = [];
  for (const { scope, period, unit } of scopes) {
    const figures: Array<[string, () => Promise<unknown>]> = [
      [
        'placements by month, unit, target group (+ SROI, outflow recorded)',
        () => placements.countsByMonth(period, unit),
      ],
      [
        'placements against target (years and quarters)',
        () =>
          targets.progressFor(unit ? [unit] : unitIds, periodsOverlapping(period.from, period.to), '2026-11-22', unit),
      ],
      ['durability per start-month cohort', () => durability.report({ ...period, unit })],
      ['proposals per placement per unit, matcher, target group', () => quality.summary(period, unit)],
      ['outflow per unit and target group', () => placements.outflowCounts(period, unit)],
    ];
    const parts = figures.map(([, figure]) => figure);
    figures.push(['dashboard (all five at once)', () => Promise.all(parts.map((figure) => figure()))]);
    for (const [figure, call] of figures) {
      await call();
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = process.hrtime.bigint();
        await call();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      rows.push([figure, scope, indexes, percentile(times, 50).toFixed(0), percentile(times, 95).toFixed(0)]);
      process.stdout.write(`${rows.at(-1)!.join(' | ')}\n`);
    }
  }
  return rows;
}

async function databaseExists(adminUrl: string): Promise<boolean> {
  const probe = new DataSource({ type: 'postgres', url: adminUrl });
  await probe.initialize();
  try {
    const rows: unknown[] = await probe.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE]);
    return rows.length > 0;
  } finally {
    await probe.destroy();
  }
}

/** The national five years, in SQL: deterministic (hash-based) spreads, every constraint kept. */
async function generate(db: DataSource): Promise<void> {
  const n = PLACEMENTS;
  await db.query(
    `INSERT INTO units (name) SELECT 'Unit ' || lpad(i::text, 2, '0') FROM generate_series(1, ${UNITS}) i`,
  );
  await db.query(`
    INSERT INTO users (email, name, organisation, unit_id, roles, password_hash)
    SELECT 'matcher' || i || '@bench.example.org', 'Matcher ' || i, (ARRAY['UWV','MUNICIPALITY','STAFFING_FIRM'])[1 + i % 3],
           (SELECT id FROM units ORDER BY name OFFSET i % ${UNITS} LIMIT 1), ARRAY['MATCHER'], 'x'
    FROM generate_series(1, 400) i`);
  await db.query(`
    CREATE TEMP TABLE bench_units AS SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM units;
    CREATE TEMP TABLE bench_users AS SELECT id, row_number() OVER (ORDER BY email) - 1 AS k, unit_id FROM users`);
  await db.query(`
    INSERT INTO employers (name, kvk_number, sector, street, house_number, postcode, pc4, municipality_code, municipality,
                           region_code, region, city, account_manager_id, unit_id)
    SELECT 'Werkgever ' || i, lpad(i::text, 8, '0'), 'Logistiek', 'Weg', '1', '3311 AB', '3311', 'GM0505', 'Dordrecht',
           'AM23', 'Drechtsteden', 'Dordrecht', (SELECT id FROM bench_users WHERE k = 0), u.id
    FROM generate_series(1, 4000) i JOIN bench_units u ON u.k = i % ${UNITS}`);
  await db.query(
    `CREATE TEMP TABLE bench_employers AS SELECT id, unit_id, row_number() OVER (ORDER BY kvk_number) - 1 AS k FROM employers`,
  );
  await db.query(`
    INSERT INTO vacancies (employer_id, unit_id, title, hours_min, hours_max, postcode, pc4, municipality_code, municipality,
                           region_code, region, start_date, positions, positions_left, contract_type, status, opened_at,
                           sroi, sroi_tender_reference)
    SELECT e.id, e.unit_id, 'Vacature ' || i, 24, 40, '3311 AB', '3311', 'GM0505', 'Dordrecht', 'AM23', 'Drechtsteden',
           '2022-01-01', 10, 0, 'AGENCY', 'FILLED', '2021-11-01', i % 8 = 0, CASE WHEN i % 8 = 0 THEN 'T-' || i END
    FROM generate_series(0, 49999) i JOIN bench_employers e ON e.k = i % 4000`);
  await db.query(
    `CREATE TEMP TABLE bench_vacancies AS SELECT id, unit_id, row_number() OVER (ORDER BY title) - 1 AS k FROM vacancies`,
  );
  await db.query(`CREATE INDEX ON bench_vacancies (k)`);
  // One candidate per placement; candidate i in pool WW for two in three.
  await db.query(`INSERT INTO persons (bsn_hash) SELECT NULL FROM generate_series(1, ${n})`);
  await db.query(`
    INSERT INTO candidates (pool, source_reference, person_id, bsn_ciphertext, name, hours_min, hours_max, available_from,
                            ww_end_date, classification, wajong, status, jobready)
    SELECT CASE WHEN i % 3 = 2 THEN 'BIJSTAND' ELSE 'WW' END, 'B-' || i, p.id, 'x', 'Kandidaat ' || i, 24, 40, '2021-01-01',
           CASE WHEN i % 3 <> 2 THEN date '2021-11-23' + (i * 7 % 1900) END,
           CASE WHEN i % 3 = 2 THEN (ARRAY['80-100','50-80'])[1 + i % 2] END, i % 3 <> 2 AND i % 17 = 0, 'PLACED', 'YES'
    FROM (SELECT id, (row_number() OVER ())::int AS i FROM persons) p`);
  await db.query(
    `CREATE TEMP TABLE bench_candidates AS SELECT id, pool, row_number() OVER (ORDER BY source_reference) - 1 AS k FROM candidates`,
  );
  await db.query(`CREATE INDEX ON bench_candidates (k)`);
  // Placements: start spread over five years; each with a hired proposal and 1.5 others on average.
  await db.query(`
    CREATE TEMP TABLE bench_placements AS
    SELECT i, date '2021-11-23' + (i * 1826 / ${n}) + (hashtext(i::text) & 7) % 3 AS start_date,
           v.id AS vacancy_id, v.unit_id, c.id AS candidate_id, c.pool,
           -- A matcher of the vacancy's unit (ten per unit), as in a partnership where matchers work in one unit.
           (SELECT u.id FROM users u WHERE u.unit_id = v.unit_id ORDER BY u.id OFFSET i % 10 LIMIT 1) AS matcher_id
    FROM generate_series(0, ${n - 1}) i
    JOIN bench_vacancies v ON v.k = (i * 7919) % 50000
    JOIN bench_candidates c ON c.k = i`);
  await db.query(`UPDATE bench_placements SET start_date = least(start_date, date '2026-11-22')`);
  await db.query(`
    INSERT INTO proposals (vacancy_id, candidate_id, unit_id, shortlisted_by, proposed_by, state, score, components,
                           weights_version, proposed_at, interview_at, closed_at, reason_code, reason_text)
    SELECT b.vacancy_id, CASE WHEN x = 0 THEN b.candidate_id ELSE (SELECT id FROM bench_candidates WHERE k = (b.i + x * 104729) % ${n}) END,
           b.unit_id, b.matcher_id, b.matcher_id, CASE WHEN x = 0 THEN 'HIRED' ELSE 'REJECTED' END, 70, '[]', 'bench',
           b.start_date - 20 - x, CASE WHEN x = 0 THEN b.start_date - 10 END, b.start_date - 7,
           CASE WHEN x > 0 THEN 'OTHER' END, CASE WHEN x > 0 THEN 'bench' END
    FROM bench_placements b CROSS JOIN generate_series(0, 2) x
    WHERE x = 0 OR x <= 1 + (b.i % 2)`);
  await db.query(`
    INSERT INTO placements (proposal_id, candidate_id, vacancy_id, unit_id, placed_by, start_date, contract_type,
                            hours_per_week, target_group, end_date, end_reason, created_at)
    SELECT p.id, b.candidate_id, b.vacancy_id, b.unit_id, b.matcher_id, b.start_date, 'AGENCY', 32,
           CASE WHEN b.pool = 'BIJSTAND' THEN (ARRAY['SDD 80-100','SDD 50-80'])[1 + b.i % 2]
                WHEN b.i % 17 = 0 THEN 'WAJONG' WHEN b.i % 4 = 0 THEN 'MAX WW' ELSE 'WW' END,
           CASE WHEN b.i % 6 = 0 AND b.start_date + 60 <= date '2026-11-22' THEN b.start_date + 60 END,
           CASE WHEN b.i % 6 = 0 AND b.start_date + 60 <= date '2026-11-22' THEN 'bench' END,
           b.start_date - 7
    FROM bench_placements b JOIN proposals p ON p.candidate_id = b.candidate_id AND p.state = 'HIRED'`);
  // Follow-ups: 4 per placement; the past ones mostly answered, a few missed, the rest planned.
  await db.query(`
    INSERT INTO follow_ups (placement_id, unit_id, party, milestone, offset_iso, status, due_at, dispatched_at, result,
                            contacted_at, outcome_by)
    SELECT pl.id, pl.unit_id, party, m, CASE m WHEN 1 THEN 'P3M' ELSE 'P6M' END, s.status, s.due_at,
           CASE WHEN s.status <> 'PLANNED' THEN s.due_at END,
           CASE s.status WHEN 'DONE' THEN CASE WHEN hashtext(pl.id::text || party) % 10 = 0 THEN 'AT_RISK' ELSE 'STILL_WORKING' END
                         WHEN 'MISSED' THEN 'UNREACHABLE' END,
           CASE WHEN s.status IN ('DONE', 'MISSED') THEN s.due_at + interval '2 days' END,
           CASE WHEN s.status IN ('DONE', 'MISSED') THEN pl.placed_by END
    FROM placements pl CROSS JOIN unnest(ARRAY['CLIENT', 'EMPLOYER']) party CROSS JOIN generate_series(1, 2) m
    CROSS JOIN LATERAL (SELECT (pl.start_date + make_interval(months => 3 * m))::timestamptz AS due_at) d
    CROSS JOIN LATERAL (SELECT d.due_at,
      CASE WHEN pl.end_date IS NOT NULL AND pl.end_date < d.due_at THEN 'CANCELLED'
           WHEN d.due_at > timestamptz '${NOW}' THEN 'PLANNED'
           WHEN abs(hashtext(pl.id::text || party || m)) % 20 = 0 THEN 'MISSED'
           WHEN abs(hashtext(pl.id::text || party || m)) % 20 < 8 THEN 'DUE'
           ELSE 'DONE' END AS status) s`);
  await db.query(`
    INSERT INTO placement_outflows (placement_id, version, outflow, benefit_changed_on, recorded_by, recorded_at)
    SELECT pl.id, 1, o.outflow, CASE WHEN o.outflow <> 'NONE' THEN pl.start_date + 20 END, pl.placed_by, pl.start_date + 30
    FROM placements pl CROSS JOIN LATERAL (SELECT (ARRAY['FULL','FULL','FULL','PARTIAL','NONE'])[1 + abs(hashtext(pl.id::text)) % 5] AS outflow) o
    WHERE abs(hashtext(pl.id::text || 'o')) % 10 < 7 AND pl.start_date + 20 <= date '2026-11-22'`);
  await db.query(`
    INSERT INTO unit_targets (unit_id, period, period_start, period_end, version, placements, set_by, set_at)
    SELECT u.id, y || '-Q' || q, make_date(y, 3 * q - 2, 1), (make_date(y, 3 * q - 2, 1) + interval '3 months' - interval '1 day')::date,
           1, 300, (SELECT id FROM bench_users WHERE k = 0), now()
    FROM units u CROSS JOIN generate_series(2021, 2026) y CROSS JOIN generate_series(1, 4) q`);
}
