import { masculine } from './dutch-text';

/**
 * Query expansion by a lexicon of words to words (see occupations/job-title-lexicon.ts): the query's
 * content tokens with every lexicon word replaced by its counterpart, as alternative queries that
 * the search scores beside the query itself. Only the query is rewritten, never a label.
 */

/** A query word can have several counterparts; alternatives beyond this many add cost and little else. */
const MAX_ALTERNATIVES = 4;
/** Compound parts shorter than this are not cut off ("juf" is found whole or not at all). */
const MIN_KEY_PART = 4;
const MIN_REST = 3;
const MAX_PHRASE = 3;

export class QueryExpander {
  private readonly words = new Map<string, readonly string[]>();
  private readonly phrases = new Map<string, readonly string[]>();
  private readonly heads = new Map<string, readonly string[]>();
  private readonly modifiers = new Map<string, readonly string[]>();

  /**
   * `lexicon`: folded key → its counterparts. A key is a word, or words apart for a phrase; a word
   * is read whole only, unless it is written "kuis-" (also a compound's modifier: "kuisploeg") or
   * "-zuster" (also a compound's head): a word hidden in a longer one is often another word
   * ("commis" in "commissaris", "trekker" in "kabeltrekker").
   */
  constructor(lexicon: ReadonlyMap<string, readonly string[]>) {
    for (const [key, counterparts] of lexicon) {
      const word = lexiconWord(key);
      (word.includes(' ') ? this.phrases : this.words).set(word, counterparts);
      if (key.endsWith('-')) this.modifiers.set(word, counterparts);
      if (key.startsWith('-')) this.heads.set(word, counterparts);
    }
  }

  /**
   * The rewritten token lists, none when no token or compound part is a lexicon word: a phrase
   * first ("social worker"), then a whole token or its female form's male one ("coiffeuse"), then
   * a compound's head or modifier where the key is marked so ("kuis-": "kuisploeg" → poetsploeg).
   */
  alternatives(tokens: readonly string[]): string[][] {
    let alternatives: string[][] = [[]];
    let changed = false;
    for (let i = 0; i < tokens.length;) {
      const phrase = this.phraseAt(tokens, i);
      const readings = phrase ? phrase.readings : this.readingsOf(tokens[i]);
      if (readings) changed = true;
      const next: string[][] = [];
      for (const alternative of alternatives)
        for (const reading of readings ?? [tokens[i]]) {
          if (next.length === MAX_ALTERNATIVES) break;
          next.push([...alternative, reading]);
        }
      alternatives = next;
      i += phrase ? phrase.length : 1;
    }
    return changed ? alternatives : [];
  }

  private phraseAt(tokens: readonly string[], at: number): { readings: readonly string[]; length: number } | undefined {
    if (this.phrases.size === 0) return undefined;
    for (let length = Math.min(MAX_PHRASE, tokens.length - at); length >= 2; length--) {
      const readings = this.phrases.get(tokens.slice(at, at + length).join(' '));
      if (readings) return { readings, length };
    }
    return undefined;
  }

  private lookup(word: string, words = this.words): readonly string[] | undefined {
    return words.get(word) ?? words.get(masculine(word));
  }

  /** The token's readings with its lexicon part replaced, or undefined when no part is a lexicon word. */
  private readingsOf(token: string): readonly string[] | undefined {
    const whole = this.lookup(token);
    if (whole) return whole;
    // The longest lexicon word at the end (the compound's head), then at the start (its modifier).
    if (this.heads.size > 0)
      for (let length = token.length - MIN_REST; length >= MIN_KEY_PART; length--) {
        const head = this.lookup(token.slice(-length), this.heads);
        if (head) return head.map((counterpart) => join(token.slice(0, -length), counterpart));
      }
    for (let length = token.length - MIN_REST; length >= MIN_KEY_PART && this.modifiers.size > 0; length--) {
      const modifier = this.lookup(token.slice(0, length), this.modifiers);
      if (modifier) return modifier.map((counterpart) => join(counterpart, token.slice(length)));
    }
    return undefined;
  }
}

/** A lexicon key without its compound-part marks: "kuis-" is the word "kuis". */
export function lexiconWord(key: string): string {
  return key.replace(/^-|-$/g, '');
}

/** Compound parts back into one word, or words apart when a counterpart is a phrase. */
function join(first: string, second: string): string {
  return first.includes(' ') || second.includes(' ') ? `${first} ${second}` : first + second;
}
