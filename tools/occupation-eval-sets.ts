/**
 * The held-out query sets of `npm run eval:occupations`, built from an ESCO release and the
 * hand-written typed titles. One index serves the first sets: the occupations of the family
 * hold-out and the near-identical label groups of the synonym hold-out are removed from it before
 * anything is queried, and the typed titles' occupations are never removed. Each query is in the
 * tuning or the confirm split by the occupation it asks about, so the two splits ask about no
 * occupation in common (a family query's right answers, its group's other occupations, can be
 * asked about in the other split). The further family draws (family-2) each have an index of their
 * own and are split by ISCO group, so their two splits share no group at all.
 *
 * The second typed set (typed-titles-2.tsv, written blind by someone who had not seen the search
 * or its lexicon) is queried on its own full index instead, every occupation with all its labels,
 * as the service has it, and only ever in the confirm split: nothing is tuned on it.
 */
import { readFileSync } from 'node:fs';
import {
  IscoGroupRecord,
  OccupationRecord,
  readIscoGroups,
  readOccupations,
} from '../src/taxonomy/esco-import/esco-csv';
import { contentTokens, termOf } from '../src/taxonomy/search/dutch-text';
import { trigrams } from '../src/taxonomy/search/fuzzy';
import { LabelIndex } from '../src/taxonomy/search/label-index';
import { MISSPELLING_RULES, misspell, pick, seededRandom, withNoise } from './occupation-variants';

export type HeldOutSetName = 'typed' | 'typed-noisy' | 'family' | 'synonym' | 'misspelt' | 'synonym-noisy';
export type FullIndexSetName = 'typed-2' | 'typed-2-noisy';
export type FamilyDrawSetName = 'family-2';
export type EvalSetName = HeldOutSetName | FullIndexSetName | FamilyDrawSetName;
export type Split = 'tune' | 'confirm';

/** The sets queried on the held-out index, in both splits: the ones tuning may look at. */
export const EVAL_SETS: Record<HeldOutSetName, string> = {
  typed: 'typed titles (hand-written, real Dutch forms)',
  'typed-noisy': 'typed titles inside vacancy-text noise',
  family: 'family hold-out (occupation removed; right = its ISCO group)',
  synonym: 'synonym hold-out (label and its near-identical siblings removed)',
  misspelt: 'synonym hold-out misspelt by rule',
  'synonym-noisy': 'synonym hold-out inside vacancy-text noise',
};

/** The confirm-only sets, queried on the full index: never tuned on, so never in the tuning split. */
export const FULL_INDEX_SETS: Record<FullIndexSetName, string> = {
  'typed-2': 'second typed titles (written blind, full index, confirm only)',
  'typed-2-noisy': 'second typed titles inside vacancy-text noise (full index, confirm only)',
};

/** The family hold-out of further draws, each on an index of its own, in both splits. */
export const FAMILY_DRAW_SETS: Record<FamilyDrawSetName, string> = {
  'family-2': 'further family hold-outs (other occupations removed, each draw on its own index)',
};

export interface EvalQuery {
  set: EvalSetName;
  kind: string;
  query: string;
  /** Codes of the occupations that are a right answer. */
  right: ReadonlySet<string>;
  split: Split;
}

export interface TypedTitle {
  title: string;
  codes: string[];
  kind: string;
}

export function readTypedTitles(path: string): TypedTitle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [title, codes, kind] = line.split('\t');
      return { title, codes: codes.split(','), kind };
    });
}

/** FNV-1a: a stable split by occupation code, the same on every machine. */
export function splitOf(code: string): Split {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 2 === 0 ? 'tune' : 'confirm';
}

const keyOf = (label: string): string => contentTokens(label, false).join(' ');

/** Labels an index would find from each other anyway: a shared long word (after stemming) or most trigrams. */
export function nearIdentical(a: string, b: string): boolean {
  const termsA = new Set(
    contentTokens(a, false)
      .filter((t) => t.length >= 5)
      .map(termOf),
  );
  if (contentTokens(b, false).some((t) => t.length >= 5 && termsA.has(termOf(t)))) return true;
  const gramsA = new Set(trigrams(keyOf(a)));
  const gramsB = new Set(trigrams(keyOf(b)));
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return (2 * shared) / (gramsA.size + gramsB.size || 1) >= 0.5;
}

export interface EvalSets {
  indexed: OccupationRecord[];
  iscoGroups: IscoGroupRecord[];
  queries: EvalQuery[];
  removedOccupations: number;
  removedLabels: number;
  /** The occupations of the family hold-out (removed from `indexed`). */
  familyCodes: ReadonlySet<string>;
}

function groupsOf(occupations: readonly OccupationRecord[]): Map<string, OccupationRecord[]> {
  const byGroup = new Map<string, OccupationRecord[]>();
  for (const occupation of occupations)
    byGroup.set(occupation.iscoGroup, [...(byGroup.get(occupation.iscoGroup) ?? []), occupation]);
  return byGroup;
}

/**
 * About one occupation in twelve of those `eligible`, removed whole where its ISCO group keeps at
 * least two others.
 */
