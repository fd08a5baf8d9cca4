import PorterStemmerNl from 'natural/lib/natural/stemmers/porter_stemmer_nl';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords_nl';

/**
 * Text normalisation for Dutch job titles and skill labels: the same functions run over the
 * labels when the index is built and over the query, so every variant lands on the same key.
 */

/** Lower case without diacritics: "Coördinator" and "coordinator" become the same string. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'");
}

/** Letter runs and digit runs; everything else (spaces, hyphens, slashes, brackets) separates tokens. */
export function tokenize(text: string): string[] {
  return fold(text).match(/\p{L}+|\p{N}+/gu) ?? [];
}

const STOPWORDS = new Set(naturalStopwords.map((word) => word.trim()).filter(Boolean));

/**
 * Words that employers put around a title without changing the occupation: hours, contract,
 * seniority, "ervaren … gezocht", "m/v". "medewerker" is not here: "medewerker schoonmaak" is a
 * schoonmaker, so it stays a (low-weighted, frequent) term.
 */
const NOISE = new Set([
  'ervaren',
  'ervaring',
  'gezocht',
  'gevraagd',
  'vacature',
  'vacatures',
  'fulltime',
  'parttime',
  'full',
  'part',
  'time',
  'uur',
  'uren',
  'u',
  'pw',
  'per',
  'week',
  'junior',
  'senior',
  'medior',
  'jr',
  'sr',
  'mv',
  'vm',
  'x',
  'wij',
  'zoeken',
  'zoekt',
  'wordt',
  'startende',
  'starter',
  'enthousiaste',
  'enthousiast',
  'gemotiveerde',
  'gemotiveerd',
  'allround',
  'allrounder',
  'zelfstandig',
  'zelfstandige',
  'fijne',
  'leuke',
  'nieuwe',
  'direct',
  'omgeving',
  'regio',
  'tijdelijk',
  'vast',
  'contract',
  'dienstverband',
  'bijbaan',
  'vakantiewerk',
  'oproepkracht',
  'uitzendbasis',
  'mbo',
  'hbo',
  'niveau',
  'bbl',
  'bol',
  'zzp',
  'zzper',
  'freelance',
  'ca',
  'm',
  'v',
  'h',
  'f',
  'd',
]);

/** Tokens that carry meaning for the title: no stopwords, no noise words, no numbers ("24u", "32"). */
export function contentTokens(text: string, dropNoise: boolean): string[] {
  return tokenize(text).filter(
    (token) => !/^\p{N}+$/u.test(token) && !STOPWORDS.has(token) && !(dropNoise && NOISE.has(token)),
  );
}

/**
 * Feminine (and Flemish feminine) forms to the masculine form: kapster → kapper (after the doubled
 * letters fold in `spellingKey`), bestuurster → bestuurder, masseuse → masseur, directrice →
 * directeur, assistente → assistent, cheffin → chef. ESCO lists many female forms as alternative
 * labels; this catches the ones it does not. Applied to labels and queries alike.
 */
export function masculine(token: string): string {
  if (token.length < 6) return token;
  // An agent noun in -laar or -naar of a verb in -elen or -enen takes -ster whole: makelaarster is a
  // makelaar, beoefenaarster a beoefenaar; a verb stem in -r takes -der (bewaarster is a bewaarder).
  if (/[ln]aarster$/.test(token)) return token.slice(0, -4);
  if (token.endsWith('rster')) return `${token.slice(0, -5)}rder`;
  // A long vowel written double before -ster is written single before -er: maakster → maker.
  const longVowel = /([aeou])\1([^aeiou])ster$/.exec(token);
  if (longVowel) return `${token.slice(0, -longVowel[0].length)}${longVowel[1]}${longVowel[2]}er`;
  if (/[^aeiou]ster$/.test(token)) return `${token.slice(0, -4)}er`;
  if (token.endsWith('euse')) return `${token.slice(0, -4)}eur`;
  if (token.endsWith('trice')) return `${token.slice(0, -5)}teur`;
  if (token.endsWith('vrouw')) return `${token.slice(0, -5)}man`;
  if (/(ant|ent|ist|iste)e$/.test(token)) return token.slice(0, -1);
  if (token.endsWith('ffin')) return token.slice(0, -3);
  return token;
}

/**
 * Spelling-insensitive key: c/k, ph/f, th/t, y/ij, qu/kw, x/ks, and doubled letters fold, so
 * "electriciteit"/"elektriciteit" and "chaufeur"/"chauffeur" meet. "ch" stays: it is its own sound.
 */
export function spellingKey(word: string): string {
  return word
    .replace(/ij/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/qu/g, 'kw')
    .replace(/x/g, 'ks')
    .replace(/ck/g, 'k')
    .replace(/c(?!h)(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/(\p{L})\1+/gu, '$1');
}

const stemCache = new Map<string, string>();

/** The index term of a surface token: masculine form, Dutch Porter stem, spelling key. */
export function termOf(token: string): string {
  let term = stemCache.get(token);
  if (term === undefined) {
    term = spellingKey(PorterStemmerNl.stem(masculine(token)));
    if (stemCache.size < 200_000) stemCache.set(token, term);
  }
  return term;
}
