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
  private readonly postings = new Map<string, number[]>();

  constructor(
    words: Iterable<string>,
    private readonly frequency: ReadonlyMap<string, number>,
  ) {
    this.words = [...new Set(words)];
    this.words.forEach((word, index) => {
      for (const gram of new Set(trigrams(word))) {
        let list = this.postings.get(gram);
        if (!list) this.postings.set(gram, (list = []));
        list.push(index);
      }
    });
  }

  /**
   * The closest known word within the typo budget (ties: the more frequent word). Failing that, for
   * a long word, the known word sharing most trigrams with it (Dice ≥ 0.5), marked `similar`.
   */
  correct(word: string): { word: string; distance: number; similar?: boolean } | undefined {
    const budget = typoBudget(word.length);
    if (budget === 0) return undefined;
    const grams = [...new Set(trigrams(word))];
    const shared = new Map<number, number>();
    for (const gram of grams)
      for (const index of this.postings.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    // Each edit destroys at most three trigrams; fewer shared ones than that cannot be within budget.
    const needed = Math.max(1, grams.length - 3 * budget);
    let best: { word: string; distance: number; frequency: number } | undefined;
    let closest: { word: string; dice: number } | undefined;
    for (const [index, count] of shared) {
      if (word.length >= 7) {
        const other = this.words[index];
        const dice = (2 * count) / (grams.length + other.length);
        if (dice >= 0.5 && (!closest || dice > closest.dice)) closest = { word: other, dice };
      }
      if (count < needed) continue;
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
