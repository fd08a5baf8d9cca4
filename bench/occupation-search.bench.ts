/**
 * Time per query of the in-memory occupation search over the real ESCO release: the index is built
 * from the CSVs (with the ISCO group labels and descriptions, as at start-up), then the queries of
 * `npm run eval:occupations` (typed titles, held-out labels, misspellings, vacancy-text noise) run
 * after a warm-up, per set.
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readIscoGroups, readOccupations } from '../src/taxonomy/esco-import/esco-csv';
import { OccupationSearch } from '../src/taxonomy/occupations/occupation-search';
import { loadKnownWords } from '../src/taxonomy/search/known-words';
import { TYPED_TITLES } from '../tools/eval-occupations';
import { buildEvalSets } from '../tools/occupation-eval-sets';
import { BenchResult, percentile } from './run';

const FOLDER = resolve(
  process.env.ESCO_BENCH_FOLDER ?? resolve(__dirname, '..', '..', 'shared', 'data', 'esco-v1.1.1'),
);
const QUERIES = 4000;
const WARM_UP = 500;

function timeQueries(search: OccupationSearch, queries: string[]): number[] {
  for (const query of queries.slice(0, WARM_UP)) search.search(query, 10);
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    search.search(query, 10);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export async function run(): Promise<BenchResult> {
  const groups = new Map((await readIscoGroups(FOLDER)).map((group) => [group.code, group.label]));
  const occupations = (await readOccupations(FOLDER)).map((o) => ({ ...o, iscoGroupLabel: groups.get(o.iscoGroup) }));
  const knownWords = loadKnownWords();
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const search = new OccupationSearch(occupations, { knownWords });
  const buildMs = performance.now() - buildStarted;
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const { queries } = await buildEvalSets(FOLDER, TYPED_TITLES, 7);
  // An even spread over the sets, in a fixed order.
  const byKind = new Map<string, string[]>();
  for (const query of queries) byKind.set(query.set, [...(byKind.get(query.set) ?? []), query.query]);
  const kinds = [...byKind.keys()];
  const mixed: string[] = [];
  for (let i = 0; mixed.length < QUERIES; i++) {
    const list = byKind.get(kinds[i % kinds.length])!;
    mixed.push(list[Math.floor(i / kinds.length) % list.length]);
  }
  const rows: BenchResult['rows'] = [];
  const row = (label: string, times: number[]) =>
    rows.push([
      label,
      times.length,
      percentile(times, 50).toFixed(3),
      percentile(times, 95).toFixed(3),
      percentile(times, 99).toFixed(3),
      times[times.length - 1].toFixed(3),
    ]);
  row('all kinds, mixed', timeQueries(search, mixed));
  for (const kind of kinds) row(kind, timeQueries(search, byKind.get(kind)!.slice(0, 1000)));
  return {
    title: 'Occupation search: time per query (in memory)',
    notes: [
      `ESCO v1.1.1, ${occupations.length} occupations; index built in ${buildMs.toFixed(0)} ms, ${heapMb.toFixed(0)} MB of heap.`,
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; limit 10; ${WARM_UP} warm-up queries per row.`,
      'Queries: the sets of `npm run eval:occupations` (typed titles, held-out labels, rule misspellings, vacancy-text noise), against the full release.',
    ],
    columns: ['queries', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    rows,
  };
}
