import { QueryExpander, lexiconWord } from './query-expansion';

describe('QueryExpander', () => {
  const expander = new QueryExpander(
    new Map<string, readonly string[]>([
      ['plafonneur', ['stukadoor']],
      ['commis', ['kok']],
      ['kuis-', ['poets']],
      ['-zuster', ['verpleegkundige']],
      ['coiffeur', ['kapper']],
      ['juf', ['leerkracht', 'onderwijzer']],
      ['social worker', ['maatschappelijk werker']],
    ]),
  );

  it('reads a whole lexicon word as its counterpart, the other words as typed', () => {
    expect(expander.alternatives(['plafonneur', 'utrecht'])).toEqual([['stukadoor', 'utrecht']]);
  });

  it('has no alternative when no word is in the lexicon', () => {
    expect(expander.alternatives(['stukadoor'])).toEqual([]);
  });

  it('never reads a word hidden inside a longer one ("commis" in "commissaris")', () => {
    expect(expander.alternatives(['commissaris'])).toEqual([]);
  });

  it('reads a compound part only where the lexicon says it may be one', () => {
    expect(expander.alternatives(['kuisploeg'])).toEqual([['poetsploeg']]);
    expect(expander.alternatives(['wijkzuster'])).toEqual([['wijkverpleegkundige']]);
    // "kuis-" is a modifier only: ESCO's "droogkuis" (dry cleaning) keeps its meaning.
    expect(expander.alternatives(['droogkuis'])).toEqual([]);
  });

  it('reads a female form by its male one', () => {
    expect(expander.alternatives(['coiffeuse'])).toEqual([['kapper']]);
  });

  it('gives one alternative per counterpart of an ambiguous word', () => {
    expect(expander.alternatives(['juf', 'groep'])).toEqual([
      ['leerkracht', 'groep'],
      ['onderwijzer', 'groep'],
    ]);
  });

  it('reads a phrase as a whole', () => {
    expect(expander.alternatives(['social', 'worker', 'jeugd'])).toEqual([['maatschappelijk werker', 'jeugd']]);
  });

  it('knows a key by its word without the compound marks', () => {
    expect(['kuis-', '-zuster', 'juf'].map(lexiconWord)).toEqual(['kuis', 'zuster', 'juf']);
  });
});
