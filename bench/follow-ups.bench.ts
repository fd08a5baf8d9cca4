/**
 * Follow-up scheduling throughput (issue 9): placements per second with their follow-ups, on the real
 * application context (WORKERS_ENABLED=false, so the delayed jobs stay delayed). The world (users, an
 * employer, vacancies, one candidate and one proposal moved to INTERVIEW) is made through the services;
 * the other proposals at INTERVIEW are copies of that one in SQL, each with its own candidate and
 * person. Only the registrations are timed.
 *
 * Rows: placements one after another; 8 at once; the follow-up part alone (planFor in its own
 * transaction + schedule); restoreJobs() bringing back every delayed job after the queue's Redis keys
 * were deleted; restoreJobs() once more with every job present (what each periodic run cost while the
 * reconciler re-added every planned row); and reconcile() as it runs now (jobs due within two periods).
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a database
 * follow_ups_bench is created there and dropped after), BENCH_REDIS_URL (default
 * redis://127.0.0.1:6379; keys under the prefix follow-ups-bench, deleted after), BENCH_PLACEMENTS
 * (default 2000 per placement row), GEO_DIR (default ../shared/data/geo).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@identity/auth/authenticated-user';
import type { Organisation, Role } from '@identity/organisation';
import { adminQuery, withDatabase } from '../test/support/postgres-admin';
import { BenchResult, percentile } from './run';

const DATABASE = 'follow_ups_bench';
const QUEUE_PREFIX = 'follow-ups-bench';
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 2000);
const CONCURRENCY = 8;
/** Consecutive proposals go to different vacancies, so placements at once rarely wait on one vacancy's row. */
const POSITIONS_PER_VACANCY = 100;
const GEO_DIR = resolve(process.env.GEO_DIR ?? '../shared/data/geo');
const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';

interface Row {
  label: string;
  count: number;
  unit: 'placements' | 'follow-ups';
  seconds: number;
  /** Milliseconds per placement, sorted; empty where a per-item time means nothing. */
  latencies: number[];
  redisBytesPerJob?: number;
}

export async function run(): Promise<BenchResult> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  // Ctrl-C reaches the measuring process too; it cleans up and ends, and so does this one below.
  const interrupted = (): void => undefined;
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    return await measureInChild();
  } finally {
    // Whatever became of the measuring process, nothing is left behind.
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    await attempt('delete the Redis keys', () => deleteKeys(redis, `${QUEUE_PREFIX}:*`));
    redis.disconnect();
    await attempt('drop the database', () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

/**
 * Nest injects by the constructor parameter types that the compiler records as decorator metadata;
 * tsx (esbuild), which runs the benches, records none, and its require hook also breaks the ESM-only
 * packages that use import.meta.resolve (@nestjs/terminus). So the application runs in a plain Node
 * process that compiles TypeScript with swc and the options jest uses (swc.config.js), resolves the
 * path aliases with tsconfig-paths, and sends its result back.
 */
const CHILD = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const options = require(${JSON.stringify(resolve(__dirname, '..', 'swc.config.js'))});
Module._extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
};
require('tsconfig-paths/register');
require(${JSON.stringify(__filename)}).measure().then(
  (result) => process.send(result, () => process.exit(0)),
  (error) => {
    process.stderr.write(String((error && error.stack) || error) + '\\n');
    process.exit(1);
  },
);`;

function measureInChild(): Promise<BenchResult> {
  const child = spawn(process.execPath, ['-e', CHILD], {
    cwd: resolve(__dirname, '..'),
    env: { ...process.env, GEO_DIR },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((done, fail) => {
    let result: BenchResult | undefined;
    child.on('message', (message) => {
      result = message as BenchResult;
    });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      result ? done(result) : fail(new Error(`The measuring process ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}

