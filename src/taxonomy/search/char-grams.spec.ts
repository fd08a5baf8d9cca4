import { CharGramIndex, charGrams, gramText } from './char-grams';

describe('CharGramIndex', () => {
  const labels = ['magazijnmedewerker', 'medewerker magazijn', 'heftruckchauffeur', 'vrachtwagenchauffeur', 'kapper'];
  const owners = [0, 0, 1, 2, 3];
  const scoresOf = (
    query: string,
    index = new CharGramIndex(
      labels.map((l) => gramText(l, false)),
      owners,
      4,
    ),
  ) => {
    const scores = new Float32Array(4);
    const best = new Int32Array(4).fill(-1);
    index.addScores(gramText(query, true), scores, 1, best);
    return { scores, best };
  };

  it('takes 3- and 4-grams of the padded text, counting repeats', () => {
    const grams = charGrams(' aaaa ');
    expect(grams.get('aaa')).toBe(2);
    expect(grams.get(' aa')).toBe(1);
    expect(grams.get('aaaa')).toBe(1);
  });

  it('scores a label typed exactly 1 and an owner by its best label', () => {
    const { scores, best } = scoresOf('Magazijnmedewerker');
    expect(scores[0]).toBeCloseTo(1, 5);
    expect(best[0]).toBe(0);
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });

  it('finds a typo and a compound written apart without a word in common', () => {
    expect(Math.max(...scoresOf('heftruk chauffeur').scores)).toBe(scoresOf('heftruk chauffeur').scores[1]);
    expect(scoresOf('magazijn medewerker').scores[0]).toBeGreaterThan(0.6);
  });

  it('drops vacancy noise from the query but not from the labels', () => {
    expect(scoresOf('Ervaren kapper gezocht (32 uur)').scores[3]).toBeCloseTo(1, 5);
  });

  it('weighs documents (alternative labels a little below preferred ones)', () => {
    const index = new CharGramIndex(
      labels.map((l) => gramText(l, false)),
      owners,
      4,
      { documentWeights: [1, 1, 1, 1, 0.97] },
    );
    expect(scoresOf('kapper', index).scores[3]).toBeCloseTo(0.97, 5);
  });

  it('keeps only the heaviest postings of a gram under a cap, so a frequent gram costs little', () => {
    const many = Array.from({ length: 50 }, (_, i) => gramText(`medewerker ${'x'.repeat(i + 1)}`, false));
    const capped = new CharGramIndex(
      many,
      many.map((_, i) => i),
      50,
      { postingCap: 5 },
    );
    const scores = new Float32Array(50);
    capped.addScores(gramText('medewerker', true), scores, 1);
    // The shortest labels carry the heaviest weights for the shared grams; the long ones are cut.
    expect(scores.filter((s) => s > 0).length).toBeLessThanOrEqual(5);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('scores a query the same after other queries (its scratch space starts clean each time)', () => {
    const index = new CharGramIndex(
      labels.map((l) => gramText(l, false)),
      owners,
      4,
    );
    const first = scoresOf('magazijn chauffeur', index);
    scoresOf('heftruckchauffeur', index);
    scoresOf('kapper', index);
    expect(scoresOf('magazijn chauffeur', index)).toEqual(first);
  });

  it('scores nothing for an empty query', () => {
    expect([...scoresOf('(32 uur)').scores]).toEqual([0, 0, 0, 0]);
  });
});
