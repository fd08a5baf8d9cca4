/**
 * `npm run eval:occupations [folder]`: how well the occupation search finds titles the index has
 * not seen, side by side with two baselines on the same index and queries: PostgreSQL `pg_trgm`
 * (on DATABASE_URL's server, in a scratch database; skipped when unset) and a character 3-4-gram
 * TF-IDF cosine, with and without the descriptions. Prints top-1, top-5 and MRR (over the top 10)
 * per set and kind, for the tuning split and the confirm split. Tune on the tuning split only.
 *
 * EVAL_ONLY=ours skips the baselines; EVAL_SPLIT=tune prints one split; EVAL_SHOW_MISSES=n lists
 * the first n misses of the tuning split; EVAL_OUT=file writes the tables there too.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OccupationRecord } from '../src/taxonomy/esco-import/esco-csv';
import { OccupationSearch } from '../src/taxonomy/occupations/occupation-search';
import { loadKnownWords } from '../src/taxonomy/search/known-words';
import { CharNgramBaseline, PgTrgmBaseline } from './occupation-baselines';
import {
  buildEvalSets,
  buildFamilyDraws,
  buildFullIndexSets,
  EVAL_SETS,
  FAMILY_DRAW_SETS,
  EvalQuery,
  EvalSetName,
  FULL_INDEX_SETS,
  Split,
} from './occupation-eval-sets';

export const TYPED_TITLES = resolve(__dirname, '..', 'test', 'fixtures', 'occupation-titles', 'typed-titles.tsv');
/** The second, blind typed titles: confirm only, never given to tools/tune-occupations.ts. */
export const TYPED_TITLES_2 = resolve(__dirname, '..', 'test', 'fixtures', 'occupation-titles', 'typed-titles-2.tsv');
const LIMIT = 10;
/** The descriptions' share in the TF-IDF baseline with descriptions (its best on the tuning split). */
const DESCRIPTION_WEIGHT = 0.5;

interface Tally {
  n: number;
  top1: number;
  top5: number;
  reciprocal: number;
}

function score(ranked: readonly string[], right: ReadonlySet<string>, tally: Tally): void {
  const position = ranked.findIndex((code) => right.has(code));
  tally.n++;
  if (position === 0) tally.top1++;
  if (position >= 0 && position < 5) tally.top5++;
  if (position >= 0) tally.reciprocal += 1 / (position + 1);
}

const cell = (t: Tally): string =>
  t.n === 0
    ? '–'
    : `${((100 * t.top1) / t.n).toFixed(1)} / ${((100 * t.top5) / t.n).toFixed(1)} / ${(t.reciprocal / t.n).toFixed(3)}`;

interface System {
  name: string;
  rankAll: (queries: EvalQuery[]) => Promise<string[][]>;
}

