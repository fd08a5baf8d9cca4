/**
 * `npm run eval:occupations [folder]`: how well the occupation search finds titles it has not seen.
 * For every occupation with at least two alternative labels, one alternative label that no other
 * occupation uses is held out: it is removed from the index, then queried as is and in the
 * variations people type (typos, noise words, split/joined compounds, plurals, spelling).
 * Prints top-1 and top-5 overall and per kind. Reads the CSVs directly; no database needed.
 */
import { resolve } from 'node:path';
import { readOccupations } from '../src/taxonomy/esco-import/esco-csv';
import { OccupationSearch } from '../src/taxonomy/occupations/occupation-search';
import { contentTokens } from '../src/taxonomy/search/dutch-text';
import { LabelIndex } from '../src/taxonomy/search/label-index';
import { makeVariant, seededRandom, VARIANT_KINDS, VariantKind } from './occupation-variants';

export interface HeldOutQuery {
  kind: VariantKind;
  query: string;
  expectedUri: string;
}

export async function buildHeldOutSet(folder: string, seed = 42) {
  const occupations = await readOccupations(folder);
  const random = seededRandom(seed);
  const keyOf = (label: string): string => contentTokens(label, false).join(' ');
  const owners = new Map<string, Set<string>>();
  for (const occupation of occupations)
    for (const label of [occupation.preferredLabel, ...occupation.altLabels]) {
      const key = keyOf(label);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(occupation.uri);
    }
  const heldOut = new Map<string, string>();
  for (const occupation of occupations) {
    if (occupation.altLabels.length < 2) continue;
    const candidates = occupation.altLabels.filter((label) => owners.get(keyOf(label))!.size === 1);
    if (candidates.length === 0) continue;
    heldOut.set(occupation.uri, candidates[Math.floor(random() * candidates.length)]);
  }
  const indexed = occupations.map((occupation) => {
    const removed = heldOut.get(occupation.uri);
    // Removed by normalised text, so no spelling of the held-out label stays in the index.
    return removed === undefined
      ? occupation
      : { ...occupation, altLabels: occupation.altLabels.filter((label) => keyOf(label) !== keyOf(removed)) };
  });
  const splitter = new LabelIndex(
    indexed.map((o) => ({
      labels: [
        { text: o.preferredLabel, kind: 'preferred' as const },
        ...o.altLabels.map((text) => ({ text, kind: 'alternative' as const })),
      ],
    })),
  );
  const queries: HeldOutQuery[] = [];
  for (const kind of VARIANT_KINDS)
    for (const [uri, label] of heldOut) {
      const query = makeVariant(kind, label, random, (word) => splitter.splitCompound(word));
      if (query !== undefined) queries.push({ kind, query, expectedUri: uri });
    }
  return { indexed, queries, heldOutCount: heldOut.size };
}

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? '../shared/data/esco-v1.1.1');
  const { indexed, queries, heldOutCount } = await buildHeldOutSet(folder);
  const search = new OccupationSearch(indexed);
  const tally = new Map<string, { total: number; top1: number; top5: number }>();
  const misses: string[] = [];
  for (const { kind, query, expectedUri } of queries) {
    const hits = search.search(query, 5);
    const position = hits.findIndex((hit) => hit.uri === expectedUri);
    for (const key of ['overall', kind]) {
      const row = tally.get(key) ?? { total: 0, top1: 0, top5: 0 };
      row.total++;
      if (position === 0) row.top1++;
      if (position >= 0) row.top5++;
      tally.set(key, row);
    }
    if (position !== 0 && process.env.EVAL_SHOW_MISSES && misses.length < Number(process.env.EVAL_SHOW_MISSES))
      misses.push(
        `${kind}: "${query}" → ${hits[0]?.label ?? '(none)'} [${hits[0]?.matchedLabel ?? ''}]; wanted ${indexed.find((o) => o.uri === expectedUri)!.preferredLabel} (at ${position})`,
      );
  }
  const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
  const lines = [
    `Held-out occupation titles: ${heldOutCount} labels removed from the index, ${queries.length} queries`,
    '',
    '| kind | queries | top-1 | top-5 |',
    '| --- | ---: | ---: | ---: |',
    ...[...tally.entries()].map(
      ([kind, row]) => `| ${kind} | ${row.total} | ${percent(row.top1, row.total)} | ${percent(row.top5, row.total)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (misses.length > 0) process.stdout.write(`\n${misses.join('\n')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
