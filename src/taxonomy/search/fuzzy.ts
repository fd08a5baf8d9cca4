/**
 * Typo tolerance over a word list: candidates share character trigrams with the query word, and are
 * kept when their Damerau–Levenshtein distance is within the budget for the word's length.
 */

/** Optimal string alignment distance (adjacent swaps count once), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const previous2 = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) previous2[j] = previous[j]!;
    previous = current;
  }
  return previous[b.length];
}

export function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** How many edits a word of this length may carry and still be recognised. */
export function typoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}

export class FuzzyWordList {
  private readonly words: string[];
  /** Each word's length, beside it: the Dice test reads it for every word sharing a trigram. */
  private readonly lengths: Int32Array;
  private readonly postings = new Map<string, Int32Array>();
  /**
   * Scratch space reused by every correction (one at a time: Node is single-threaded): trigrams
   * shared per word, and the words touched in the order first touched, which decides ties.
   */
  private readonly shared: Int32Array;
  private readonly touched: Int32Array;

  constructor(
    words: Iterable<string>,
    private readonly frequency: ReadonlyMap<string, number>,
  ) {
    this.words = [...new Set(words)];
    this.lengths = Int32Array.from(this.words, (word) => word.length);
    const postings = new Map<string, number[]>();
    this.words.forEach((word, index) => {
      for (const gram of new Set(trigrams(word))) {
        let list = postings.get(gram);
        if (!list) postings.set(gram, (list = []));
        list.push(index);
      }
    });
    for (const [gram, list] of postings) this.postings.set(gram, Int32Array.from(list));
    this.shared = new Int32Array(this.words.length);
    this.touched = new Int32Array(this.words.length);
  }

  /**
   * The closest known word within the typo budget (ties: the more frequent word). Failing that, for
   * a long word, the known word sharing most trigrams with it (Dice ≥ 0.5), marked `similar`.
   */
  correct(word: string): { word: string; distance: number; similar?: boolean } | undefined {
    const budget = typoBudget(word.length);
    if (budget === 0) return undefined;
    const grams = [...new Set(trigrams(word))];
    // The common trigrams ("er$", "^be") list thousands of words: counts in a typed array, not a Map.
    const { shared, touched } = this;
    let count = 0;
    for (const gram of grams) {
      const indices = this.postings.get(gram);
      if (!indices) continue;
      for (let i = 0; i < indices.length; i++) {
        const index = indices[i];
        if (shared[index]++ === 0) touched[count++] = index;
      }
    }
    // Each edit destroys at most three trigrams; fewer shared ones than that cannot be within budget.
    const needed = Math.max(1, grams.length - 3 * budget);
    let best: { word: string; distance: number; frequency: number } | undefined;
    let closest: { word: string; dice: number } | undefined;
    for (let t = 0; t < count; t++) {
      const index = touched[t];
      const sharedGrams = shared[index];
      shared[index] = 0;
      if (word.length >= 7) {
        const dice = (2 * sharedGrams) / (grams.length + this.lengths[index]);
        if (dice >= 0.5 && (!closest || dice > closest.dice)) closest = { word: this.words[index], dice };
      }
      if (sharedGrams < needed) continue;
      const candidate = this.words[index];
      const distance = editDistance(word, candidate, budget);
      if (distance > budget) continue;
      const frequency = this.frequency.get(candidate) ?? 0;
      if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency))
        best = { word: candidate, distance, frequency };
    }
    if (best) return { word: best.word, distance: best.distance };
    return closest && { word: closest.word, distance: budget + 1, similar: true };
  }
}
