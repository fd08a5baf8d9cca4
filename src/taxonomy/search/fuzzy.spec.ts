import { editDistance, FuzzyWordList, typoBudget } from './fuzzy';

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps once each', () => {
    expect(editDistance('chauffeur', 'chauffeur', 2)).toBe(0);
    expect(editDistance('chaufeur', 'chauffeur', 2)).toBe(1); // one f dropped
    expect(editDistance('cahuffeur', 'chauffeur', 2)).toBe(1); // a and h swapped
    expect(editDistance('kapper', 'kassier', 2)).toBe(3); // over the limit: limit + 1
  });

  it('allows no typo in short words, one in medium and two in long words', () => {
    expect([typoBudget(4), typoBudget(6), typoBudget(12)]).toEqual([0, 1, 2]);
  });
});

describe('FuzzyWordList', () => {
  const words = new FuzzyWordList(
    ['vrachtwagenchauffeur', 'heftruckchauffeur', 'schoonmaker', 'schoenmaker'],
    new Map([
      ['schoonmaker', 10],
      ['schoenmaker', 1],
    ]),
  );

  it('corrects a typo to the nearest known word', () => {
    expect(words.correct('vrachtwagenchaufeur')).toEqual({ word: 'vrachtwagenchauffeur', distance: 1 });
  });

  it('breaks a tie in distance by frequency', () => {
    // "schoanmaker" is one letter from both; the more frequent word wins.
    expect(words.correct('schoanmaker')?.word).toBe('schoonmaker');
  });

  it('corrects each word on its own (its counts of shared trigrams start clean each time)', () => {
    // "schoolbus" shares four trigrams with schoonmaker (Dice 0.4): too few to be read as it, also
    // right after "schoanmaker", which shares seven more with it.
    expect(words.correct('schoanmaker')?.word).toBe('schoonmaker');
    expect(words.correct('schoolbus')).toBeUndefined();
  });

  it('finds nothing for a word unlike any known one', () => {
    expect(words.correct('timmerman')).toBeUndefined();
  });
});
