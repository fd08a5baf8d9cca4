/**
 * `npx tsx tools/tune-occupations.ts [folder]`: the shares of the occupation search's signals
 * (SignalWeights), chosen on the tuning half of every set of `npm run eval:occupations` together
 * (each set counts alike: the mean over sets of top-1 and top-5, or with TUNE_BASELINES the margins
 * over the best baseline; family and family-2 are two sets, so the family hold-out counts twice),
 * then shown on the confirm half, which the choice never saw. Each query's signals are computed
 * once; the grid only re-weighs them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  OccupationSearch,
  SignalWeights,
  SPREAD_POOL,
  spreadOverGroups,
} from '../src/taxonomy/occupations/occupation-search';
import { TYPED_TITLES } from './eval-occupations';
import { loadKnownWords } from '../src/taxonomy/search/known-words';
import { OccupationRecord } from '../src/taxonomy/esco-import/esco-csv';
import {
  buildEvalSets,
  buildFamilyDraws,
  EVAL_SETS,
  EvalQuery,
  EvalSetName,
  FAMILY_DRAW_SETS,
  Split,
} from './occupation-eval-sets';

interface Sparse {
  set: EvalSetName;
  split: Split;
  candidates: Int32Array;
  exact: Uint8Array;
  rank: Int32Array;
  /** The candidate's ISCO group (an index; see OccupationSearch.groupOf). */
  group: Int32Array;
  anyExact: boolean;
  right: Uint8Array;
  words: Float32Array;
  labelGrams: Float32Array;
  descriptionGrams: Float32Array;
  groupGrams: Float32Array;
  siblings: Float32Array;
  descriptionSiblings: Float32Array;
  groupDocument: Float32Array;
}

/**
 * Tried beside the search's own signals and left out of it, as they did not pay: the second-best
 * description in the group, the fourth power of the better label score, and a family's vote (the
 * weighed score of the best other candidate of the group, added; with the family draws in the
 * tuning, a grid with `familyVote` 0, 0.1 and 0.2 picked 0). The grid leaves them out (a point with
 * them would report numbers the search cannot give); TUNE_ALSO can still weigh them, e.g.
 * TUNE_GRID=none TUNE_ALSO='{"words":0.3,…,"spread":0.15,"familyVote":0.1}'.
 */
type Weights = SignalWeights & { descriptionSiblings?: number; strong?: number; familyVote?: number };

/** The best and second-best weighed score per ISCO group (scratch, for every group). */
const firstOfGroup = new Float32Array(1000);
const secondOfGroup = new Float32Array(1000);

