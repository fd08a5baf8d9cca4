/**
 * The ranked list over HTTP on the real service (issue 19): `GET /api/vacancies/{id}/matches` at 100k
 * candidates for one client and for 20 concurrent clients, with the audit trail checked row by row;
 * an update's way to a second API instance while 100 updates a second arrive; and the index build
 * from PostgreSQL at 1M with the memory it holds.
 *
 * The built service (node dist/src/main.js, `npm run build` first) on real PostgreSQL and Redis. The
 * world is made through the API (see support/matching-world.ts) in a scratch database, the pool grown
 * by SQL, and the service restarted so its index is built from PostgreSQL as at any start.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a database
 * matcher_http_bench is made there; BENCH_HTTP_DATABASE names it otherwise, so two checkouts can bench side by side), REDIS_URL (default redis://127.0.0.1:6379), GEO_DIR (default
 * ../shared/data/geo), BENCH_HTTP_CANDIDATES (100000), BENCH_HTTP_BUILD_CANDIDATES (1000000; 0 skips the
 * build phase), BENCH_HTTP_SECONDS (15, the concurrent run), BENCH_HTTP_REUSE=1 (keep the scratch
 * database of an earlier run and grow it), BENCH_HTTP_PROFILE=<dir> (instance A runs under
 * --cpu-prof; the top frames of the concurrent run go into the notes), BENCH_HTTP_DATABASE (matcher_http_bench:
 * the scratch database's name, so two checkouts can bench side by side), BENCH_HTTP_PROPAGATION_SECONDS
 * (30; 0 skips the cross-instance run).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { apiToken } from '../test/web/support/accounts';
import { RunningService, startService } from '../test/web/support/service';
import { BenchResult, percentile } from './run';
import { framesTable, topFrames } from './support/cpu-profile';
import { closedLoop, send } from './support/load';
import { growPool, makeWorld, scratchDatabase, storedWorld, World } from './support/matching-world';

const SIZE = Number(process.env.BENCH_HTTP_CANDIDATES ?? 100_000);
const BUILD_SIZE = Number(process.env.BENCH_HTTP_BUILD_CANDIDATES ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 15);
const REUSE = process.env.BENCH_HTTP_REUSE === '1';
const PROFILE_DIR = process.env.BENCH_HTTP_PROFILE ? resolve(process.env.BENCH_HTTP_PROFILE) : undefined;
const GEO_DIR = resolve(process.env.GEO_DIR ?? '../shared/data/geo');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env.BENCH_HTTP_DATABASE ?? 'matcher_http_bench';
const CLIENTS = 20;
const SEQUENTIAL = 200;
const UPDATES_PER_SECOND = 100;
const PROPAGATION_SECONDS = Number(process.env.BENCH_HTTP_PROPAGATION_SECONDS ?? 30);

const GOALS = {
  oneP50: 10,
  oneP95: 20,
  concurrentRate: 200,
  concurrentP95: 150,
  propagationP95: 1000,
  buildSeconds: 20,
  bytesPerCandidate: 512,
};

/** Bench-only secrets (a scratch database of generated people), fixed so a reused world keeps working. */
const BENCH_SECRETS = {
  JWT_SECRET: createHash('sha256').update('matcher-http-bench-jwt').digest('base64url'),
  BSN_ENCRYPTION_KEY: createHash('sha256').update('matcher-http-bench-bsn-encryption').digest('base64'),
  BSN_HASH_KEY: createHash('sha256').update('matcher-http-bench-bsn-hash').digest('base64'),
};

const BUILT = /Matching index built: (\d+) candidates in (\d+) ms.*?memory (\d+) bytes; cpu (\d+) ms/;

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

