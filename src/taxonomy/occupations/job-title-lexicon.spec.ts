import { join } from 'node:path';
import { readOccupations } from '@taxonomy/esco-import/esco-csv';
import { contentTokens, termOf } from '@taxonomy/search/dutch-text';
import { loadKnownWords } from '@taxonomy/search/known-words';
import { LabelIndex } from '@taxonomy/search/label-index';
import { QueryExpander, lexiconWord } from '@taxonomy/search/query-expansion';
import { JOB_TITLE_LEXICON } from './job-title-lexicon';
import { OccupationSearch } from './occupation-search';

/** The real ESCO release next to the repository (never copied into it). */
const ESCO_FOLDER = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'esco-v1.1.1');

/**
 * The lexicon's honesty, against the real ESCO labels: a key ESCO used would change what an ESCO
 * label means and would help the eval's ESCO-made hold-out sets, whose queries are ESCO labels.
 */
describe('JOB_TITLE_LEXICON against the ESCO Dutch labels', () => {
  let labels: string[][];
  /** Index terms (stemmed, spelling-folded) of every label word and of every compound part of one. */
  let escoTerms: Set<string>;

  beforeAll(async () => {
    const occupations = await readOccupations(ESCO_FOLDER);
    labels = occupations.flatMap((o) => [o.preferredLabel, ...o.altLabels]).map((label) => contentTokens(label, false));
    const splitter = new LabelIndex(
      occupations.map((o) => ({
        labels: [o.preferredLabel, ...o.altLabels].map((text) => ({ text, kind: 'alternative' as const })),
      })),
    );
    escoTerms = new Set(
      labels.flat().flatMap((token) => [token, ...splitter.splitCompound(token)].map((word) => termOf(word))),
    );
  }, 60_000);

  it('reads the ESCO file (a guard against an empty check)', () => {
    expect(labels.length).toBeGreaterThan(20_000);
    expect(escoTerms.has(termOf('stukadoor'))).toBe(true);
  });

  it('has several hundred entries, each key written as the search folds it', () => {
    expect(JOB_TITLE_LEXICON.size).toBeGreaterThanOrEqual(300);
    const unfolded = [...JOB_TITLE_LEXICON.keys()]
      .map(lexiconWord)
      .filter((word) => contentTokens(word, false).join(' ') !== word);
    expect(unfolded).toEqual([]);
  });

  it('has no key that an ESCO label uses, as a word or a compound part, after stemming', () => {
    const used = [...JOB_TITLE_LEXICON.keys()].filter((key) => {
      const word = lexiconWord(key);
      const words = word.split(' ');
      if (words.length === 1) return escoTerms.has(termOf(word));
      const phrase = words.map((word) => termOf(word)).join(' ');
      return labels.some((label) => ` ${label.map((token) => termOf(token)).join(' ')} `.includes(` ${phrase} `));
    });
    expect(used).toEqual([]);
  });

  it('has only counterparts whose every word an ESCO label uses', () => {
    const unknown = [...JOB_TITLE_LEXICON].flatMap(([key, counterparts]) =>
      counterparts
        .filter((counterpart) => contentTokens(counterpart, false).some((word) => !escoTerms.has(termOf(word))))
        .map((counterpart) => `${key} → ${counterpart}`),
    );
    expect(unknown).toEqual([]);
  });

  it('rewrites no ESCO label: a label word never holds a key as its head or modifier', () => {
    const expander = new QueryExpander(JOB_TITLE_LEXICON);
    const rewritten = labels
      .filter((tokens) => expander.alternatives(tokens).length > 0)
      .map((tokens) => `${tokens.join(' ')} → ${expander.alternatives(tokens)[0].join(' ')}`);
    expect(rewritten).toEqual([]);
  });

  /**
   * Entries that read a word as the wrong job, on the real ESCO index: an arbeidsdeskundige (UWV's
   * labour expert: work capacity, re-integration) is no arbeidsbemiddelaar, and "gym" is also the
   * fitness centre ("medewerker gym"), not only the school's lichamelijke opvoeding.
   */
  describe('reads a word as the job it names, on the real ESCO index', () => {
    let first: (query: string) => string | undefined;
    beforeAll(async () => {
      const occupations = await readOccupations(ESCO_FOLDER);
      const search = new OccupationSearch(
        occupations.map((o) => ({ ...o, iscoGroupLabel: '' })),
        { knownWords: loadKnownWords() },
      );
      first = (query) => search.search(query, 1)[0]?.code;
    }, 60_000);

    it('an arbeidsdeskundige is a re-integratiedeskundige', () => {
      expect(first('arbeidsdeskundige')).toBe('2635.3.11');
    });

    it('a gym instructeur is a fitnessinstructeur, while a gymjuf stays a teacher of lichamelijke opvoeding', () => {
      expect(first('gym instructeur')).toBe('3423.2');
      expect(first('medewerker gym')).toBe('3423.2.1');
      expect(first('gymjuf')).toMatch(/^23(20|30|41)\./); // a teacher, of whichever school
    });
  });
});
