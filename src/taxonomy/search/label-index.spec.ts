import { LabelIndex, SearchConcept } from './label-index';

/** The concepts a query types exactly, in the index's order. */
const exactConcepts = (index: LabelIndex, query: string): number[] =>
  index.exactMatches(query).map(({ concept }) => concept);

const concepts: SearchConcept[] = [
  /* 0 */ {
    labels: [
      { text: 'magazijnmedewerker', kind: 'preferred' },
      { text: 'magazijnbediende', kind: 'alternative' },
    ],
  },
  /* 1 */ {
    labels: [
      { text: 'magazijnchef', kind: 'preferred' },
      { text: 'hoofd magazijn', kind: 'alternative' },
    ],
  },
  /* 2 */ {
    labels: [
      { text: 'schoonmaker gebouwen', kind: 'preferred' },
      { text: 'schoonmaakmedewerker', kind: 'alternative' },
    ],
  },
  /* 3 */ {
    labels: [
      { text: 'vrachtwagenchauffeur', kind: 'preferred' },
      { text: 'chauffeur vrachtwagen', kind: 'alternative' },
    ],
  },
  /* 4 */ { labels: [{ text: 'heftruckchauffeur', kind: 'preferred' }] },
  /* 5 */ {
    labels: [
      { text: 'medewerker kassa', kind: 'alternative' },
      { text: 'kassamedewerker', kind: 'preferred' },
    ],
  },
  /* 6 */ {
    labels: [
      { text: 'verzorgende IG', kind: 'alternative' },
      { text: 'thuiszorgmedewerker', kind: 'preferred' },
    ],
  },
  /* 7 */ {
    labels: [
      { text: 'verzorgende', kind: 'alternative' },
      { text: 'zorghulp', kind: 'preferred' },
    ],
  },
];

