/**
 * The live supply preview (issue 15): the counts for an unsaved profile (now, per pool, and one query per
 * relaxation) on the in-memory engine, at 10k, 100k and 1M synthetic candidates, beside one ranked-list
 * query of the same profile (limit 50, 20 near misses), the engine's own budget. In process, no HTTP.
 *
 * Environment: ESCO_DIR (default ../shared/data/esco-v1.1.1), GEO_DIR (default ../shared/data/geo),
 * BENCH_SIZES (default 10000,100000,1000000), BENCH_QUERIES (default 200).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Organisation } from '@identity/organisation';
import { CandidateIndex } from '@matching/engine/candidate-index';
import { MatchingKnowledge } from '@matching/engine/match-context';
import { loadOccupationCatalogueFromEsco } from '@matching/engine/occupation-catalogue';
import { AreaCentroid, PlacesTable } from '@matching/engine/places-table';
import { generator, syntheticCandidate, syntheticVacancy, SyntheticWorld } from '@matching/engine/testing/synthetic';
import { loadWeights } from '@matching/engine/weights';
import { supplyCounts } from '@matching/supply/supply-counts';
import { BenchResult, percentile } from './run';

const TODAY = '2026-11-22';
const ESCO_DIR = resolve(process.env.ESCO_DIR ?? '../shared/data/esco-v1.1.1');
const GEO_DIR = resolve(process.env.GEO_DIR ?? '../shared/data/geo');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const CERTIFICATES = ['HEFTRUCK', 'REACHTRUCK', 'VCA_BASIS', 'VCA_VOL', 'BHV', 'CODE_95', 'HACCP', 'EHBO'];
const VIEWERS = [Organisation.UWV, Organisation.MUNICIPALITY, Organisation.STAFFING_FIRM];

export function run(): Promise<BenchResult> {
  const catalogue = loadOccupationCatalogueFromEsco(ESCO_DIR);
  const areas = parse<Record<string, string>>(readFileSync(join(GEO_DIR, 'nl_pc4_centroids.csv')), {
    columns: true,
  }).map((row): AreaCentroid => ({ pc4: row.pc4, lat: Number(row.lat), lon: Number(row.lon) }));
  const g = generator(2026);
  const occupationUris = [...catalogue.all()].filter((o) => o.essentialSkillUris.length > 0).map((o) => o.uri);
  const market = Array.from({ length: 400 }, () => g.pick(occupationUris));
  const world: SyntheticWorld = {
    catalogue,
    occupationUris: market,
    skillUris: [...new Set(market.flatMap((uri) => catalogue.get(uri)!.essentialSkillUris))],
    pc4s: areas.map((area) => area.pc4),
    certificates: CERTIFICATES,
  };
  const knowledge: MatchingKnowledge = {
    occupations: catalogue,
    places: new PlacesTable(areas),
    weights: loadWeights(),
    certificateImplications: new Map([['VCA_VOL', ['VCA_BASIS']]]),
    certificateNames: new Map(),
  };
  const vacancies = Array.from({ length: QUERIES }, (_, index) =>
    syntheticVacancy(g, world, `vacancy-${index}`, TODAY),
  );

  const rows: Array<Array<string | number>> = [];
  for (const size of SIZES) {
    const index = new CandidateIndex(knowledge);
    for (let n = 0; n < size; n++)
      index.upsert(syntheticCandidate(g, world, `cand-${String(n).padStart(7, '0')}`, `person-${n}`, TODAY));
    index.organise();
    const preview = (position: number) =>
      supplyCounts((query) => index.match(query), vacancies[position], {
        viewer: VIEWERS[position % 3],
        today: TODAY,
        certificateName: (code) => code,
      });
    const ranked = (position: number) =>
      index.match({
        vacancy: vacancies[position],
        viewer: VIEWERS[position % 3],
        limit: 50,
        today: TODAY,
        nearMissLimit: 20,
      });
    // Once untimed: compiled code and each workplace's distances, as for profiles edited again.
    for (let position = 0; position < vacancies.length; position++) {
      preview(position);
      ranked(position);
    }
    const previewTimes: number[] = [];
    const rankedTimes: number[] = [];
    let queriesPerPreview = 0;
    for (let position = 0; position < vacancies.length; position++) {
      let queries = 0;
      const counting = (query: Parameters<CandidateIndex['match']>[0]) => (queries++, index.match(query));
      const started = performance.now();
      supplyCounts(counting, vacancies[position], {
        viewer: VIEWERS[position % 3],
        today: TODAY,
        certificateName: String,
      });
      previewTimes.push(performance.now() - started);
      queriesPerPreview += queries;
      const rankedStarted = performance.now();
      ranked(position);
      rankedTimes.push(performance.now() - rankedStarted);
    }
    previewTimes.sort((a, b) => a - b);
    rankedTimes.sort((a, b) => a - b);
    rows.push([
      size.toLocaleString('en'),
      (queriesPerPreview / vacancies.length).toFixed(1),
      percentile(previewTimes, 50).toFixed(2),
      percentile(previewTimes, 95).toFixed(2),
      percentile(rankedTimes, 50).toFixed(2),
      percentile(rankedTimes, 95).toFixed(2),
    ]);
  }
  return Promise.resolve({
    title: 'Supply preview: counts for an unsaved profile on the engine',
    notes: [
      `${QUERIES} synthetic vacancy profiles per size (viewers UWV, municipality, staffing firm in turn); engine in process, no HTTP.`,
      'A preview is one counting query for now, one per pool and one per relaxation (page of none: nothing scored for a page).',
      'Beside it one ranked-list query of the same profile (limit 50, 20 near misses), the budget the issue names.',
      `Node ${process.version}; the machine is shared (2 cores).`,
    ],
    columns: [
      'candidates',
      'queries per preview',
      'preview p50 ms',
      'preview p95 ms',
      'ranked p50 ms',
      'ranked p95 ms',
    ],
    rows,
  });
}