/** Every system on one index, baselines first, in the same order on every index. */
async function systemsOn(
  indexed: readonly OccupationRecord[],
  groupLabels: ReadonlyMap<string, string>,
  database: string,
): Promise<{ systems: System[]; close: () => Promise<void> }> {
  const systems: System[] = [];
  const onlyOurs = process.env.EVAL_ONLY === 'ours';
  let pg: PgTrgmBaseline | undefined;
  if (!onlyOurs && process.env.DATABASE_URL) {
    pg = await PgTrgmBaseline.create(process.env.DATABASE_URL, indexed, database);
    const trgm = pg;
    systems.push({
      name: 'pg_trgm',
      rankAll: (qs) =>
        trgm.rankAll(
          qs.map((q) => q.query),
          LIMIT,
        ),
    });
  }
  if (!onlyOurs) {
    const tfidf = new CharNgramBaseline(indexed);
    const tfidfDescriptions = new CharNgramBaseline(indexed, DESCRIPTION_WEIGHT);
    systems.push({ name: 'TF-IDF', rankAll: (qs) => Promise.resolve(qs.map((q) => tfidf.rank(q.query, LIMIT))) });
    systems.push({
      name: 'TF-IDF + descr.',
      rankAll: (qs) => Promise.resolve(qs.map((q) => tfidfDescriptions.rank(q.query, LIMIT))),
    });
  }
  const ours = new OccupationSearch(
    indexed.map((o) => ({ ...o, iscoGroupLabel: groupLabels.get(o.iscoGroup) ?? '' })),
    { knownWords: loadKnownWords() },
  );
  systems.push({
    name: 'ours',
    rankAll: (qs) => Promise.resolve(qs.map((q) => ours.search(q.query, LIMIT).map((hit) => hit.code))),
  });
  return { systems, close: async () => pg?.close() };
}

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? '../shared/data/esco-v1.1.1');
  const started = Date.now();
  const sets = await buildEvalSets(folder, TYPED_TITLES);
  const { indexed, iscoGroups, queries } = sets;
  const full = await buildFullIndexSets(folder, TYPED_TITLES_2);
  const familyDraws = await buildFamilyDraws(folder, TYPED_TITLES, sets.familyCodes);
  const groupLabels = new Map(iscoGroups.map((group) => [group.code, group.label]));

  const tallies = new Map<string, Tally[]>();
  let systemNames: string[] = [];
  const tallyOf = (key: string): Tally[] => {
    let row = tallies.get(key);
    if (!row) tallies.set(key, (row = systemNames.map(() => ({ n: 0, top1: 0, top5: 0, reciprocal: 0 }))));
    return row;
  };
  const misses: string[] = [];
  const wanted = Number(process.env.EVAL_SHOW_MISSES ?? 0);
  // The held-out sets on the index they were held out of; the second typed titles on the full index;
  // each further family draw on its own.
  for (const [index, asked, database] of [
    [indexed, queries, 'eval_occupations'],
    [full.indexed, full.queries, 'eval_occupations_full'],
    ...familyDraws.map((draw, i) => [draw.indexed, draw.queries, `eval_occupations_family_${i + 1}`] as const),
  ] as const) {
    const { systems, close } = await systemsOn(index, groupLabels, database);
    systemNames = systems.map((system) => system.name);
    for (const [s, system] of systems.entries()) {
      const ranked = await system.rankAll(asked);
      asked.forEach((query, i) => {
        for (const key of [`${query.split}|${query.set}|all`, `${query.split}|${query.set}|${query.kind}`])
          score(ranked[i], query.right, tallyOf(key)[s]);
        if (
          system.name === 'ours' &&
          query.split === 'tune' &&
          misses.length < wanted &&
          !query.right.has(ranked[i][0])
        )
          misses.push(
            `${query.set}/${query.kind}: "${query.query}" → ${ranked[i].slice(0, 3).join(', ')}; wanted ${[...query.right].slice(0, 3).join(', ')}`,
          );
      });
    }
    await close();
  }

  const splits: Split[] = process.env.EVAL_SPLIT === 'tune' ? ['tune'] : ['tune', 'confirm'];
  const lines = [
    `ESCO ${folder}: ${indexed.length} occupations indexed (${sets.removedOccupations} removed whole for the family hold-out, ${sets.removedLabels} labels removed for the synonym hold-out); ${queries.length} queries; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    `Sets ${Object.keys(FULL_INDEX_SETS).join(' and ')}: ${full.queries.length} queries on a full index of ${full.indexed.length} occupations (all labels, nothing held out), confirm split only.`,
    `Set ${Object.keys(FAMILY_DRAW_SETS).join(', ')}: ${familyDraws.reduce((n, draw) => n + draw.queries.length, 0)} queries of ${familyDraws.length} further family draws (${familyDraws.map((draw) => full.indexed.length - draw.indexed.length).join(', ')} occupations removed, each draw on its own index; none removed in the first family hold-out), split by ISCO group.`,
    'Cells: top-1 % / top-5 % / MRR (over the top 10).',
  ];
  for (const split of splits) {
    lines.push('', `### ${split === 'tune' ? 'Tuning split' : 'Confirm split (never tuned on)'}`, '');
    lines.push(`| set | kind | n | ${systemNames.join(' | ')} |`);
    lines.push(`| --- | --- | ---: | ${systemNames.map(() => '---:').join(' | ')} |`);
    for (const set of [
      ...Object.keys(EVAL_SETS),
      ...Object.keys(FULL_INDEX_SETS),
      ...Object.keys(FAMILY_DRAW_SETS),
    ] as EvalSetName[]) {
      const keys = [...tallies.keys()].filter((key) => key.startsWith(`${split}|${set}|`));
      const kinds = keys
        .map((key) => key.split('|')[2])
        .filter((kind) => kind !== 'all')
        .sort();
      for (const kind of ['all', ...kinds]) {
        const row = tallies.get(`${split}|${set}|${kind}`);
        if (!row) continue;
        const label = kind === 'all' ? `**${set}**` : set;
        lines.push(`| ${label} | ${kind === 'all' ? '**all**' : kind} | ${row[0].n} | ${row.map(cell).join(' | ')} |`);
      }
    }
  }
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  if (process.env.EVAL_OUT) writeFileSync(process.env.EVAL_OUT, text);
  if (misses.length > 0) process.stdout.write(`\n${misses.join('\n')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