async function auditedMatches(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const count = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'match'`)).rows[0].n,
  );
  await db.end();
  return count;
}

function builtLine(service: RunningService): { candidates: number; ms: number; bytes: number; cpuMs: number } {
  const found = [...service.output().matchAll(new RegExp(BUILT, 'g'))].pop();
  if (!found) throw new Error(`no index build line in the output:\n${service.output().slice(-2000)}`);
  return { candidates: Number(found[1]), ms: Number(found[2]), bytes: Number(found[3]), cpuMs: Number(found[4]) };
}

export async function run(): Promise<BenchResult> {
  const databaseUrl = await scratchDatabase(ADMIN_URL, DATABASE, !REUSE);
  const prefix = `bench-http-${randomBytes(3).toString('hex')}`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    // Both instances follow one change stream, as in production.
    QUEUE_PREFIX: prefix,
    NODE_OPTIONS: '--expose-gc',
    // The writer is one adviser doing 100 updates a second; the limit is still counted in Redis.
    USER_REQUESTS_PER_MINUTE: '100000',
    // One set of secrets for every instance and run: tokens from A work on B, BSNs made once decrypt later.
    ...BENCH_SECRETS,
  };
  const stored = REUSE ? await storedWorld(databaseUrl) : null;
  const world: World =
    stored ??
    (await makeWorld({ ...env, DATABASE_URL: await scratchDatabase(ADMIN_URL, DATABASE, true) }, GEO_DIR, CLIENTS));
  const insertSeconds = await growPool(databaseUrl, world, SIZE);

  const notes: string[] = [];
  const rows: Array<Array<string | number>> = [];
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const a = await startService({
    env: {
      ...env,
      ...(PROFILE_DIR
        ? {
            NODE_OPTIONS: `--expose-gc --require ${join(__dirname, 'support/cpu-profiler.cjs')}`,
            CPU_PROFILE_DIR: PROFILE_DIR,
          }
        : {}),
    },
  });
  let b: RunningService | undefined;
  let profiled: string | undefined;
  let writesProfiled: string | undefined;
  try {
    const base = new URL(a.url);
    const tokens = await Promise.all(world.matchers.map((matcher) => apiToken(a, matcher)));
    const path = `/api/vacancies/${world.vacancyId}/matches?limit=50`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = JSON.parse((await send(agent, base, 'GET', path, tokens[0])).body) as {
      considered: number;
      eligible: number;
      items: unknown[];
      nearMisses: unknown[];
    };
    const shown = first.items.length + first.nearMisses.length;
    for (let index = 0; index < 30; index++) await send(agent, base, 'GET', path, tokens[0]);

    // One client, one request at a time.
    const auditBefore = await auditedMatches(databaseUrl);
    const one: number[] = [];
    for (let index = 0; index < SEQUENTIAL; index++) {
      const at = performance.now();
      const reply = await send(agent, base, 'GET', path, tokens[0]);
      if (reply.status !== 200) throw new Error(`matches answered ${reply.status}: ${reply.body}`);
      one.push(performance.now() - at);
    }
    agent.destroy();

    // Twenty clients, each its own matcher, back to back.
    const servicePid = Number(/"pid":(\d+)/.exec(a.output())?.[1]);
    const pid = PROFILE_DIR ? servicePid : 0;
    if (pid) process.kill(pid, 'SIGUSR2'); // profiler on (support/cpu-profiler.cjs)
    const cpuBefore = await cpuSpent(databaseUrl, servicePid);
    const many = await closedLoop(
      base,
      tokens.map((token) => ({ token, path })),
      SECONDS,
    );
    const cpuAfter = await cpuSpent(databaseUrl, servicePid);
    if (pid) {
      process.kill(pid, 'SIGUSR2'); // off, written
      profiled = await waitForProfile(PROFILE_DIR!, pid);
    }
    const audited = (await auditedMatches(databaseUrl)) - auditBefore;
    const expectedAudit = (SEQUENTIAL + many.requests - many.failures) * shown;
    const built = builtLine(a);

    const [oneSorted, manySorted] = [sorted(one), sorted(many.latencies)];
    const rate = (many.requests - many.failures) / many.seconds;
    notes.push(
      `${SIZE} candidates (copied by SQL from two made through the API${insertSeconds > 1 ? `, ${insertSeconds.toFixed(0)} s` : ''}); one warehouse vacancy in Dordrecht, 24–36 h; seen by staffing-firm matchers without a confidentiality statement (UWV’s clients are not theirs: ${first.considered} of them considered): ${first.eligible} meet every requirement; first page of 50 and ${first.nearMisses.length} near misses (${shown} people shown, each audited).`,
      `Built service (node dist/src/main.js) on PostgreSQL and Redis on this machine; the client runs on the same 2 shared cores (node:http, keep-alive). One client: ${SEQUENTIAL} requests after 31 warm-up. Concurrent: ${CLIENTS} clients, each its own matcher, back to back for ${SECONDS} s.`,
      `Audit: ${audited} 'match' rows written for ${SEQUENTIAL + many.requests - many.failures} answers × ${shown} shown = ${expectedAudit} expected (${audited === expectedAudit ? 'exact' : 'DIFFERENT'}).`,
      `Index build at start: ${built.candidates} candidates in ${(built.ms / 1000).toFixed(1)} s (CPU ${(built.cpuMs / 1000).toFixed(1)} s).`,
      `Machine load after the HTTP runs: ${load()} (1/5/15 min, 2 cores shared with other work).`,
      `CPU per answer in the ${CLIENTS}-client run (from /proc, so it holds whatever else runs on the machine): the service ${((cpuAfter.service - cpuBefore.service) / (many.requests - many.failures)).toFixed(1)} ms, PostgreSQL's backends for this database ${((cpuAfter.postgres - cpuBefore.postgres) / (many.requests - many.failures)).toFixed(1)} ms.`,
    );
    rows.push(
      [
        'one client p50',
        `≤ ${GOALS.oneP50} ms`,
        `${ms(percentile(oneSorted, 50))} ms`,
        met(percentile(oneSorted, 50) <= GOALS.oneP50),
      ],
      [
        'one client p95',
        `≤ ${GOALS.oneP95} ms`,
        `${ms(percentile(oneSorted, 95))} ms`,
        met(percentile(oneSorted, 95) <= GOALS.oneP95),
      ],
      [
        `${CLIENTS} clients throughput`,
        `≥ ${GOALS.concurrentRate} req/s`,
        `${rate.toFixed(0)} req/s${many.failures ? ` (${many.failures} failed)` : ''}`,
        met(rate >= GOALS.concurrentRate && many.failures === 0),
      ],
      [
        `${CLIENTS} clients p95`,
        `≤ ${GOALS.concurrentP95} ms`,
        `${ms(percentile(manySorted, 95))} ms (p50 ${ms(percentile(manySorted, 50))})`,
        met(percentile(manySorted, 95) <= GOALS.concurrentP95),
      ],
      ['audit rows', 'every shown person', `${audited} of ${expectedAudit}`, met(audited === expectedAudit)],
    );

    if (PROPAGATION_SECONDS > 0) {
      // A second instance on the same PostgreSQL and Redis; a writer changes 100 candidates a second through A.
      b = await startService({ env });
      if (pid) process.kill(pid, 'SIGUSR2'); // A's profile of the write phase
      const propagation = await measurePropagation(databaseUrl, world, a, b, tokens[1]);
      if (pid) {
        process.kill(pid, 'SIGUSR2');
        writesProfiled = await waitForProfile(PROFILE_DIR!, pid, 2);
      }
      notes.push(
        `Cross-instance: instance B on the same PostgreSQL and Redis; one adviser writes ${UPDATES_PER_SECOND} candidate updates a second (PATCH hours) through instance A for ${PROPAGATION_SECONDS} s (${propagation.rate.toFixed(0)}/s reached, write p50 ${ms(propagation.writeP50)} ms / p95 ${ms(propagation.writeP95)} ms, ${propagation.writeFailures} failed); meanwhile a probe candidate (a Bijstand client, whom B's staffing-firm matcher sees) is moved in and out of the eligible set through A every 0.5 s by the municipality's adviser and B's ranked list is read until its eligible count shows it: from sending the write to B's answer (${propagation.samples.length} probes, ${propagation.lost} not seen within 10 s).`,
        `Machine load after the cross-instance run: ${load()}.`,
      );
      const [fromSend, fromAnswer, fromTransaction] = [
        sorted(propagation.samples),
        sorted(propagation.afterAnswer),
        sorted(propagation.afterTransaction),
      ];
      const p5095 = (values: number[]) => `${ms(percentile(values, 95))} ms (${ms(percentile(values, 50))})`;
      const steady = propagation.lost === 0 && propagation.rate >= 0.95 * UPDATES_PER_SECOND;
      rows.push(
        [
          "update visible on instance B from the write's transaction, p95 (p50)",
          `≤ ${GOALS.propagationP95} ms at ${UPDATES_PER_SECOND}/s`,
          `${p5095(fromTransaction)}${steady ? '' : `, at ${propagation.rate.toFixed(0)} updates/s`}`,
          met(percentile(fromTransaction, 95) <= GOALS.propagationP95 && steady),
        ],
        [
          '… from sending the write / from its answer, p95 (p50)',
          '—',
          `${p5095(fromSend)} / ${p5095(fromAnswer)}`,
          '—',
        ],
      );
    }
  } finally {
    await b?.stop();
    await a.stop();
  }

  if (profiled) {
    notes.push(
      `Profile of instance A during the ${CLIENTS}-client run (V8 CPU profiler, ${profiled}), top frames by self time:`,
      '',
      ...framesTable(topFrames(profiled, 20, process.cwd())),
      '',
    );
  }
  if (writesProfiled) {
    notes.push(
      `Profile of instance A while it took the ${UPDATES_PER_SECOND} updates a second (${writesProfiled}), top frames by self time:`,
      '',
      ...framesTable(topFrames(writesProfiled, 15, process.cwd())),
      '',
    );
  }

  if (BUILD_SIZE > 0) {
    // Its own database, copied from the 100k one (so the HTTP runs keep their pool), grown to BUILD_SIZE.
    const buildUrl = await copyDatabase(ADMIN_URL, DATABASE, `${DATABASE}_build`, REUSE);
    const growSeconds = await growPool(buildUrl, world, BUILD_SIZE);
    const service = await startService({ env: { ...env, DATABASE_URL: buildUrl }, startTimeoutMs: 600_000 });
    try {
      const built = builtLine(service);
      notes.push(
        `Index build from PostgreSQL at start: ${built.candidates} candidates (grown by SQL${growSeconds > 1 ? ` in ${growSeconds.toFixed(0)} s` : ''}); memory: the process's heap plus typed-array buffers after the build less before it (both after a full collection), per candidate. Load after the build: ${load()}.`,
      );
      rows.push(
        [
          `index build from PostgreSQL, ${built.candidates}`,
          `≤ ${GOALS.buildSeconds} s`,
          `${(built.ms / 1000).toFixed(1)} s (the service's CPU ${(built.cpuMs / 1000).toFixed(1)} s)`,
          met(built.ms <= GOALS.buildSeconds * 1000),
        ],
        [
          `memory per candidate, ${built.candidates}`,
          `≤ ${GOALS.bytesPerCandidate} B`,
          `${(built.bytes / built.candidates).toFixed(0)} B`,
          met(built.bytes / built.candidates <= GOALS.bytesPerCandidate),
        ],
      );
    } finally {
      await service.stop();
    }
  }

  return {
    title: 'Ranked list over HTTP, across instances, and the index build from PostgreSQL',
    notes,
    columns: ['measure', 'goal', 'measured', 'goal met'],
    rows,
  };
}

