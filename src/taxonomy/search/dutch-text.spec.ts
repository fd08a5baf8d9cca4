import { contentTokens, fold, masculine, spellingKey, termOf, tokenize } from './dutch-text';

describe('Dutch text normalisation', () => {
  it('folds case and diacritics', () => {
    expect(fold('Coördinator Financiën')).toBe('coordinator financien');
  });

  it('keeps a word with a diaeresis in one token and splits on hyphens, slashes and brackets', () => {
    expect(tokenize('Coördinator magazijn-medewerker (m/v)')).toEqual([
      'coordinator',
      'magazijn',
      'medewerker',
      'm',
      'v',
    ]);
  });

  it('drops hours, contract words, seniority and stopwords but keeps "medewerker"', () => {
    expect(contentTokens('Ervaren medewerker schoonmaak gezocht (32 uur) 24u m/v', true)).toEqual([
      'medewerker',
      'schoonmaak',
    ]);
    expect(contentTokens('Junior kok fulltime', true)).toEqual(['kok']);
  });

  it('keeps noise words in labels when asked to', () => {
    expect(contentTokens('senior kok', false)).toEqual(['senior', 'kok']);
  });

  it('maps feminine and Flemish feminine forms to the masculine form', () => {
    expect(masculine('bestuurster')).toBe('bestuurder');
    expect(masculine('masseuse')).toBe('masseur');
    expect(masculine('verkoopster')).toBe('verkoper');
    expect(masculine('directrice')).toBe('directeur');
    expect(masculine('assistente')).toBe('assistent');
    expect(masculine('poetsvrouw')).toBe('poetsman');
    expect(masculine('schadebehandelaarster')).toBe('schadebehandelaar');
    expect(masculine('beoefenaarster')).toBe('beoefenaar');
    expect(masculine('gevangenisbewaarster')).toBe('gevangenisbewaarder');
    expect(masculine('ruimtevaarster')).toBe('ruimtevaarder');
    // "meester" is not a feminine form: a vowel before -ster.
    expect(masculine('meester')).toBe('meester');
  });

  it('gives spelling variants one key', () => {
    expect(spellingKey('electriciteit')).toBe(spellingKey('elektriciteit'));
    expect(spellingKey('chaufeur')).toBe(spellingKey('chauffeur'));
    expect(spellingKey('fysiotherapeut')).toBe(spellingKey('physiotherapeut'));
  });

  it('gives plurals, female forms and spelling variants the same term', () => {
    expect(termOf('chauffeurs')).toBe(termOf('chauffeur'));
    expect(termOf('kapster')).toBe(termOf('kapper'));
    expect(termOf('schoonmaakster')).toBe(termOf('schoonmaker'));
    expect(termOf('electricien')).toBe(termOf('elektricien'));
    expect(termOf('kapper')).not.toBe(termOf('kok'));
  });
});