/** Position (0-based) of the first right answer under these weights; 99 when there is none. */
function position(q: Sparse, w: Weights, scores: Float32Array): number {
  const m = q.candidates.length;
  let bestRight = -1;
  for (let j = 0; j < m; j++) {
    scores[j] =
      w.words * q.words[j] +
      w.labelGrams * q.labelGrams[j] +
      w.descriptionGrams * q.descriptionGrams[j] +
      w.groupGrams * q.groupGrams[j] +
      w.siblings * q.siblings[j] +
      w.groupDocument * q.groupDocument[j] +
      (w.descriptionSiblings ?? 0) * q.descriptionSiblings[j];
    if (w.strong) {
      const m = Math.max(q.words[j], q.labelGrams[j]);
      scores[j] += w.strong * m * m * m * m;
    }
  }
  if (w.familyVote) {
    // The weighed score of the best other candidate of the group, added (a family's vote).
    for (let j = 0; j < m; j++) firstOfGroup[q.group[j]] = secondOfGroup[q.group[j]] = 0;
    for (let j = 0; j < m; j++) {
      const g = q.group[j];
      if (scores[j] > firstOfGroup[g]) {
        secondOfGroup[g] = firstOfGroup[g];
        firstOfGroup[g] = scores[j];
      } else if (scores[j] > secondOfGroup[g]) secondOfGroup[g] = scores[j];
    }
    for (let j = 0; j < m; j++) {
      const g = q.group[j];
      scores[j] += w.familyVote * (scores[j] >= firstOfGroup[g] ? secondOfGroup[g] : firstOfGroup[g]);
    }
  }
  const better = (a: number, b: number): boolean =>
    q.exact[a] !== q.exact[b]
      ? q.exact[a] > q.exact[b]
      : q.exact[a] && q.rank[a] !== q.rank[b]
        ? q.rank[a] < q.rank[b]
        : scores[a] !== scores[b]
          ? scores[a] > scores[b]
          : q.rank[a] !== q.rank[b]
            ? q.rank[a] < q.rank[b]
            : q.candidates[a] < q.candidates[b];
  if (w.spread > 0 && !q.anyExact) {
    // The spread list as the search makes it, from the best SPREAD_POOL of the candidates in order.
    // Close, not exact: the candidates (the best 150 by each signal) can miss one of the search's
    // pool, so a set's numbers here can differ from the eval's by a tenth of a point or so.
    const top: number[] = [];
    for (let j = 0; j < m; j++) {
      if (scores[j] <= 0) continue;
      if (top.length === SPREAD_POOL && !better(j, top[SPREAD_POOL - 1])) continue;
      let at = top.length === SPREAD_POOL ? SPREAD_POOL - 1 : top.length;
      while (at > 0 && better(j, top[at - 1])) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = j;
    }
    const listed = spreadOverGroups(top, scores, q.group, w.spread, 10);
    const at = listed.findIndex(({ occupation: j }) => q.right[j] === 1);
    return at < 0 ? 99 : at;
  }
  for (let j = 0; j < m; j++) if (q.right[j] && scores[j] > 0 && (bestRight < 0 || better(j, bestRight))) bestRight = j;
  if (bestRight < 0) return 99;
  let ahead = 0;
  for (let j = 0; j < m && ahead < 10; j++) if (scores[j] > 0 && better(j, bestRight)) ahead++;
  return ahead >= 10 ? 99 : ahead;
}

function evaluate(
  queries: Sparse[],
  w: Weights,
  split: Split,
): Map<EvalSetName, { top1: number; top5: number; n: number }> {
  const scores = new Float32Array(4000);
  const result = new Map<EvalSetName, { top1: number; top5: number; n: number }>();
  for (const q of queries) {
    if (q.split !== split) continue;
    const p = position(q, w, scores);
    let t = result.get(q.set);
    if (!t) result.set(q.set, (t = { top1: 0, top5: 0, n: 0 }));
    t.n++;
    if (p === 0) t.top1++;
    if (p < 5) t.top5++;
  }
  return result;
}

/**
 * The best baseline's top-1 and top-5 per set on the tuning split, read from a table that
 * `npm run eval:occupations` wrote (TUNE_BASELINES=file): the goal is to beat both on every set,
 * so a grid point is judged by its margins over them (their mean plus the worst one), not by a
 * mean that the three synonym-like sets would dominate.
 */
function readBaselines(path: string | undefined): Map<string, { top1: number; top5: number }> | undefined {
  if (!path) return undefined;
  const text = readFileSync(path, 'utf8');
  const tuning = text.slice(0, text.indexOf('### Confirm'));
  const best = new Map<string, { top1: number; top5: number }>();
  for (const line of tuning.split('\n')) {
    const match = /^\| \*\*([\w-]+)\*\* \| \*\*all\*\* \| \d+ \| (.*) \|$/.exec(line);
    if (!match) continue;
    const cells = match[2].split(' | ').map((cell) => cell.split(' / ').map(Number));
    const baselines = cells.slice(0, -1);
    best.set(match[1], {
      top1: Math.max(...baselines.map((c) => c[0])),
      top5: Math.max(...baselines.map((c) => c[1])),
    });
  }
  return best;
}

const BASELINES = readBaselines(process.env.TUNE_BASELINES);