/** CPU milliseconds spent so far by the service and by PostgreSQL's backends connected to its database. */
async function cpuSpent(databaseUrl: string, servicePid: number): Promise<{ service: number; postgres: number }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const backends = (
    await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
  ).rows;
  await db.end();
  const ticks = (processId: number): number => {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), in clock ticks of 10 ms; after the ")" of the name.
      const fields = readFileSync(`/proc/${processId}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return 0; // a backend that ended in between
    }
  };
  return { service: ticks(servicePid), postgres: backends.reduce((sum, { pid }) => sum + ticks(pid), 0) };
}

async function waitForProfile(dir: string, pid: number, nth = 1): Promise<string | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const file = readdirSync(dir).find((name) => name === `${pid}-${nth}.cpuprofile`);
    if (file) return join(dir, file);
    await new Promise((done) => setTimeout(done, 100));
  }
  return undefined;
}

/** `target` as a file copy of `source` (CREATE DATABASE … TEMPLATE), unless kept from an earlier run. */
async function copyDatabase(adminUrl: string, source: string, target: string, keep: boolean): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target])).rowCount === 1;
  if (!keep || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${target} TEMPLATE ${source}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${target}`;
  return url.toString();
}

interface Propagation {
  /** From sending the write to A until B's list shows it (an upper bound of commit to visible). */
  samples: number[];
  /** From A's answer (committed, in A's own index, on the stream) until B shows it (a lower bound). */
  afterAnswer: number[];
  /** From the start of the write's transaction (its updated_at) until B shows it: commit to visible, and a little more. */
  afterTransaction: number[];
  lost: number;
  rate: number;
  writeP50: number;
  writeP95: number;
  writeFailures: number;
}