function drawFamily(
  occupations: readonly OccupationRecord[],
  byGroup: ReadonlyMap<string, OccupationRecord[]>,
  eligible: (occupation: OccupationRecord) => boolean,
  random: () => number,
): Set<string> {
  const family = new Set<string>();
  for (const occupation of occupations) {
    if (!eligible(occupation) || random() >= 1 / 12) continue;
    const group = byGroup.get(occupation.iscoGroup)!;
    const remaining = group.filter((o) => o.code !== occupation.code && !family.has(o.code));
    if (remaining.length >= 2) family.add(occupation.code);
  }
  return family;
}

/** Per label key, what `ownerOf` says of each occupation that has it (its code, its ISCO group). */
function byLabelKey(
  occupations: readonly OccupationRecord[],
  ownerOf: (occupation: OccupationRecord) => string,
): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const occupation of occupations)
    for (const label of [occupation.preferredLabel, ...occupation.altLabels]) {
      const key = keyOf(label);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(ownerOf(occupation));
    }
  return owners;
}

/** Per label key, the ISCO groups of the occupations that have it. */
const groupsByKey = (occupations: readonly OccupationRecord[]): Map<string, Set<string>> =>
  byLabelKey(occupations, (occupation) => occupation.iscoGroup);

/**
 * The preferred and two alternative labels of each removed occupation; right is any occupation of
 * its ISCO group still indexed.
 */
function familyQueries(
  occupations: readonly OccupationRecord[],
  byGroup: ReadonlyMap<string, OccupationRecord[]>,
  family: ReadonlySet<string>,
  indexedKeys: ReadonlyMap<string, Set<string>>,
  random: () => number,
  set: 'family' | 'family-2',
  splitFor: (occupation: OccupationRecord) => Split,
): EvalQuery[] {
  // A label two removed occupations of different groups share is as ambiguous as one an indexed
  // occupation of another group has.
  const removedKeys = groupsByKey(occupations.filter((o) => family.has(o.code)));
  const queries: EvalQuery[] = [];
  for (const occupation of occupations) {
    if (!family.has(occupation.code)) continue;
    const right = new Set(
      byGroup
        .get(occupation.iscoGroup)!
        .filter((o) => !family.has(o.code))
        .map((o) => o.code),
    );
    const alternatives = [...occupation.altLabels].sort(() => random() - 0.5).slice(0, 2);
    for (const [kind, label] of [
      ['preferred label', occupation.preferredLabel],
      ...alternatives.map((label) => ['alternative label', label]),
    ] as const) {
      // A label that another group's occupation still has is ambiguous, not a test of the search.
      const groups = [...(indexedKeys.get(keyOf(label)) ?? []), ...(removedKeys.get(keyOf(label)) ?? [])];
      if (groups.some((group) => group !== occupation.iscoGroup)) continue;
      queries.push({ set, kind, query: label, right, split: splitFor(occupation) });
    }
  }
  return queries;
}