const objective = (r: Map<EvalSetName, { top1: number; top5: number; n: number }>): number => {
  if (!BASELINES) return [...r.values()].reduce((sum, t) => sum + (t.top1 + t.top5) / (2 * t.n), 0) / r.size;
  const margins = [...r.entries()].flatMap(([set, t]) => {
    const b = BASELINES.get(set);
    // A table from before a set existed has no baseline for it: that set does not count.
    return b ? [(100 * t.top1) / t.n - b.top1, (100 * t.top5) / t.n - b.top5] : [];
  });
  return margins.reduce((a, b) => a + b, 0) / margins.length + Math.min(...margins);
};

const show = (r: Map<EvalSetName, { top1: number; top5: number; n: number }>): string =>
  ([...Object.keys(EVAL_SETS), ...Object.keys(FAMILY_DRAW_SETS)] as EvalSetName[])
    .map((set) => {
      const t = r.get(set);
      return t ? `${set} ${((100 * t.top1) / t.n).toFixed(1)}/${((100 * t.top5) / t.n).toFixed(1)}` : `${set} –`;
    })
    .join('  ');

/** Each query's signals on its index, for the candidates a grid point ranks. */
function sparseOf(
  indexed: readonly OccupationRecord[],
  queries: readonly EvalQuery[],
  groupLabels: ReadonlyMap<string, string>,
  knownWords: ReadonlySet<string> | undefined,
): Sparse[] {
  const search = new OccupationSearch(
    indexed.map((o) => ({ ...o, iscoGroupLabel: groupLabels.get(o.iscoGroup) ?? '' })),
    {
      knownWords,
      labelPostingCap: process.env.TUNE_LABEL_CAP ? Number(process.env.TUNE_LABEL_CAP) : undefined,
      descriptionPostingCap: process.env.TUNE_DESCRIPTION_CAP ? Number(process.env.TUNE_DESCRIPTION_CAP) : undefined,
    },
  );
  return queries.map((query) => {
    const s0 = search.signals(query.query);
    // The best and second-best label-gram score in each ISCO group: a family of occupations that all
    // look like the query is stronger evidence than one lookalike.
    const first = new Float32Array(s0.groupGrams.length);
    const second = new Float32Array(s0.groupGrams.length);
    const firstD = new Float32Array(s0.groupGrams.length);
    const secondD = new Float32Array(s0.groupGrams.length);
    for (let i = 0; i < indexed.length; i++) {
      const d = s0.descriptionGrams[i];
      const gd = search.groupOf[i];
      if (d > firstD[gd]) {
        secondD[gd] = firstD[gd];
        firstD[gd] = d;
      } else if (d > secondD[gd]) secondD[gd] = d;
      const g = search.groupOf[i];
      const v = s0.labelGrams[i];
      if (v > first[g]) {
        second[g] = first[g];
        first[g] = v;
      } else if (v > second[g]) second[g] = v;
    }
    const s = s0;
    // As the search ranks them: 2 for an occupation the query names, 1 for a synonym's owner.
    const exact = new Map(s.exact.map(({ concept, named }) => [concept, named ? 2 : 1]));
    // Candidates: the best 150 by each signal (a grid point ranks from these only: close enough to tune).
    const keep = new Set<number>();
    const topBy = (value: (i: number) => number): void => {
      const all: number[] = [];
      for (let i = 0; i < indexed.length; i++) if (value(i) > 0) all.push(i);
      all.sort((a, b) => value(b) - value(a));
      for (const i of all.slice(0, 150)) keep.add(i);
    };
    topBy((i) => s.words.get(i)?.score ?? 0);
    topBy((i) => s.labelGrams[i]);
    topBy((i) => s.descriptionGrams[i]);
    topBy((i) => s.groupGrams[search.groupOf[i]] + 0.5 * s.labelGrams[i] + 0.5 * s.descriptionGrams[i]);
    topBy((i) => s.labelGrams[i] + s.descriptionGrams[i]);
    topBy((i) => s.groupDocuments[search.groupOf[i]] + s.labelGrams[i] + s.descriptionGrams[i]);
    for (const { concept } of s.exact) keep.add(concept);
    const candidates = [...keep];
    return {
      set: query.set,
      split: query.split,
      candidates: Int32Array.from(candidates),
      exact: Uint8Array.from(candidates, (i) => exact.get(i) ?? 0),
      rank: Int32Array.from(candidates, (i) => indexed[i].code.split('.').length),
      group: Int32Array.from(candidates, (i) => search.groupOf[i]),
      anyExact: s.exact.length > 0,
      right: Uint8Array.from(candidates, (i) => (query.right.has(indexed[i].code) ? 1 : 0)),
      words: Float32Array.from(candidates, (i) => s.words.get(i)?.score ?? 0),
      labelGrams: Float32Array.from(candidates, (i) => s.labelGrams[i]),
      descriptionGrams: Float32Array.from(candidates, (i) => s.descriptionGrams[i]),
      groupGrams: Float32Array.from(candidates, (i) => s.groupGrams[search.groupOf[i]]),
      groupDocument: Float32Array.from(candidates, (i) => s.groupDocuments[search.groupOf[i]]),
      siblings: Float32Array.from(candidates, (i) => {
        const g = search.groupOf[i];
        return s.labelGrams[i] >= first[g] ? second[g] : first[g];
      }),
      descriptionSiblings: Float32Array.from(candidates, (i) => {
        const g = search.groupOf[i];
        return s.descriptionGrams[i] >= firstD[g] ? secondD[g] : firstD[g];
      }),
    };
  });
}

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? '../shared/data/esco-v1.1.1');
  const { indexed, iscoGroups, queries, familyCodes } = await buildEvalSets(folder, TYPED_TITLES);
  const groupLabels = new Map(iscoGroups.map((group) => [group.code, group.label]));
  const knownWords = process.env.TUNE_NO_DICTIONARY ? undefined : loadKnownWords();
  // The held-out sets on their index, and each further family draw on its own.
  const sparse = [
    ...sparseOf(indexed, queries, groupLabels, knownWords),
    ...(await buildFamilyDraws(folder, TYPED_TITLES, familyCodes)).flatMap((draw) =>
      sparseOf(draw.indexed, draw.queries, groupLabels, knownWords),
    ),
  ];
  // Around the point tuned before the spread (words 0.3, descriptions 2, group label 0.1, siblings
  // 0.3, group document 1.5), with the spread of a list of guesses.
  const grid: Weights[] = [];
  for (const words of [0.2, 0.3])
    for (const descriptionGrams of [1.5, 2, 3])
      for (const groupGrams of [0.1, 0.3])
        for (const siblings of [0.3, 0.5])
          for (const groupDocument of [1, 1.5, 2])
            for (const spread of [0, 0.15, 0.3])
              grid.push({
                words,
                labelGrams: 1 - words,
                descriptionGrams,
                groupGrams,
                siblings,
                groupDocument,
                spread,
              });
  // TUNE_GRID=none: only the weights given in TUNE_ALSO (e.g. to measure a change to a signal).
  if (process.env.TUNE_GRID === 'none') grid.length = 0;
  const results = grid.map((w) => ({ w, tune: evaluate(sparse, w, 'tune') }));
  results.sort((a, b) => objective(b.tune) - objective(a.tune));
  for (const { w, tune } of results.slice(0, Number(process.env.TUNE_SHOW ?? 8))) {
    const confirm = evaluate(sparse, w, 'confirm');
    process.stdout.write(
      `${JSON.stringify(w)}\n  tune    ${objective(tune).toFixed(2)}  ${show(tune)}\n  confirm ${objective(confirm).toFixed(2)}  ${show(confirm)}\n`,
    );
  }
  for (const named of (process.env.TUNE_ALSO ?? '').split(';').filter(Boolean)) {
    const w = JSON.parse(named) as Weights;
    const tune = evaluate(sparse, w, 'tune');
    const confirm = evaluate(sparse, w, 'confirm');
    process.stdout.write(
      `${JSON.stringify(w)}\n  tune    ${objective(tune).toFixed(2)}  ${show(tune)}\n  confirm ${objective(confirm).toFixed(2)}  ${show(confirm)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
