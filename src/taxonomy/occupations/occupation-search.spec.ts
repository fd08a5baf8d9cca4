import { OccupationSearch, SearchableOccupation, SIGNAL_WEIGHTS, spreadOverGroups } from './occupation-search';

const occupations: SearchableOccupation[] = [
  {
    uri: 'urn:schoonmaker',
    code: '9112.2',
    iscoGroup: '9112',
    preferredLabel: 'schoonmaker gebouwen',
    altLabels: ['schoonmaakster', 'poetsvrouw', 'schoonmaakmedewerker'],
  },
  {
    uri: 'urn:vuilnis',
    code: '9611.1',
    iscoGroup: '9611',
    preferredLabel: 'vuilnisophaler',
    altLabels: ['vuilnisman'],
  },
  { uri: 'urn:kapper', code: '5141.1', iscoGroup: '5141', preferredLabel: 'kapper', altLabels: ['haarkapper'] },
  {
    uri: 'urn:elektricien',
    code: '7411.1',
    iscoGroup: '7411',
    preferredLabel: 'monteur elektrische installaties',
    altLabels: ['elektricien'],
  },
  {
    uri: 'urn:coordinator',
    code: '5414.1.9',
    iscoGroup: '5414',
    preferredLabel: 'coördinator beveiliging',
    altLabels: ['coördinator bewaking'],
  },
];