describe('LabelIndex', () => {
  const index = new LabelIndex(concepts);
  const top = (query: string): number | undefined => index.search(query, 5)[0]?.concept;

  it('scores a query the same after other queries (its scratch space starts clean each time)', () => {
    const first = index.scoreConcepts('magazijn chauffeur');
    index.scoreConcepts('magazijnmedewerker');
    index.scoreConcepts('schoonmaak');
    expect(index.scoreConcepts('magazijn chauffeur')).toEqual(first);
    expect(first.size).toBeGreaterThan(1);
  });

  it('scores an exact preferred label 1', () => {
    expect(index.search('Magazijnmedewerker', 1)).toEqual([
      { concept: 0, score: 1, matchedLabel: 'magazijnmedewerker' },
    ]);
  });

  it('weights an alternative label a little below a preferred one', () => {
    // Same text as the alternative label of concept 1: cosine 1 times the alternative weight 0.97.
    expect(index.search('hoofd magazijn', 1)[0]).toEqual({ concept: 1, score: 0.97, matchedLabel: 'hoofd magazijn' });
  });

  it('splits compounds against the label vocabulary', () => {
    expect(index.splitCompound('magazijnmedewerker')).toEqual(['magazijn', 'medewerker']);
    expect(index.splitCompound('kassamedewerker')).toEqual(['kassa', 'medewerker']);
    expect(index.splitCompound('kok')).toEqual(['kok']);
  });

  it('finds a compound written joined, split or hyphenated', () => {
    expect(top('magazijn medewerker')).toBe(0);
    expect(top('magazijn-medewerker')).toBe(0);
    expect(top('medewerker magazijn')).toBe(0);
    expect(top('chauffeur heftruck')).toBe(4);
  });

  it('finds "medewerker schoonmaak" under the schoonmaakmedewerker', () => {
    expect(top('Medewerker schoonmaak 24u')).toBe(2);
  });

  it('reads through typos, plurals and noise words', () => {
    expect(top('vrachtwagenchaufeur')).toBe(3);
    expect(top('vrachtwagenchauffeurs')).toBe(3);
    expect(top('ervaren heftruckchauffeur gezocht (32 uur)')).toBe(4);
  });

  it('prefers the label that covers more of the query', () => {
    // "verzorgende" alone matches concept 7 exactly, but "IG" is only in concept 6's label.
    expect(top('Verzorgende IG')).toBe(6);
    expect(top('verzorgende')).toBe(7);
  });

  it('returns nothing for an empty or noise-only query', () => {
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('fulltime (32 uur) m/v', 5)).toEqual([]);
  });

  it('ranks equal scores by the concept rank', () => {
    const ranked = new LabelIndex([
      { labels: [{ text: 'elektricien', kind: 'alternative' }], rank: 3 },
      { labels: [{ text: 'elektricien', kind: 'alternative' }], rank: 2 },
    ]);
    expect(ranked.search('elektricien', 2).map((hit) => hit.concept)).toEqual([1, 0]);
  });

  it('never corrects a query word that the spelling dictionary knows', () => {
    const labels: SearchConcept[] = [
      { labels: [{ text: 'koster', kind: 'preferred' }] },
      { labels: [{ text: 'kostendeskundige', kind: 'preferred' }] },
    ];
    // Unguarded, "kosten" is read as a misspelt "koster".
    expect(new LabelIndex(labels).search('kosten', 2)[0]?.matchedLabel).toBe('koster');
    const guarded = new LabelIndex(labels, { knownWords: new Set(['kosten']) });
    expect(guarded.search('kosten', 2)).toEqual([]);
  });

  it('reads a label typed with a typo or a regional word as typed exactly', () => {
    const index = new LabelIndex(
      [
        { labels: [{ text: 'poetsvrouw', kind: 'preferred' }] },
        { labels: [{ text: 'elektricien', kind: 'preferred' }] },
      ],
      { synonyms: new Map([['kuis', 'poets']]), compoundHeads: ['vrouw'] },
    );
    expect(exactConcepts(index, 'kuisvrouw')).toEqual([0]);
    expect(exactConcepts(index, 'electricien')).toEqual([1]);
    expect(exactConcepts(index, 'elektricien gezocht')).toEqual([1]);
    expect(exactConcepts(index, 'elektricien woningbouw')).toEqual([]);
  });

  it('reads no word only guessed at as typing a label, with regional synonyms or without', () => {
    const labels = [{ labels: [{ text: 'tapijtlegger', kind: 'preferred' as const }] }];
    // "tapijtmaker" is three edits from "tapijtlegger", beyond its budget of two: a lookalike, a guess.
    expect(new LabelIndex(labels).exactMatches('tapijtmaker')).toEqual([]);
    const regional = new LabelIndex(labels, { synonyms: new Map([['kuis', 'poets']]) });
    expect(regional.exactMatches('tapijtmaker')).toEqual([]);
    expect(regional.search('tapijtmaker', 1)[0]?.matchedLabel).toBe('tapijtlegger');
  });

  it('reads a compound written apart, hyphenated or head first as typed exactly', () => {
    const index = new LabelIndex([
      { labels: [{ text: 'thuiszorgmedewerker', kind: 'preferred' }] },
      { labels: [{ text: 'kassamedewerker', kind: 'preferred' }] },
    ]);
    expect(exactConcepts(index, 'thuiszorg medewerker')).toEqual([0]);
    expect(exactConcepts(index, 'medewerker thuiszorg')).toEqual([0]);
    expect(exactConcepts(index, 'kassa-medewerker')).toEqual([1]);
    // Two words that are a synonym of two occupations and, joined, the name of one: that one is named.
    const cooks = new LabelIndex([
      {
        labels: [
          { text: 'kok', kind: 'preferred' },
          { text: 'chef-kok', kind: 'alternative' },
        ],
      },
      {
        labels: [
          { text: 'chefkok', kind: 'preferred' },
          { text: 'chef-kok', kind: 'alternative' },
        ],
      },
    ]);
    expect(cooks.exactMatches('chef kok')).toEqual([
      { concept: 0, named: false },
      { concept: 1, named: true },
    ]);
    // Three words are no written-apart compound of two.
    expect(exactConcepts(index, 'medewerker thuiszorg kassa')).toEqual([]);
  });

  it('reads a female form ESCO does not list as typing the male label exactly', () => {
    const index = new LabelIndex([
      { labels: [{ text: 'dierverzorger', kind: 'preferred' }] },
      {
        labels: [
          { text: 'kapper', kind: 'preferred' },
          { text: 'kinderverzorgster', kind: 'alternative' },
        ],
      },
    ]);
    expect(exactConcepts(index, 'dierverzorgster')).toEqual([0]);
    expect(exactConcepts(index, 'kapster')).toEqual([1]);
    expect(exactConcepts(index, 'kinderverzorger')).toEqual([1]);
    expect(exactConcepts(index, 'dierverzorgster dierentuin')).toEqual([]);
  });

  it('types with a female form what its male form types, where ESCO lists them under different occupations', () => {
    const index = new LabelIndex([
      { labels: [{ text: 'thuiszorgmedewerker', kind: 'preferred' }] },
      {
        labels: [
          { text: 'thuishulp', kind: 'preferred' },
          { text: 'thuiszorgmedewerkster', kind: 'alternative' },
        ],
      },
    ]);
    const both = [
      { concept: 1, named: false },
      { concept: 0, named: true },
    ];
    expect(index.exactMatches('thuiszorgmedewerkster')).toEqual(both);
    // Written apart and head first, as Dutch titles often are.
    expect(index.exactMatches('medewerkster thuiszorg')).toEqual(both);
    // The male form types only its own label: it has no female form to read as male.
    expect(exactConcepts(index, 'thuiszorgmedewerker')).toEqual([0]);
  });

  it('types no label by a word that differs from it only in a doubled letter, another word', () => {
    const index = new LabelIndex(
      [
        { labels: [{ text: 'lasser', kind: 'preferred' }] },
        {
          labels: [
            { text: 'kapper', kind: 'preferred' },
            { text: 'kapster', kind: 'alternative' },
          ],
        },
        {
          labels: [
            { text: 'zanger', kind: 'preferred' },
            { text: 'bas', kind: 'alternative' },
          ],
        },
        // The spelling dictionary knows them, so none is corrected as a typo either.
      ],
      { knownWords: new Set(['laser', 'kaper', 'baas']) },
    );
    // A laser is no welder, a kaper (hijacker) no hairdresser, a baas (boss) no bass singer.
    expect(exactConcepts(index, 'laser')).toEqual([]);
    expect(exactConcepts(index, 'kaper')).toEqual([]);
    expect(exactConcepts(index, 'baas')).toEqual([]);
    expect(exactConcepts(index, 'lasster')).toEqual([0]);
  });

  it('tells a label that names its concept from a synonym the concept shares', () => {
    const index = new LabelIndex([
      {
        labels: [
          { text: 'logistiek analist', kind: 'preferred' },
          { text: 'logistiek medewerker', kind: 'alternative' },
        ],
      },
      { labels: [{ text: 'logistiek medewerker', kind: 'preferred' }] },
    ]);
    expect(index.exactMatches('Logistiek medewerker')).toEqual([
      { concept: 0, named: false },
      { concept: 1, named: true },
    ]);
  });
});
