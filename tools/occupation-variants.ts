import { contentTokens } from '../src/taxonomy/search/dutch-text';

/**
 * Variations of job titles as people type them, for the search evaluation and the bench: each is
 * applied to a title whose exact text is NOT in the index (see eval-occupations.ts).
 */

export type VariantKind =
  | 'held-out'
  | 'typo'
  | 'noise'
  | 'case-diacritics'
  | 'split-compound'
  | 'hyphenated'
  | 'joined'
  | 'plural'
  | 'spelling';

export const VARIANT_KINDS: VariantKind[] = [
  'held-out',
  'typo',
  'noise',
  'case-diacritics',
  'split-compound',
  'hyphenated',
  'joined',
  'plural',
  'spelling',
];

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

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const LETTERS = 'abcdefghijklmnoprstuvwz';
const NOISE_FRAMES = [
  'ervaren {} gezocht',
  '{} (32 uur)',
  '{} m/v',
  'Senior {}',
  '{} fulltime',
  '{} 24u',
  'Junior {} (m/v/x)',
  'Wij zoeken een {}',
  '{} parttime 20-24 uur',
];

/** One keyboard slip in the longest word: a letter swapped, dropped, doubled or replaced. */
function typo(random: () => number, title: string): string | undefined {
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

function plural(title: string): string | undefined {
  const words = title.split(' ');
  const head = words[0];
  if (head.length < 4 || /s$/.test(head)) return undefined;
  const pluralHead = /(er|eur|ent|ant|ier|ist|or|aar)$/.test(head)
    ? `${head}s`
    : /e$/.test(head)
      ? `${head}n`
      : undefined;
  return pluralHead && [pluralHead, ...words.slice(1)].join(' ');
}

function spelling(random: () => number, title: string): string | undefined {
  const swaps: Array<[RegExp, string]> = [
    [/k(?=[tlr])/, 'c'],
    [/ij/, 'y'],
    [/f(?=[aeiou])/, 'ph'],
    [/c(?=[aou])/, 'k'],
    [/ei/, 'ij'],
  ];
  const applicable = swaps.filter(([pattern]) => pattern.test(title));
  if (applicable.length === 0) return undefined;
  const [pattern, replacement] = pick(random, applicable);
  return title.replace(pattern, replacement);
}

/**
 * `splitCompound` splits one word of the title into its parts (the caller supplies it, so the
 * variant uses a word-level splitter); undefined when the variation does not apply to this title.
 */
export function makeVariant(
  kind: VariantKind,
  title: string,
  random: () => number,
  splitCompound: (word: string) => string[],
): string | undefined {
  switch (kind) {
    case 'held-out':
      return title;
    case 'typo':
      return typo(random, title);
    case 'noise':
      return pick(random, NOISE_FRAMES).replace('{}', title);
    case 'case-diacritics': {
      const folded = title.normalize('NFD').replace(/\p{M}+/gu, '');
      return folded !== title ? folded.toUpperCase() : random() < 0.5 ? title.toUpperCase() : undefined;
    }
    case 'split-compound':
    case 'hyphenated': {
      const words = title.split(' ');
      for (let i = 0; i < words.length; i++) {
        const parts = splitCompound(words[i].toLowerCase());
        if (parts.length === 2 && parts.join('') === words[i].toLowerCase()) {
          words[i] = parts.join(kind === 'split-compound' ? ' ' : '-');
          return words.join(' ');
        }
      }
      return undefined;
    }
    case 'joined': {
      const tokens = contentTokens(title, false);
      if (tokens.length !== 2 || title.split(' ').length !== 2) return undefined;
      return tokens.join('');
    }
    case 'plural':
      return plural(title);
    case 'spelling':
      return spelling(random, title);
  }
}