describe('OccupationSearch', () => {
  const search = new OccupationSearch(occupations);
  const top = (query: string) => search.search(query, 3)[0];

  it('answers with the occupation, its preferred label and the label that matched', () => {
    expect(top('poetsvrouw')).toEqual({
      uri: 'urn:schoonmaker',
      code: '9112.2',
      iscoGroup: '9112',
      label: 'schoonmaker gebouwen',
      matchedLabel: 'poetsvrouw',
      score: 1,
    });
  });

  it('reports 1 for a label typed exactly and less for anything else, in the order of the list', () => {
    expect(top('kapper')?.score).toBe(1);
    expect(top('vuilnisman')?.score).toBe(1);
    // Not clamped at 1 (it was, for these): a title that is no label scores below an exact one.
    const near = top('vuilnis ophaaler');
    expect(near.score).toBeLessThan(1);
    expect(near.score).toBeGreaterThan(0.2);
    const hits = search.search('schoonmaak medewerker gebouwen', 5);
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0].score).toBeLessThan(1);
    expect(hits.map((hit) => hit.score)).toEqual(hits.map((hit) => hit.score).sort((a, b) => b - a));
    expect(hits[0].score).toBeGreaterThan(hits[hits.length - 1].score);
  });

  it('reads the Flemish "kuisvrouw" as a poetsvrouw', () => {
    expect(top('kuisvrouw')?.uri).toBe('urn:schoonmaker');
  });

  it('reads a female form ESCO does not list as the male one', () => {
    expect(top('kapster')?.uri).toBe('urn:kapper');
  });

  it("puts the same occupation first for a title's female and male form", () => {
    // As in ESCO: the female form is a synonym of thuishulp, the male form names its own occupation.
    const care = new OccupationSearch([
      {
        uri: 'urn:thuiszorg',
        code: '5322.1',
        iscoGroup: '5322',
        preferredLabel: 'thuiszorgmedewerker',
        altLabels: ['helpende zorg en welzijn'],
      },
      {
        uri: 'urn:thuishulp',
        code: '3412.9',
        iscoGroup: '3412',
        preferredLabel: 'thuishulp',
        altLabels: ['thuiszorgmedewerkster', 'thuiszorgmedewerker'],
      },
    ]);
    for (const query of ['medewerker thuiszorg', 'medewerkster thuiszorg', 'thuiszorgmedewerkster'])
      expect(care.search(query, 2).map(({ uri }) => uri)).toEqual(['urn:thuiszorg', 'urn:thuishulp']);
  });

  it('ignores case and diacritics', () => {
    expect(top('COORDINATOR BEVEILIGING')?.uri).toBe('urn:coordinator');
    expect(top('coordinator bewaking')?.matchedLabel).toBe('coördinator bewaking');
  });

  it('reads c for k', () => {
    expect(top('electricien')?.uri).toBe('urn:elektricien');
  });

  it('finds nothing in an empty index', () => {
    expect(new OccupationSearch([]).search('kapper', 5)).toEqual([]);
  });

  it('puts the occupation with the typed label first, before a narrower one that scores as high', () => {
    const both = new OccupationSearch([
      ...occupations,
      {
        uri: 'urn:elektricien-woning',
        code: '7411.1.1',
        iscoGroup: '7411',
        preferredLabel: 'elektricien woningbouw',
        altLabels: ['installateur elektra', 'elektricien'],
      },
    ]);
    expect(both.search('elektricien', 2).map((m) => m.code)).toEqual(['7411.1', '7411.1.1']);
    // A corrected typo still types the label.
    expect(both.search('electricien', 2).map((m) => m.code)).toEqual(['7411.1', '7411.1.1']);
  });

  it('reports no exact match for a word only guessed at: "tapijtmaker" shares most trigrams with "tapijtlegger"', () => {
    const layers = new OccupationSearch([
      ...occupations,
      { uri: 'urn:tapijtlegger', code: '7122.1', iscoGroup: '7122', preferredLabel: 'tapijtlegger', altLabels: [] },
    ]);
    const [hit] = layers.search('tapijtmaker', 1);
    expect(hit.uri).toBe('urn:tapijtlegger');
    expect(hit.score).toBeLessThan(1);
  });

  it('reads a compound written apart or head first as its label typed exactly', () => {
    const care = new OccupationSearch([
      ...occupations,
      {
        uri: 'urn:helpende',
        code: '5322.2',
        iscoGroup: '5322',
        preferredLabel: 'helpende thuiszorg',
        altLabels: ['thuishulp'],
      },
      {
        uri: 'urn:thuiszorg',
        code: '5322.1',
        iscoGroup: '5322',
        preferredLabel: 'thuiszorgmedewerker',
        altLabels: ['thuiszorgmedewerkster'],
      },
    ]);
    for (const query of ['medewerker thuiszorg', 'thuiszorg medewerker', 'thuiszorg-medewerker'])
      expect(care.search(query, 2)[0]).toMatchObject({ code: '5322.1', score: 1 });
  });

  it('puts the occupation the typed label names before a broader one that has it as a synonym', () => {
    // As in ESCO: "logistiek medewerker" is the name of 4321.3 and a synonym of 2421.3 as well.
    const shared = new OccupationSearch([
      {
        uri: 'urn:analist',
        code: '2421.3',
        iscoGroup: '2421',
        preferredLabel: 'logistiek analist',
        altLabels: ['logistiek medewerker'],
      },
      {
        uri: 'urn:medewerker',
        code: '4321.3.1',
        iscoGroup: '4321',
        preferredLabel: 'logistiek medewerker',
        altLabels: ['medewerker logistiek'],
      },
    ]);
    const hits = shared.search('Logistiek medewerker', 2);
    expect(hits.map((m) => m.code)).toEqual(['4321.3.1', '2421.3']);
    expect(hits.map((m) => m.score)).toEqual([1, 1]);
  });

  it('finds a title by its character grams when no word matches: a misspelt compound written apart', () => {
    expect(top('vuilnis ophaaler')?.uri).toBe('urn:vuilnis');
  });

  it('takes the description and the ISCO group label as weaker evidence between equal labels', () => {
    const withEvidence = new OccupationSearch([
      {
        uri: 'urn:raffinaderij',
        code: '3134.1',
        iscoGroup: '3134',
        preferredLabel: 'operator',
        altLabels: [],
        description: 'Zij bedienen de installaties in een raffinaderij.',
      },
      {
        uri: 'urn:papier',
        code: '8171.1',
        iscoGroup: '8171',
        preferredLabel: 'operator',
        altLabels: [],
        iscoGroupLabel: 'Bedieningspersoneel van papiermachines',
      },
    ]);
    expect(withEvidence.search('operator raffinaderij', 2)[0]?.uri).toBe('urn:raffinaderij');
    expect(withEvidence.search('operator papier', 2)[0]?.uri).toBe('urn:papier');
  });

  it('prefers, between equal lookalikes, the one whose ISCO group has more of them', () => {
    const family = new OccupationSearch(
      [
        { uri: 'urn:alone', code: '1000.1', iscoGroup: '1000', preferredLabel: 'glasblazer', altLabels: [] },
        { uri: 'urn:kin', code: '7315.1', iscoGroup: '7315', preferredLabel: 'glasblazer', altLabels: [] },
        { uri: 'urn:kin-2', code: '7315.2', iscoGroup: '7315', preferredLabel: 'glasgraveur', altLabels: [] },
      ],
      // The siblings' share alone: here a group's document is no more than its labels (see below).
      { weights: { ...SIGNAL_WEIGHTS, groupDocument: 0 } },
    );
    expect(family.search('glasblazerij medewerker', 1)[0]?.uri).toBe('urn:kin');
  });

  describe('spreads a list of guesses over the ISCO groups', () => {
    // Twelve glassblowers of one group, and a glazier and a glass designer of two others.
    const places = [
      'noord',
      'zuid',
      'oost',
      'west',
      'centrum',
      'haven',
      'dorp',
      'stad',
      'polder',
      'kust',
      'berg',
      'dal',
    ];
    const glass: SearchableOccupation[] = [
      ...places.map((place, i) => ({
        uri: `urn:glasblazer-${place}`,
        code: `7315.${i + 1}`,
        iscoGroup: '7315',
        preferredLabel: `glasblazer ${place}`,
        altLabels: i === 0 ? ['glaskunstenaar'] : [],
      })),
      { uri: 'urn:glaszetter', code: '7125.1', iscoGroup: '7125', preferredLabel: 'glaszetter', altLabels: [] },
      { uri: 'urn:glasontwerper', code: '2163.1', iscoGroup: '2163', preferredLabel: 'glasontwerper', altLabels: [] },
    ];
    const spread = new OccupationSearch(glass);
    const plain = new OccupationSearch(glass, { weights: { ...SIGNAL_WEIGHTS, spread: 0 } });
    const uris = (search: OccupationSearch, query: string, limit: number) =>
      search.search(query, limit).map((match) => match.uri);

    it('a title that is no label: the glazier and the glass designer come among the glassblowers', () => {
      expect(uris(spread, 'glas', 4)).toEqual([
        'urn:glasblazer-dal',
        'urn:glaszetter',
        'urn:glasblazer-dorp',
        'urn:glasontwerper',
      ]);
      expect(uris(plain, 'glas', 4).every((uri) => uri.startsWith('urn:glasblazer-'))).toBe(true);
    });

    it('reports the score each guess was chosen by, so the scores never rise along the list', () => {
      for (const query of ['glas', 'glasmaker']) {
        const scores = spread.search(query, 10).map((match) => match.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      }
    });

    it('discounts each guess by (1 − spread) for every one of its group listed before it', () => {
      // Three of group 0 scoring 1, 0.9 and 0.8, one of group 1 scoring 0.8.
      const scores = Float32Array.from([1, 0.9, 0.8, 0.8]);
      const listed = spreadOverGroups([0, 1, 2, 3], scores, Int32Array.from([0, 0, 0, 1]), 0.15, 4);
      expect(listed.map(({ occupation }) => occupation)).toEqual([0, 3, 1, 2]);
      const discounted = listed.map(({ discounted }) => discounted);
      [1, 0.8, 0.9 * 0.85, 0.8 * 0.85 ** 2].forEach((value, i) => expect(discounted[i]).toBeCloseTo(value, 6));
    });

    it('a shorter list is the start of a longer one', () => {
      for (const query of ['glas', 'glasmaker']) {
        const ten = uris(spread, query, 10);
        for (let limit = 1; limit < 10; limit++) expect(uris(spread, query, limit)).toEqual(ten.slice(0, limit));
      }
    });

    it('a typed label is no guess: the list keeps its plain order', () => {
      // "glasman" is the glazier's label here; the glassblowers come next, all twelve, as they score.
      const labelled = glass.map((o) => (o.uri === 'urn:glaszetter' ? { ...o, altLabels: ['glasman'] } : o));
      const search = new OccupationSearch(labelled);
      const plainSearch = new OccupationSearch(labelled, { weights: { ...SIGNAL_WEIGHTS, spread: 0 } });
      expect(uris(search, 'glasman', 1)).toEqual(['urn:glaszetter']);
      expect(uris(search, 'glasman', 10)).toEqual(uris(plainSearch, 'glasman', 10));
      expect(
        uris(search, 'glasman', 10)
          .slice(1)
          .every((uri) => uri.startsWith('urn:glasblazer-')),
      ).toBe(true);
    });
  });

  it('places a title of an occupation ESCO lacks among the group whose labels and descriptions speak of it', () => {
    // No label is a maker of hand-knotted carpets; the carpet layer has "tapijt" in his label, but
    // the group of textile crafts, as a whole, is about working carpets by hand.
    const crafts: SearchableOccupation[] = [
      {
        uri: 'urn:tapijtlegger',
        code: '7122.1',
        iscoGroup: '7122',
        preferredLabel: 'tapijtlegger',
        altLabels: ['vloerlegger'],
        description: 'Tapijtleggers leggen vloerbedekking in woningen en kantoren.',
      },
      {
        uri: 'urn:wever',
        code: '7318.1',
        iscoGroup: '7318',
        preferredLabel: 'wever',
        altLabels: ['handwever'],
        description: 'Wevers weven stoffen en tapijten met de hand op een weefgetouw.',
      },
      {
        uri: 'urn:nettenknoper',
        code: '7318.2',
        iscoGroup: '7318',
        preferredLabel: 'nettenknoper',
        altLabels: [],
        description: 'Nettenknopers knopen netten en tapijten met de hand.',
      },
      {
        uri: 'urn:borduurder',
        code: '7318.3',
        iscoGroup: '7318',
        preferredLabel: 'borduurder',
        altLabels: [],
        description: 'Borduurders versieren stoffen en tapijten met de hand.',
      },
    ];
    const query = 'maker handgeknoopte tapijten';
    expect(new OccupationSearch(crafts).search(query, 1)[0]?.iscoGroup).toBe('7318');
    // Without the group's document the one label lookalike wins.
    const withoutGroups = new OccupationSearch(crafts, { weights: { ...SIGNAL_WEIGHTS, groupDocument: 0 } });
    expect(withoutGroups.search(query, 1)[0]?.uri).toBe('urn:tapijtlegger');
  });

  describe('reads the words people type that ESCO does not use (the job-title lexicon)', () => {
    const esco = new OccupationSearch([
      ...occupations,
      {
        uri: 'urn:stukadoor',
        code: '7123.1',
        iscoGroup: '7123',
        preferredLabel: 'stukadoor',
        altLabels: ['stukadoorster'],
      },
      {
        uri: 'urn:thuiszorg',
        code: '3221.1.1',
        iscoGroup: '3221',
        preferredLabel: 'verpleegkundige thuiszorg',
        altLabels: [],
      },
      {
        uri: 'urn:leerkracht',
        code: '2341.1',
        iscoGroup: '2341',
        preferredLabel: 'leerkracht basisonderwijs',
        altLabels: ['onderwijzer basisschool'],
      },
      {
        uri: 'urn:persoonlijk-assistent',
        code: '4120.1',
        iscoGroup: '4120',
        preferredLabel: 'persoonlijk assistent',
        altLabels: [],
      },
      {
        uri: 'urn:personeelszaken',
        code: '4416.1',
        iscoGroup: '4416',
        preferredLabel: 'assistent personeelszaken',
        altLabels: ['personeelsassistent'],
      },
    ]);
    const first = (query: string) => esco.search(query, 3)[0]?.uri;

    it('a Flemish word: a "plafonneur" is a stukadoor', () => {
      expect(first('plafonneur')).toBe('urn:stukadoor');
      expect(first('Plafonneur gezocht regio Gent')).toBe('urn:stukadoor');
    });

    it('a loanword: a "cleaner" is a schoonmaker', () => {
      expect(first('cleaner')).toBe('urn:schoonmaker');
    });

    it('an old name inside a compound: a "wijkzuster" is a verpleegkundige thuiszorg', () => {
      expect(first('wijkzuster')).toBe('urn:thuiszorg');
    });

    it('a colloquial word with two counterparts: "juf groep 3" is a leerkracht basisonderwijs', () => {
      expect(first('juf groep 3')).toBe('urn:leerkracht');
    });

    it('an English phrase: a "personal assistant" is a persoonlijk assistent, not one of personeelszaken', () => {
      expect(first('personal assistant')).toBe('urn:persoonlijk-assistent');
    });

    it('counts the counterpart a little less than the typed word itself', () => {
      const lexicon = new Map([['haarkapper', ['schoonmaker']]]);
      const search = new OccupationSearch(occupations, { lexicon });
      const [typed, counterpart] = search.search('haarkapper', 2);
      // "haarkapper" is the kapper's own label (score 0.97); read as "schoonmaker" it finds the
      // schoonmaker too, but at 0.9 of what "schoonmaker" typed would score, so below.
      expect(typed.uri).toBe('urn:kapper');
      expect(counterpart.uri).toBe('urn:schoonmaker');
      expect(counterpart.score).toBeLessThan(typed.score);
    });
  });
});
