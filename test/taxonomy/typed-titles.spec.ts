/**
 * The hand-written typed titles of `npm run eval:occupations` against the real ESCO release: a
 * typo in a code or a column would silently turn a right answer into a miss (or drop a title), and
 * the second set is only worth something while it stays independent of the first and confirm-only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OccupationRecord, readOccupations } from '../../src/taxonomy/esco-import/esco-csv';
import { TYPED_TITLES, TYPED_TITLES_2 } from '../../tools/eval-occupations';
import { buildFullIndexSets, readTypedTitles } from '../../tools/occupation-eval-sets';

const ESCO_FOLDER = join(__dirname, '..', '..', '..', 'shared', 'data', 'esco-v1.1.1');
const KINDS_2 = ['listed', 'informal', 'regional', 'old', 'gendered', 'misspelt', 'loanword', 'compound', 'level'];

interface Row {
  line: number;
  columns: string[];
}

function rowsOf(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, columns: text.split('\t') }))
    .filter(({ columns }) => columns.join('\t').trim() !== '' && !columns[0].startsWith('#'));
}

/** Case, spacing, hyphens and apostrophes aside: "chef kok", "chef-kok" and "Chef Kok" are one title. */
const squashed = (title: string): string => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const spaced = (title: string): string => title.toLowerCase().replace(/\s+/g, ' ').trim();

let occupations: Map<string, OccupationRecord>;

beforeAll(async () => {
  occupations = new Map((await readOccupations(ESCO_FOLDER)).map((o) => [o.code, o]));
});

describe.each([
  ['typed-titles.tsv', TYPED_TITLES],
  ['typed-titles-2.tsv', TYPED_TITLES_2],
])('%s', (_name, path) => {
  it('has four columns, every code a real ESCO v1.1.1 occupation, and the preferred labels of those codes', () => {
    const problems: string[] = [];
    for (const { line, columns } of rowsOf(path)) {
      const [title, codes, kind, labels] = columns;
      if (columns.length !== 4) problems.push(`line ${line}: ${columns.length} columns`);
      else if (title.trim() !== title || title === '' || kind === '') problems.push(`line ${line}: empty or padded`);
      else {
        const records = codes.split(',').map((code) => occupations.get(code));
        if (records.some((record) => record === undefined)) problems.push(`line ${line}: unknown code in ${codes}`);
        else if (records.map((record) => record!.preferredLabel).join(' | ') !== labels)
          problems.push(`line ${line}: labels "${labels}" are not those of ${codes}`);
        if (new Set(codes.split(',')).size !== codes.split(',').length) problems.push(`line ${line}: code twice`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads back through the eval with every title once', () => {
    const titles = readTypedTitles(path).map((t) => spaced(t.title));
    expect(titles.length).toBe(rowsOf(path).length);
    expect(titles.filter((title, i) => titles.indexOf(title) !== i)).toEqual([]);
  });
});

describe('typed-titles-2.tsv', () => {
  const second = readTypedTitles(TYPED_TITLES_2);

  it('shares no title with typed-titles.tsv, not even in another spelling of spaces or hyphens', () => {
    const first = new Set(readTypedTitles(TYPED_TITLES).map((t) => squashed(t.title)));
    expect(second.filter((t) => first.has(squashed(t.title))).map((t) => t.title)).toEqual([]);
  });

  it('is 400–500 titles over at least 150 occupations, with its own kinds', () => {
    expect(second.length).toBeGreaterThanOrEqual(400);
    expect(second.length).toBeLessThanOrEqual(500);
    expect(new Set(second.map((t) => t.codes[0])).size).toBeGreaterThanOrEqual(150);
    expect(second.filter((t) => !KINDS_2.includes(t.kind)).map((t) => `${t.title}: ${t.kind}`)).toEqual([]);
  });

  it('calls a title "listed" exactly when it is an ESCO label of one of its codes, and keeps those at most 15 %', () => {
    const isLabel = (title: string, codes: string[]): boolean =>
      codes.some((code) => {
        const o = occupations.get(code)!;
        return [o.preferredLabel, ...o.altLabels].some((label) => spaced(label) === spaced(title));
      });
    expect(second.filter((t) => (t.kind === 'listed') !== isLabel(t.title, t.codes)).map((t) => t.title)).toEqual([]);
    expect(second.filter((t) => t.kind === 'listed').length / second.length).toBeLessThanOrEqual(0.15);
  });

  it('is asked of the full index, every occupation with all its labels, in the confirm split only', async () => {
    const sets = await buildFullIndexSets(ESCO_FOLDER, TYPED_TITLES_2);
    expect(sets.indexed.length).toBe(occupations.size);
    expect(sets.queries.length).toBe(2 * second.length);
    expect(new Set(sets.queries.map((q) => q.split))).toEqual(new Set(['confirm']));
    expect(new Set(sets.queries.map((q) => q.set))).toEqual(new Set(['typed-2', 'typed-2-noisy']));
  });
});