/** The measurement itself, in the process measureInChild starts. */
export async function measure(): Promise<BenchResult> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const databaseUrl = withDatabase(adminUrl, DATABASE);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  let app: INestApplicationContext | undefined;
  let cleanedUp = false;
  const cleanUp = async (): Promise<void> => {
    if (cleanedUp) return;
    cleanedUp = true;
    await attempt('close the application', () => app?.close());
    await attempt('delete the Redis keys', () => deleteKeys(redis, `${QUEUE_PREFIX}:*`));
    redis.disconnect();
    await attempt('drop the database', () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
  };
  // Ctrl-C during the run still leaves nothing behind.
  const interrupted = (): void => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    // A run killed earlier may have left its database and keys: start clean.
    await deleteKeys(redis, `${QUEUE_PREFIX}:*`);
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${DATABASE}`);
    const m = loadApplication();
    await runMigrations(m, databaseUrl);

    const environment = m.parseEnvironment({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: databaseUrl,
      DATABASE_RUN_MIGRATIONS: 'false',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX,
      WORKERS_ENABLED: 'false',
      GEO_DATA_DIR: '',
      // Given here, so nothing is generated into DATA_DIR.
      JWT_SECRET: randomBytes(32).toString('base64url'),
      BSN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BSN_HASH_KEY: randomBytes(32).toString('base64'),
    });
    const config = m.toAppConfig(environment);
    // A call to the client and one to the employer per offset.
    const perPlacement = 2 * config.followUps.offsets.length;
    app = await NestFactory.createApplicationContext(
      m.AppModule.register(config, { databaseUrl, redisUrl, embeddedDatabase: false, embeddedRedis: false }),
      // A failed start throws (and the cleanup runs) instead of ending the process.
      { logger: ['error', 'warn'], abortOnError: false },
    );
    const dataSource = app.get(DataSource);
    const followUps = app.get(m.FollowUpsService);
    const placements = app.get(m.PlacementsService);
    const queue = app.get<Queue>(getQueueToken(m.QueueName.FollowUps));

    const world = await buildWorld(m, app, 2 * PLACEMENTS);
    const [sequentialProposals, concurrentProposals] = [
      world.proposalIds.slice(0, PLACEMENTS),
      world.proposalIds.slice(PLACEMENTS),
    ];
    const startDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const input = (proposalId: string) =>
      plainToInstance(m.CreatePlacementDto, {
        proposalId,
        startDate,
        contractType: 'PERMANENT',
        hoursPerWeek: 32,
        instruments: [],
      });
    const rows: Row[] = [];

    // (1) One after another, with the time inside place() split by stage.
    const stages = new StageTimer();
    const proposalsService = app.get(m.ProposalsService);
    const candidatesService = app.get(m.CandidatesService);
    const vacanciesService = app.get(m.VacanciesService);
    stages.wrap(proposalsService, 'lockForHire', 'lock the proposal');
    stages.wrap(candidatesService, 'placementFacts', 'candidate facts');
    stages.wrap(vacanciesService, 'placementFacts', 'vacancy facts');
    stages.wrap(vacanciesService, 'takePosition', 'take a position');
    stages.wrap(proposalsService, 'hire', 'hire (+ history, other proposals)');
    stages.wrap(candidatesService, 'setStatus', 'candidate PLACED');
    stages.wrap(app.get(m.AuditService), 'record', 'audit');
    stages.wrap(followUps, 'planFor', `planFor (${perPlacement} follow-up rows)`);
    stages.wrap(followUps, 'scheduleQuietly', `after commit: schedule (addBulk of ${perPlacement} delayed jobs)`);
    stages.wrap(app.get(m.DomainEvents), 'emit', 'after commit: candidate.changed (index refresh) + vacancy.changed');
    const placementIds: string[] = [];
    const sequential = await timeEach(sequentialProposals, 1, async (proposalId) => {
      placementIds.push((await placements.place(world.matcher, input(proposalId))).body.id);
    });
    stages.stop();
    rows.push({ label: 'place(), one after another', count: PLACEMENTS, unit: 'placements', ...sequential });

    // (2) CONCURRENCY at once, each on the pool like a request would be.
    const concurrent = await timeEach(concurrentProposals, CONCURRENCY, async (proposalId) => {
      await placements.place(world.matcher, input(proposalId));
    });
    rows.push({ label: `place(), ${CONCURRENCY} at once`, count: PLACEMENTS, unit: 'placements', ...concurrent });
    const afterPlacing = await counts(dataSource, queue);
    const expectedFollowUps = 2 * PLACEMENTS * perPlacement;
    if (afterPlacing.placements !== 2 * PLACEMENTS || afterPlacing.planned !== expectedFollowUps) {
      throw new Error(
        `Expected ${2 * PLACEMENTS} placements and ${expectedFollowUps} follow-ups: ${JSON.stringify(afterPlacing)}`,
      );
    }
    if (afterPlacing.delayed !== expectedFollowUps) {
      throw new Error(`Expected ${expectedFollowUps} delayed jobs, Redis holds ${afterPlacing.delayed}`);
    }

    // (3) The follow-up part alone, on the placements of row 1 (their follow-ups removed first, untimed;
    // their old jobs stay in Redis until row 4 deletes the queue's keys).
    await dataSource.query(`DELETE FROM follow_ups WHERE placement_id = ANY($1::uuid[])`, [placementIds]);
    const followUpPart = await timeEach(placementIds, 1, async (placementId) => {
      const planned = await dataSource.transaction((manager) => followUps.planFor(placementId, manager));
      await followUps.schedule(planned);
    });
    rows.push({
      label: 'follow-ups alone: planFor in a transaction + schedule',
      count: PLACEMENTS,
      unit: 'placements',
      ...followUpPart,
    });

    // (4) Redis lost the queue: every delayed job comes back from the table.
    const lost = await deleteKeys(redis, `${QUEUE_PREFIX}:${m.QueueName.FollowUps}:*`);
    const memoryBefore = await usedMemory(redis);
    const restoreStarted = performance.now();
    const restored = await followUps.restoreJobs();
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;
    const memoryAfter = await usedMemory(redis);
    const afterRestore = await counts(dataSource, queue);
    if (restored !== expectedFollowUps || afterRestore.delayed !== expectedFollowUps) {
      throw new Error(`restoreJobs restored ${restored}, Redis holds ${afterRestore.delayed} delayed jobs`);
    }
    const memory = await queueMemory(redis, `${QUEUE_PREFIX}:${m.QueueName.FollowUps}`);
    rows.push({
      label: `restoreJobs(): every delayed job back after their keys were deleted`,
      count: restored,
      unit: 'follow-ups',
      seconds: restoreSeconds,
      latencies: [],
      redisBytesPerJob: memory.total / expectedFollowUps,
    });

    // (5) Every job re-added while all are present: what each periodic run cost when the reconciler
    // re-added every PLANNED row (before it kept to a horizon of two periods).
    const everyStarted = performance.now();
    const everyAgain = await followUps.restoreJobs();
    const everySeconds = (performance.now() - everyStarted) / 1000;
    if ((await counts(dataSource, queue)).delayed !== expectedFollowUps) throw new Error('A job went missing');
    rows.push({
      label: 'restoreJobs() again, every job still present (the former periodic run)',
      count: everyAgain,
      unit: 'follow-ups',
      seconds: everySeconds,
      latencies: [],
    });

    // (6) The periodic run as it is: dispatch what is due, re-add only the jobs due within two periods.
    const periodicStarted = performance.now();
    const periodic = await followUps.reconcile();
    const periodicSeconds = (performance.now() - periodicStarted) / 1000;
    rows.push({
      label: `reconcile(): the periodic run, jobs due within 2 × ${config.followUps.reconcileSeconds} s re-added`,
      count: periodic.scheduled,
      unit: 'follow-ups',
      seconds: periodicSeconds,
      latencies: [],
    });

    const [{ version: postgresVersion }]: Array<{ version: string }> = await dataSource.query(
      `SELECT split_part(current_setting('server_version'), ' ', 1) AS version`,
    );
    const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
    return {
      title: 'Follow-up scheduling throughput',
      notes: [
        `Each placement: one transaction (proposal INTERVIEW → HIRED, candidate PLACED, a vacancy position, the placement, audit, ${perPlacement} follow-up rows: client and employer × ${config.followUps.offsets.join(', ')}), then one addBulk of ${perPlacement} delayed BullMQ jobs and the candidate.changed and vacancy.changed events (index refresh of the candidate, 2 jobs on the events queue).`,
        `${PLACEMENTS.toLocaleString('en')} proposals at INTERVIEW per placement row, spread over ${world.vacancies} vacancies (consecutive placements hit different vacancies); real application context, WORKERS_ENABLED=false, database pool ${config.database.poolSize}; nothing warmed up beforehand.`,
        `Where the time of place() goes, one after another (mean ms per placement): ${stages.summary(PLACEMENTS, sequential.seconds)}.`,
        `Row 3 re-plans the row-1 placements (their follow-ups deleted first, untimed): a transaction of its own plus the addBulk, which in place() share the placement's transaction.`,
        `Row 4 deleted ${lost} keys of the follow-ups queue, then timed one restoreJobs() (batches of 500: SELECT + addBulk) until Redis held all ${expectedFollowUps.toLocaleString('en')} delayed jobs again (checked). Redis bytes per delayed job: MEMORY USAGE of the queue's keys afterwards / jobs (job hashes ${Math.round(memory.jobHashes / expectedFollowUps)} B each, delayed set ${Math.round(memory.delayedSet / expectedFollowUps)} B/job, events stream ${Math.round(memory.eventsStream / 1024)} KiB in all); INFO used_memory grew by ${Math.round((memoryAfter - memoryBefore) / expectedFollowUps)} B/job (other users of the server count there too).`,
        `Row 5 is what every FOLLOW_UP_RECONCILE_SECONDS cost while the reconciler re-added every PLANNED row (${everyAgain.toLocaleString('en')} read and re-added, BullMQ keeping the jobs it has); row 6 is the run as it is now, which re-adds only the jobs due within two periods (${periodic.scheduled.toLocaleString('en')} of ${expectedFollowUps.toLocaleString('en')} here, all months ahead): its cost follows what is due soon, not all that is planned. Rows without a job are still dispatched by the first run after they are due.`,
        `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} shared with PostgreSQL ${postgresVersion} and Redis ${redisVersion} on the same machine, ${new Date().toISOString().slice(0, 10)}.`,
      ],
      columns: ['what', 'count', 'total s', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'Redis bytes/delayed job'],
      rows: rows.map((row) => [
        row.label,
        `${row.count.toLocaleString('en')} ${row.unit}`,
        row.seconds.toFixed(row.seconds < 0.1 ? 3 : 2),
        row.count === 0
          ? '– (nothing due soon)'
          : row.unit === 'placements'
            ? `${Math.round(row.count / row.seconds).toLocaleString('en')} placements/s (${Math.round((perPlacement * row.count) / row.seconds).toLocaleString('en')} follow-ups/s)`
            : `${Math.round(row.count / row.seconds).toLocaleString('en')} follow-ups/s`,
        row.latencies.length > 0 ? percentile(row.latencies, 50).toFixed(2) : '–',
        row.latencies.length > 0 ? percentile(row.latencies, 95).toFixed(2) : '–',
        row.latencies.length > 0 ? percentile(row.latencies, 99).toFixed(2) : '–',
        row.redisBytesPerJob === undefined ? '–' : Math.round(row.redisBytesPerJob),
      ]),
    };
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