export async function buildEvalSets(folder: string, typedTitlesPath: string, seed = 42): Promise<EvalSets> {
  const iscoGroups = await readIscoGroups(folder);
  const occupations = await readOccupations(folder);
  const typed = readTypedTitles(typedTitlesPath);
  const random = seededRandom(seed);
  const known = new Set(occupations.map((o) => o.code));
  for (const title of typed)
    for (const code of title.codes) if (!known.has(code)) throw new Error(`${typedTitlesPath}: unknown code ${code}`);
  const protectedCodes = new Set(typed.flatMap((title) => title.codes));

  const owners = byLabelKey(occupations, (occupation) => occupation.code);

  // Family hold-out: about one occupation in twelve goes, whole, where its ISCO group keeps others.
  const byGroup = groupsOf(occupations);
  const family = drawFamily(occupations, byGroup, (o) => !protectedCodes.has(o.code), random);

  // Synonym hold-out: one alternative label of about a third of the others, with every label of
  // that occupation near-identical to it, so the index cannot answer by a sibling spelling.
  const removedLabels = new Map<string, Set<string>>();
  const synonyms = new Map<string, string>();
  for (const occupation of occupations) {
    if (family.has(occupation.code) || protectedCodes.has(occupation.code) || occupation.altLabels.length < 2) continue;
    if (random() >= 1 / 3) continue;
    const candidates = occupation.altLabels.filter(
      (label) => owners.get(keyOf(label))!.size === 1 && keyOf(label) !== '',
    );
    if (candidates.length === 0) continue;
    const heldOut = pick(random, candidates);
    const removed = new Set(
      [occupation.preferredLabel, ...occupation.altLabels].filter((label) => nearIdentical(heldOut, label)),
    );
    removed.add(heldOut);
    const left = [occupation.preferredLabel, ...occupation.altLabels].filter((label) => !removed.has(label));
    if (left.length === 0) continue;
    removedLabels.set(occupation.code, removed);
    synonyms.set(occupation.code, heldOut);
  }

  const indexed: OccupationRecord[] = [];
  for (const occupation of occupations) {
    if (family.has(occupation.code)) continue;
    const removed = removedLabels.get(occupation.code);
    if (!removed) {
      indexed.push(occupation);
      continue;
    }
    const left = [occupation.preferredLabel, ...occupation.altLabels].filter((label) => !removed.has(label));
    indexed.push({ ...occupation, preferredLabel: left[0], altLabels: left.slice(1) });
  }
  const indexedKeys = groupsByKey(indexed);

  const queries: EvalQuery[] = [];
  for (const title of typed) {
    const split = splitOf(title.codes[0]);
    const right = new Set(title.codes);
    queries.push({ set: 'typed', kind: title.kind, query: title.title, right, split });
    queries.push({ set: 'typed-noisy', kind: title.kind, query: withNoise(title.title, random), right, split });
  }
  queries.push(
    ...familyQueries(occupations, byGroup, family, indexedKeys, random, 'family', (occupation) =>
      splitOf(occupation.code),
    ),
  );
  const splitter = new LabelIndex(
    indexed.map((o) => ({
      labels: [o.preferredLabel, ...o.altLabels].map((text) => ({ text, kind: 'alternative' as const })),
    })),
  );
  for (const [code, label] of synonyms) {
    const right = new Set([code]);
    const split = splitOf(code);
    queries.push({ set: 'synonym', kind: 'held-out label', query: label, right, split });
    queries.push({ set: 'synonym-noisy', kind: 'held-out label', query: withNoise(label, random), right, split });
    const applicable = MISSPELLING_RULES.map(
      (rule) => [rule, misspell(rule, label, random, (w) => splitter.splitCompound(w))] as const,
    ).filter(([, query]) => query !== undefined && query !== label.toLowerCase());
    for (const [rule, query] of applicable.sort(() => random() - 0.5).slice(0, 2))
      queries.push({ set: 'misspelt', kind: rule, query: query!, right, split });
  }
  return {
    indexed,
    iscoGroups,
    queries,
    removedOccupations: family.size,
    removedLabels: [...removedLabels.values()].reduce((sum, labels) => sum + labels.size, 0),
    familyCodes: family,
  };
}

export interface FullIndexSets {
  indexed: OccupationRecord[];
  queries: EvalQuery[];
}

/**
 * The second typed titles against every occupation with all its labels. Its noise has a random
 * stream of its own, so adding it changes no draw of the held-out sets.
 */
export async function buildFullIndexSets(folder: string, typedTitlesPath: string, seed = 42): Promise<FullIndexSets> {
  const occupations = await readOccupations(folder);
  const known = new Set(occupations.map((o) => o.code));
  const random = seededRandom(seed);
  const queries: EvalQuery[] = [];
  for (const title of readTypedTitles(typedTitlesPath)) {
    for (const code of title.codes) if (!known.has(code)) throw new Error(`${typedTitlesPath}: unknown code ${code}`);
    const right = new Set(title.codes);
    queries.push({ set: 'typed-2', kind: title.kind, query: title.title, right, split: 'confirm' });
    queries.push({
      set: 'typed-2-noisy',
      kind: title.kind,
      query: withNoise(title.title, random),
      right,
      split: 'confirm',
    });
  }
  return { indexed: occupations, queries };
}

/** One further family draw: its own index, and the labels of the occupations it lacks. */
export interface FamilyDraw {
  indexed: OccupationRecord[];
  queries: EvalQuery[];
}

/**
 * Further family hold-outs, so that a family margin of a few points can be told from noise and the
 * tuning sees more than 100 removed occupations (the first hold-out asks 572 queries of 220
 * occupations, half of them in each split). Each draw removes about one occupation in twelve from
 * its own index, every other occupation with all its labels; no draw removes an occupation of the
 * first family hold-out, of an earlier draw, or of a typed title. Split by ISCO group, so that no
 * tuning query has a right answer in the confirm split's groups. A random stream of its own per
 * draw, so adding draws changes no draw of the other sets.
 */
export async function buildFamilyDraws(
  folder: string,
  typedTitlesPath: string,
  firstFamily: ReadonlySet<string>,
  draws = 6,
  seed = 42,
): Promise<FamilyDraw[]> {
  const occupations = await readOccupations(folder);
  const protectedCodes = new Set(readTypedTitles(typedTitlesPath).flatMap((title) => title.codes));
  const byGroup = groupsOf(occupations);
  const taken = new Set(firstFamily);
  const result: FamilyDraw[] = [];
  for (let draw = 0; draw < draws; draw++) {
    const random = seededRandom(seed + 1000 + draw);
    const family = drawFamily(occupations, byGroup, (o) => !protectedCodes.has(o.code) && !taken.has(o.code), random);
    for (const code of family) taken.add(code);
    const indexed = occupations.filter((o) => !family.has(o.code));
    const queries = familyQueries(
      occupations,
      byGroup,
      family,
      groupsByKey(indexed),
      random,
      'family-2',
      (occupation) => splitOf(occupation.iscoGroup),
    );
    result.push({ indexed, queries });
  }
  return result;
}