/**
 * The writer: WW candidates of 24 h minimum, their maximum moved between 36 and 40 (eligible either
 * way, but a matching change each time). The probe: a candidate moved between 24–36 h (eligible) and
 * 8–16 h (excluded on hours), so B's eligible count says which state it has seen.
 */
async function measurePropagation(
  databaseUrl: string,
  world: World,
  a: RunningService,
  b: RunningService,
  matcherTokenB: string,
): Promise<Propagation> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const picked = (
    await db.query<{ id: string; version: number }>(
      `SELECT id, version FROM candidates
        WHERE pool = 'WW' AND hours_min = 24 AND hours_max = 36 AND erased_at IS NULL AND id <> $1
        ORDER BY id LIMIT 4000`,
      [world.templates[0]],
    )
  ).rows;
  const targets = picked.slice(0, 4000);
  // The probe must be one B's reader (a staffing-firm matcher without a statement) sees: a Bijstand client.
  if (!world.bijstandAdviser)
    throw new Error('This stored world has no Bijstand adviser: run without BENCH_HTTP_REUSE');
  const [probe] = (
    await db.query<{ id: string; version: number }>(
      `SELECT id, version FROM candidates
        WHERE pool = 'BIJSTAND' AND hours_min = 24 AND hours_max = 36 AND erased_at IS NULL AND id <> $1
        ORDER BY id LIMIT 1`,
      [world.templates[1]],
    )
  ).rows;
  picked.push(probe);
  const adviser = await apiToken(a, world.wwAdviser);
  const probeAdviser = await apiToken(a, world.bijstandAdviser);
  const baseA = new URL(a.url);
  const baseB = new URL(b.url);
  const writes = new Agent({ keepAlive: true, maxSockets: 64 });
  const reads = new Agent({ keepAlive: true, maxSockets: 1 });
  const versions = new Map(picked.map((row) => [row.id, row.version]));
  const matchesPath = `/api/vacancies/${world.vacancyId}/matches?limit=1`;
  const errors: string[] = [];
  const eligibleOnB = async (): Promise<number> => {
    const reply = await send(reads, baseB, 'GET', matchesPath, matcherTokenB);
    if (reply.status !== 200) throw new Error(`B's matches answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    return (JSON.parse(reply.body) as { eligible: number }).eligible;
  };
  const patch = async (id: string, body: Record<string, unknown>, token = adviser): Promise<number> => {
    const reply = await send(writes, baseA, 'PATCH', `/api/candidates/${id}`, token, {
      ...body,
      version: versions.get(id),
    }).catch((error: Error) => ({ status: 0, body: error.message }));
    if (reply.status !== 200) {
      if (errors.length < 5) errors.push(`${reply.status}: ${reply.body.slice(0, 300)}`);
      return reply.status;
    }
    versions.set(id, (JSON.parse(reply.body) as { version: number }).version);
    return 200;
  };

  let stop = false;
  const writeLatencies: number[] = [];
  let writeFailures = 0;
  let written = 0;
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  const writer = (async () => {
    const started = performance.now();
    while (!stop) {
      // Open loop: the n-th write is due at n/rate seconds, whatever the answers do.
      const due = started + (written * 1000) / UPDATES_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      if (inFlight.size >= 64) {
        await Promise.race(inFlight);
        continue;
      }
      const id = targets[next++ % targets.length].id;
      const at = performance.now();
      const job = patch(id, { hoursMax: written % 2 === 0 ? 40 : 36 }).then((status) => {
        if (status === 200) writeLatencies.push(performance.now() - at);
        else writeFailures++;
        inFlight.delete(job);
      });
      inFlight.add(job);
      written++;
    }
    await Promise.all(inFlight);
    return (written / (performance.now() - started)) * 1000;
  })();

  const samples: number[] = [];
  const afterAnswer: number[] = [];
  const afterTransaction: number[] = [];
  let lost = 0;
  const eligibleIn = await eligibleOnB(); // the probe is eligible now
  const until = performance.now() + PROPAGATION_SECONDS * 1000;
  let eligible = true;
  while (performance.now() < until) {
    eligible = !eligible;
    const at = performance.now();
    const status = await patch(
      probe.id,
      eligible ? { hoursMin: 24, hoursMax: 36 } : { hoursMin: 8, hoursMax: 16 },
      probeAdviser,
    );
    const answeredAt = performance.now();
    // When the write's transaction began (updated_at = now()), on this machine's clock.
    const transactionAt = Number(
      (
        await db.query<{ at: string }>(
          `SELECT extract(epoch FROM updated_at) * 1000 AS at FROM candidates WHERE id = $1`,
          [probe.id],
        )
      ).rows[0].at,
    );
    if (status !== 200)
      throw new Error(`probe write answered ${status}: ${errors.join('; ')}\n${a.output().slice(-3000)}`);
    const want = eligible ? eligibleIn : eligibleIn - 1;
    const deadline = at + 10_000;
    let seen = false;
    // B's count moves with the writer's candidates too only if they left the eligible set: they do not.
    while (performance.now() < deadline) {
      if ((await eligibleOnB()) === want) {
        seen = true;
        break;
      }
    }
    if (seen) {
      samples.push(performance.now() - at);
      afterAnswer.push(performance.now() - answeredAt);
      afterTransaction.push(performance.timeOrigin + performance.now() - transactionAt);
    } else lost++;
    await new Promise((done) => setTimeout(done, 500));
  }
  stop = true;
  const rate = await writer;
  await db.end();
  if (errors.length > 0)
    process.stderr.write(`writes failed, e.g.:\n${errors.join('\n')}\nA: ${a.output().slice(-3000)}\n`);
  writes.destroy();
  reads.destroy();
  const writeSorted = sorted(writeLatencies);
  return {
    samples,
    afterAnswer,
    afterTransaction,
    lost,
    rate,
    writeP50: percentile(writeSorted, 50),
    writeP95: percentile(writeSorted, 95),
    writeFailures,
  };
}