// ---- loading the application ----------------------------------------------------------------------

/**
 * Everything of src/ is required here, only in the measuring process: the parent, which runs under
 * tsx, never loads the application.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded late on purpose, see above */
function loadApplication() {
  return {
    ...(require('../src/app.module') as typeof import('../src/app.module')),
    ...(require('@aftersales/follow-ups/follow-ups.service') as typeof import('@aftersales/follow-ups/follow-ups.service')),
    ...(require('@aftersales/placements/dto/placement.dto') as typeof import('@aftersales/placements/dto/placement.dto')),
    ...(require('@aftersales/placements/placements.service') as typeof import('@aftersales/placements/placements.service')),
    ...(require('@identity/audit/audit.service') as typeof import('@identity/audit/audit.service')),
    ...(require('@identity/organisation') as typeof import('@identity/organisation')),
    ...(require('@identity/units/units.service') as typeof import('@identity/units/units.service')),
    ...(require('@identity/users/users.service') as typeof import('@identity/users/users.service')),
    ...(require('@matching/candidates/candidates.service') as typeof import('@matching/candidates/candidates.service')),
    ...(require('@matching/candidates/dto/candidate.dto') as typeof import('@matching/candidates/dto/candidate.dto')),
    ...(require('@matching/proposals/dto/proposal.dto') as typeof import('@matching/proposals/dto/proposal.dto')),
    ...(require('@matching/proposals/proposals.service') as typeof import('@matching/proposals/proposals.service')),
    ...(require('@platform/config/app-config') as typeof import('@platform/config/app-config')),
    ...(require('@platform/config/environment') as typeof import('@platform/config/environment')),
    ...(require('@platform/database/data-source-options') as typeof import('@platform/database/data-source-options')),
    ...(require('@platform/queue/domain-events') as typeof import('@platform/queue/domain-events')),
    ...(require('@platform/queue/queue-names') as typeof import('@platform/queue/queue-names')),
    ...(require('@sales/employers/dto/employer.dto') as typeof import('@sales/employers/dto/employer.dto')),
    ...(require('@sales/employers/employers.service') as typeof import('@sales/employers/employers.service')),
    ...(require('@sales/places/places.service') as typeof import('@sales/places/places.service')),
    ...(require('@sales/vacancies/dto/vacancy.dto') as typeof import('@sales/vacancies/dto/vacancy.dto')),
    ...(require('@sales/vacancies/vacancies.service') as typeof import('@sales/vacancies/vacancies.service')),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

type Application = ReturnType<typeof loadApplication>;

// ---- the world ------------------------------------------------------------------------------------

interface World {
  matcher: AuthenticatedUser;
  vacancies: number;
  /** Proposals at INTERVIEW, each of another candidate, vacancies taking turns. */
  proposalIds: string[];
}

async function buildWorld(m: Application, app: INestApplicationContext, proposals: number): Promise<World> {
  await app.get(m.PlacesService).importFrom(GEO_DIR);
  const unit = await app.get(m.UnitsService).create({ name: 'Bench', focus: 'follow-up bench' });
  const users = app.get(m.UsersService);
  const user = async (role: Role, organisation: Organisation): Promise<AuthenticatedUser> => {
    const email = `${role.toLowerCase()}.${organisation.toLowerCase()}@bench.example.org`;
    const created = await users.create(null, {
      email,
      name: `Bench ${role}`,
      organisation,
      unitId: unit.id,
      roles: [role],
      password: randomBytes(18).toString('base64url'),
    });
    return { id: created.id, email, organisation, unitId: unit.id, roles: [role] };
  };
  const sales = await user(m.Role.SALES, m.Organisation.STAFFING_FIRM);
  const matcher = await user(m.Role.MATCHER, m.Organisation.STAFFING_FIRM);
  const adviser = await user(m.Role.ADVISER, m.Organisation.UWV);

  const employer = await app.get(m.EmployersService).create(
    sales,
    plainToInstance(m.CreateEmployerDto, {
      name: 'Distributiecentrum Dordrecht B.V.',
      kvkNumber: '24123456',
      sector: 'Logistiek',
      address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311ab', city: 'Dordrecht' },
      accountManagerId: sales.id,
    }),
  );
  const vacanciesService = app.get(m.VacanciesService);
  const vacancyIds: string[] = [];
  for (let left = proposals + 1; left > 0; left -= POSITIONS_PER_VACANCY) {
    const draft = await vacanciesService.create(
      sales,
      plainToInstance(m.CreateVacancyDto, {
        employerId: employer.id,
        title: `Magazijnmedewerker ${vacancyIds.length + 1}`,
        occupationUri: WAREHOUSE,
        hoursMin: 24,
        hoursMax: 36,
        workplacePostcode: '3311 AB',
        startDate: '2026-12-01',
        positions: POSITIONS_PER_VACANCY,
        contractType: 'PERMANENT',
      }),
    );
    vacancyIds.push((await vacanciesService.changeStatus(sales, draft.id, 'OPEN', draft.version)).id);
  }

  // The template: a jobready WW client proposed and at INTERVIEW, all through the services.
  const candidates = app.get(m.CandidatesService);
  const created = await candidates.create(
    adviser,
    plainToInstance(m.CreateCandidateDto, {
      pool: 'WW',
      sourceReference: 'WW-BENCH-TEMPLATE',
      bsn: '111222333',
      name: 'Kandidaat Sjabloon',
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: '2026-12-01',
      wwEndDate: '2027-06-30',
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
      transport: ['BIKE'],
    }),
  );
  await candidates.assessJobready(
    adviser,
    created.id,
    plainToInstance(m.JobreadyAssessmentDto, {
      jobready: 'YES',
      checklist: {
        ownTransport: true,
        childcareArranged: true,
        hoursAvailable: true,
        certificatesValid: true,
        motivated: true,
      },
      version: created.version,
    }),
  );
  const proposalsService = app.get(m.ProposalsService);
  const move = (id: string, to: string, version: number) =>
    proposalsService.transition(matcher, id, plainToInstance(m.ProposalTransitionDto, { to, version }));
  const shortlisted = await proposalsService.create(matcher, vacancyIds[0], created.id);
  const proposed = await move(shortlisted.id, 'PROPOSED', shortlisted.version);
  const template = await move(proposed.id, 'INTERVIEW', proposed.version);

  // Copies in SQL: a person, a candidate and a proposal (with its history) each.
  const dataSource = app.get(DataSource);
  const personIds = Array.from({ length: proposals }, () => randomUUID());
  const candidateIds = Array.from({ length: proposals }, () => randomUUID());
  const proposalIds = Array.from({ length: proposals }, () => randomUUID());
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO persons (id, bsn_hash)
       SELECT id, encode(sha256(convert_to('follow-ups-bench ' || id, 'UTF8')), 'hex') FROM unnest($1::uuid[]) AS id`,
      [personIds],
    );
    const candidateColumns = await copiedColumns(dataSource, 'candidates', ['id', 'person_id', 'source_reference']);
    await manager.query(
      `INSERT INTO candidates (id, person_id, source_reference, ${candidateColumns.join(', ')})
       SELECT c.id, c.person_id, 'WW-BENCH-' || c.n, ${candidateColumns.map((column) => `t.${column}`).join(', ')}
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS c (id, person_id, n), candidates t WHERE t.id = $3`,
      [candidateIds, personIds, created.id],
    );
    const proposalColumns = await copiedColumns(dataSource, 'proposals', ['id', 'vacancy_id', 'candidate_id']);
    await manager.query(
      `INSERT INTO proposals (id, candidate_id, vacancy_id, ${proposalColumns.join(', ')})
       SELECT p.id, p.candidate_id, ($3::uuid[])[1 + (p.n - 1) % cardinality($3::uuid[])],
              ${proposalColumns.map((column) => `t.${column}`).join(', ')}
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS p (id, candidate_id, n), proposals t WHERE t.id = $4`,
      [proposalIds, candidateIds, vacancyIds, template.id],
    );
    const transitionColumns = await copiedColumns(dataSource, 'proposal_transitions', ['id', 'proposal_id']);
    await manager.query(
      `INSERT INTO proposal_transitions (proposal_id, ${transitionColumns.join(', ')})
       SELECT p.id, ${transitionColumns.map((column) => `t.${column}`).join(', ')}
       FROM unnest($1::uuid[]) AS p (id), proposal_transitions t WHERE t.proposal_id = $2`,
      [proposalIds, template.id],
    );
  });
  await dataSource.query('ANALYZE');
  const [check]: Array<{ ready: number }> = await dataSource.query(
    `SELECT count(*)::int AS ready FROM proposals p JOIN candidates c ON c.id = p.candidate_id
     WHERE p.state = 'INTERVIEW' AND c.status = 'PROPOSED' AND p.id = ANY($1::uuid[])`,
    [proposalIds],
  );
  if (check.ready !== proposals) throw new Error(`Only ${check.ready} of ${proposals} proposals are at INTERVIEW`);
  return { matcher, vacancies: vacancyIds.length, proposalIds };
}

/** The table's columns except the given ones, quoted: copies follow the schema as migrations change it. */
async function copiedColumns(dataSource: DataSource, table: string, except: string[]): Promise<string[]> {
  const rows: Array<{ name: string }> = await dataSource.query(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' AND NOT (column_name = ANY($2::text[]))
     ORDER BY ordinal_position`,
    [table, except],
  );
  return rows.map((row) => `"${row.name}"`);
}

// ---- timing ---------------------------------------------------------------------------------------

/** Runs `work` for every item, `concurrency` at a time; the wall time and each item's time, sorted. */
async function timeEach(
  items: readonly string[],
  concurrency: number,
  work: (item: string) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const itemStarted = performance.now();
        await work(item);
        latencies.push(performance.now() - itemStarted);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

/** Adds up the time spent in chosen methods of the application's own instances (wrapped, not edited). */
class StageTimer {
  private readonly totals = new Map<string, number>();
  private readonly restore: Array<() => void> = [];

  wrap<T extends object, K extends keyof T & string>(target: T, method: K, label: string): void {
    const original = target[method] as unknown as (...args: unknown[]) => Promise<unknown>;
    this.totals.set(label, 0);
    const totals = this.totals;
    const timed = async function (this: T, ...args: unknown[]): Promise<unknown> {
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        totals.set(label, (totals.get(label) ?? 0) + performance.now() - started);
      }
    };
    Object.assign(target, { [method]: timed });
    this.restore.push(() => {
      delete (target as Record<string, unknown>)[method];
    });
  }

  stop(): void {
    for (const undo of this.restore) undo();
  }

  summary(count: number, totalSeconds: number): string {
    const parts = [...this.totals].map(([label, ms]) => `${label} ${(ms / count).toFixed(2)}`);
    const staged = [...this.totals.values()].reduce((sum, ms) => sum + ms, 0);
    parts.push(
      `the rest (BEGIN, placement INSERT, reading it back, COMMIT) ${((totalSeconds * 1000 - staged) / count).toFixed(2)}`,
    );
    return `${parts.join('; ')} (of ${((totalSeconds * 1000) / count).toFixed(2)})`;
  }
}

// ---- PostgreSQL and Redis -------------------------------------------------------------------------

async function runMigrations(m: Application, url: string): Promise<void> {
  const dataSource = await new DataSource(m.dataSourceOptions(url, 1)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function counts(
  dataSource: DataSource,
  queue: Queue,
): Promise<{ placements: number; planned: number; delayed: number }> {
  const [row]: Array<{ placements: number; planned: number }> = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM placements) AS placements,
            (SELECT count(*)::int FROM follow_ups WHERE status = 'PLANNED') AS planned`,
  );
  return { ...row, delayed: await queue.getDelayedCount() };
}

/** Deletes every key matching the pattern; returns how many. */
async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  let deleted = 0;
  for await (const keys of redis.scanStream({ match: pattern, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  }
  return deleted;
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? NaN);
}

/** Bytes of the queue's keys (MEMORY USAGE), split into job hashes, the delayed set and the events stream. */
async function queueMemory(
  redis: Redis,
  queueKey: string,
): Promise<{ total: number; jobHashes: number; delayedSet: number; eventsStream: number }> {
  const result = { total: 0, jobHashes: 0, delayedSet: 0, eventsStream: 0 };
  for await (const keys of redis.scanStream({ match: `${queueKey}:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
    const sizes = ((await pipeline.exec()) ?? []).map(([, size]) => Number(size ?? 0));
    keys.forEach((key, index) => {
      const size = sizes[index];
      result.total += size;
      if (key === `${queueKey}:delayed`) result.delayedSet += size;
      else if (key === `${queueKey}:events`) result.eventsStream += size;
      else if (/:followup-[0-9a-f-]+$/.test(key)) result.jobHashes += size;
    });
  }
  return result;
}

async function attempt(what: string, work: () => Promise<unknown> | undefined): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`follow-ups bench: could not ${what}: ${String(error)}\n`);
  }
}
