/**
 * The matching bench's engine half alone, for profiling: builds the bench's pool of one size, warms
 * up on the bench's vacancies, then times `ROUNDS` passes over them. No PostgreSQL.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/engine-profile.ts 10000
 *   valgrind --tool=callgrind --instr-atstart=no node --import tsx bench/engine-profile.ts 10000 callgrind
 *
 * With `callgrind` as second argument, instrumentation is switched on (callgrind_control) only around
 * the timed queries, so the instruction count is that of the queries, repeatable on a busy machine.
 * Environment: BENCH_QUERIES (default 200), PROFILE_ROUNDS (default 3), as in matching.bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { CandidateIndex } from '@matching/engine/candidate-index';
import { benchCandidates, benchQuery, benchWorld } from './matching.bench';
import { percentile } from './run';

function main(): void {
  const size = Number(process.argv[2] ?? 10000);
  const callgrind = process.argv[3] === 'callgrind';
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 3);
  const { g, world, knowledge, vacancies } = benchWorld();
  // The bench draws its pools one after the other from one generator: draw the smaller ones first.
  let candidates = benchCandidates(g, world, 0);
  for (const earlier of (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number)) {
    candidates = benchCandidates(g, world, earlier);
    if (earlier === size) break;
  }
  const started = performance.now();
  const index = new CandidateIndex(knowledge);
  for (const candidate of candidates) index.upsert(candidate);
  index.organise();
  const buildMs = performance.now() - started;
  const queries = vacancies.map((vacancy, position) => benchQuery(vacancy, position));
  for (const query of queries) index.answer(query);

  const toggle = (on: boolean): void => {
    if (callgrind) execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)]);
  };
  const times: number[] = [];
  let checksum = 0;
  const cpuBefore = process.cpuUsage();
  toggle(true);
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const at = performance.now();
      const result = index.answer(query);
      times.push(performance.now() - at);
      checksum += result.items.length + result.nearMisses.length + result.considered;
    }
  }
  toggle(false);
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const line = {
    size,
    buildMs: Math.round(buildMs),
    queries: times.length,
    p50: percentile(times, 50).toFixed(3),
    p95: percentile(times, 95).toFixed(3),
    p99: percentile(times, 99).toFixed(3),
    cpuMsPerQuery: ((cpu.user + cpu.system) / 1000 / times.length).toFixed(3),
    checksum,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main();
