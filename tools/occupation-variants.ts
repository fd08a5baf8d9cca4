/**
 * How people change a job title when they type it, as rules: spelling habits (ij/y, ei/ij, au/ou,
 * c/k, doubled letters, d/t/dt), compounds written apart, hyphenated or joined, a female form made
 * by the usual suffixes, one keyboard slip; and the noise around a title in a vacancy text (hours,
 * m/v/x, places, seniority). Used by the evaluation (tools/eval-occupations.ts) and the bench.
 */

/** A small seeded generator (mulberry32) so every run measures the same queries. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export type MisspellingRule =
  | 'ij-y'
  | 'ei-ij'
  | 'au-ou'
  | 'c-k'
  | 'double-letter'
  | 'd-t'
  | 'split-compound'
  | 'hyphenated'
  | 'joined'
  | 'female-form'
  | 'keyboard-slip';

export const MISSPELLING_RULES: MisspellingRule[] = [
  'ij-y',
  'ei-ij',
  'au-ou',
  'c-k',
  'double-letter',
  'd-t',
  'split-compound',
  'hyphenated',
  'joined',
  'female-form',
  'keyboard-slip',
];

const LETTERS = 'abcdefghijklmnoprstuvwz';

/** Replaces one match of `pattern` (chosen at random) with `replacement`; undefined when none. */
function replaceOne(random: () => number, text: string, pattern: RegExp, replacement: string): string | undefined {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  if (matches.length === 0) return undefined;
  const match = pick(random, matches);
  const at = match.index;
  return (
    text.slice(0, at) + match[0].replace(new RegExp(pattern.source), replacement) + text.slice(at + match[0].length)
  );
}

function keyboardSlip(random: () => number, title: string): string | undefined {
  const words = title.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 6) return undefined;
  const at = 1 + Math.floor(random() * (longest.length - 2));
  let changed: string;
  switch (Math.floor(random() * 4)) {
    case 0:
      changed = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
      break;
    case 1:
      changed = longest.slice(0, at) + longest.slice(at + 1);
      break;
    case 2:
      changed = longest.slice(0, at) + longest[at] + longest.slice(at);
      break;
    default:
      changed = longest.slice(0, at) + pick(random, [...LETTERS]) + longest.slice(at + 1);
  }
  if (changed === longest) return undefined;
  return words.map((word) => (word === longest ? changed : word)).join(' ');
}

/** The female form people write for a male title word: bestuurder → bestuurster, monteur → monteuse. */
export function femaleForm(word: string): string | undefined {
  if (word.length < 5) return undefined;
  if (/medewerker$/.test(word)) return word.replace(/medewerker$/, 'medewerkster');
  if (/[^e]der$/.test(word)) return word.replace(/der$/, 'ster');
  if (/eur$/.test(word)) return word.replace(/eur$/, 'euse');
  if (/(ent|ist|ant|ant)$/.test(word)) return `${word}e`;
  if (/man$/.test(word)) return word.replace(/man$/, 'vrouw');
  if (/([bdfgklmnprst])\1er$/.test(word)) return word.replace(/([bdfgklmnprst])\1er$/, '$1ster');
  if (/[aeiou][^aeiou]er$/.test(word)) return word.replace(/er$/, 'ster');
  return undefined;
}

/**
 * One rule applied to a title; undefined when it does not apply. `splitCompound` splits one word
 * into its parts (the evaluation passes a splitter over the index's words).
 */
export function misspell(
  rule: MisspellingRule,
  title: string,
  random: () => number,
  splitCompound: (word: string) => string[],
): string | undefined {
  const lower = title.toLowerCase();
  switch (rule) {
    case 'ij-y':
      return replaceOne(random, lower, /ij/, 'y');
    case 'ei-ij':
      return replaceOne(random, lower, /ei/, 'ij') ?? replaceOne(random, lower, /ij/, 'ei');
    case 'au-ou':
      return replaceOne(random, lower, /au/, 'ou') ?? replaceOne(random, lower, /ou/, 'au');
    case 'c-k':
      return replaceOne(random, lower, /c(?=[aoulrt])/, 'k') ?? replaceOne(random, lower, /k(?=[aoutr])/, 'c');
    case 'double-letter':
      return (
        replaceOne(random, lower, /([bdfgklmnprst])\1/, '$1') ??
        replaceOne(random, lower, /(?<=[aeiou])([lmnprt])(?=e)/, '$1$1')
      );
    case 'd-t':
      return replaceOne(random, lower, /d\b/, pick(random, ['t', 'dt'])) ?? replaceOne(random, lower, /t\b/, 'dt');
    case 'split-compound':
    case 'hyphenated': {
      const words = lower.split(' ');
      for (let i = 0; i < words.length; i++) {
        const parts = splitCompound(words[i]);
        if (parts.length === 2 && parts.join('') === words[i]) {
          words[i] = parts.join(rule === 'split-compound' ? ' ' : '-');
          return words.join(' ');
        }
      }
      return undefined;
    }
    case 'joined': {
      const words = lower.split(' ');
      if (words.length !== 2 || words.some((word) => word.length < 3)) return undefined;
      return words.join('');
    }
    case 'female-form': {
      const words = lower.split(' ');
      // The head: the first word of "medewerker schoonmaak", the last part of a compound.
      for (let i = 0; i < words.length; i++) {
        const female = femaleForm(words[i]);
        if (female) return [...words.slice(0, i), female, ...words.slice(i + 1)].join(' ');
      }
      return undefined;
    }
    case 'keyboard-slip':
      return keyboardSlip(random, lower);
  }
}

const PLACES = [
  'Dordrecht',
  'Zwijndrecht',
  'Papendrecht',
  'Sliedrecht',
  'Hendrik-Ido-Ambacht',
  'Alblasserdam',
  'Gorinchem',
  'Rotterdam',
  'Den Haag',
  'Capelle aan den IJssel',
  'Barendrecht',
  'Ridderkerk',
  'Utrecht',
  "'s-Hertogenbosch",
  'Breda',
  'Tilburg',
  'Leiden',
  'Zoetermeer',
  'Spijkenisse',
  'Oud-Beijerland',
];

/** Titles as vacancy texts put them: `{}` is the title, `@` a place. */
const NOISE_FRAMES = [
  'Ervaren {} 32-40 uur (m/v/x) @',
  '{} gezocht! Regio @',
  'Vacature: {} | fulltime | @',
  'Junior {} - @ (24 uur)',
  '{} m/v/x per direct',
  'Wij zoeken een enthousiaste {} in @',
  '{} (ZZP) @ e.o.',
  'Parttime {} 16-24u @',
  'Senior {} fulltime, € 3.200 bruto',
  '{} – tijdelijk met uitzicht op vast – @',
  'Allround {} 38 uur @',
  '{} (avond/weekend) @',
  'Medior {} 36 uur, @',
  '{} (M/V) 40u',
];

export function withNoise(title: string, random: () => number): string {
  return pick(random, NOISE_FRAMES).replace('{}', title).replace('@', pick(random, PLACES));
}
