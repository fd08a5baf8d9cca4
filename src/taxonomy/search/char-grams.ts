import { contentTokens } from './dutch-text';

/**
 * Character 3- and 4-gram TF-IDF over short documents (labels, descriptions), cosine by posting
 * lists. Grams carry what word terms miss without special cases: compounds written apart or
 * together ("magazijn medewerker"), spelling variants and typos, loanwords, regional forms that
 * share a stem. Each document belongs to an owner (an occupation); an owner scores its best document.
 */

export interface CharGramOptions {
  /**
   * At most this many postings per gram, the heaviest kept: a gram in thousands of documents ("er ",
   * " me") has a low IDF and hardly moves a score, but would cost most of the query's time.
   */
  postingCap?: number;
  /** A document's cosine counts this much (alternative labels a little below preferred ones); default 1. */
  documentWeights?: readonly number[];
}

/** The text the grams are taken from: content words, folded, one space apart and around. */
export function gramText(text: string, dropNoise: boolean): string {
  const tokens = contentTokens(text, dropNoise);
  return tokens.length === 0 ? '' : ` ${tokens.join(' ')} `;
}

export function charGrams(padded: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let n = 3; n <= 4; n++)
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n);
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  return grams;
}

/**
 * The last query text's grams, in first-seen order (the order the scores add up in): the
 * occupation search asks its four indexes (labels, descriptions, ISCO group labels, ISCO group
 * documents) about the same text one after the other, and cutting the text into grams once serves
 * them all. Grams depend on the text alone, so one cache serves every index.
 */
let lastQuery: { text: string; grams: string[]; tfs: number[] } | undefined;

function queryGrams(text: string): { grams: string[]; tfs: number[] } {
  if (lastQuery?.text !== text) {
    const vector = charGrams(text);
    lastQuery = { text, grams: [...vector.keys()], tfs: [...vector.values()] };
  }
  return lastQuery;
}

interface Postings {
  idf: number;
  documents: Int32Array;
  weights: Float32Array;
}

export class CharGramIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly owners: Int32Array;
  private readonly documentWeights?: Float32Array;
  /** Scratch space reused by every query (the index serves one query at a time: Node is single-threaded). */
  private readonly dots: Float32Array;
  private readonly touched: Int32Array;
  private readonly best: Float32Array;
  private readonly touchedOwners: Int32Array;
  private readonly missingIdf: number;

  /** `documents[i]` is a gram text (see `gramText`) owned by `owners[i]`, an index below `ownerCount`. */
  constructor(
    documents: readonly string[],
    owners: readonly number[],
    readonly ownerCount: number,
    options: CharGramOptions = {},
  ) {
    const cap = options.postingCap ?? Number.POSITIVE_INFINITY;
    this.owners = Int32Array.from(owners);
    if (options.documentWeights) this.documentWeights = Float32Array.from(options.documentWeights);
    this.dots = new Float32Array(documents.length);
    this.touched = new Int32Array(documents.length);
    this.best = new Float32Array(ownerCount);
    this.touchedOwners = new Int32Array(ownerCount);
    // Grams get integer ids, and the postings one flat array each for documents and weights (by
    // gram, in document order): building from the descriptions stays well under a second.
    const ids = new Map<string, number>();
    const grams: string[] = [];
    const df: number[] = [];
    const documentGrams: Int32Array[] = [];
    const documentTfs: Float32Array[] = [];
    for (const text of documents) {
      const vector = charGrams(text);
      const gramIds = new Int32Array(vector.size);
      const tfs = new Float32Array(vector.size);
      let k = 0;
      for (const [gram, tf] of vector) {
        let id = ids.get(gram);
        if (id === undefined) {
          ids.set(gram, (id = grams.length));
          grams.push(gram);
          df.push(0);
        }
        df[id]++;
        gramIds[k] = id;
        tfs[k++] = tf;
      }
      documentGrams.push(gramIds);
      documentTfs.push(tfs);
    }
    const idf = Float64Array.from(df, (count) => Math.log(1 + documents.length / count));
    this.missingIdf = Math.log(1 + documents.length);
    const start = new Int32Array(grams.length + 1);
    for (let id = 0; id < grams.length; id++) start[id + 1] = start[id] + df[id];
    const cursor = start.slice(0, grams.length);
    const flatDocuments = new Int32Array(start[grams.length]);
    const flatWeights = new Float32Array(start[grams.length]);
    documentGrams.forEach((gramIds, document) => {
      const tfs = documentTfs[document];
      let norm = 0;
      for (let k = 0; k < gramIds.length; k++) norm += (tfs[k] * idf[gramIds[k]]) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < gramIds.length; k++) {
        const id = gramIds[k];
        const at = cursor[id]++;
        flatDocuments[at] = document;
        flatWeights[at] = (tfs[k] * idf[id]) / norm;
      }
    });
    grams.forEach((gram, id) => {
      let documentsOf = flatDocuments.subarray(start[id], start[id + 1]);
      let weightsOf = flatWeights.subarray(start[id], start[id + 1]);
      if (documentsOf.length > cap) {
        // The heaviest postings, ties in document order (a stable sort).
        const order = Array.from(documentsOf, (_, k) => k).sort((a, b) => weightsOf[b] - weightsOf[a]);
        const kept = order.slice(0, cap);
        documentsOf = Int32Array.from(kept, (k) => documentsOf[k]);
        weightsOf = Float32Array.from(kept, (k) => weightsOf[k]);
      }
      this.postings.set(gram, { idf: idf[id], documents: documentsOf, weights: weightsOf });
    });
  }

  /**
   * Each owner's best cosine with the query's gram text, written into `into` (length `ownerCount`,
   * added with `weight`); `bestDocuments[owner]` becomes the document that gave it. A gram no
   * document has still counts in the query's length.
   */
  addScores(queryText: string, into: Float32Array, weight: number, bestDocuments?: Int32Array): void {
    if (queryText === '') return;
    const { grams, tfs } = queryGrams(queryText);
    // Each gram's postings looked up once: the query's length and the dot products both need them.
    const matched = grams.map((gram) => this.postings.get(gram));
    let norm = 0;
    for (let k = 0; k < grams.length; k++) norm += (tfs[k] * (matched[k]?.idf ?? this.missingIdf)) ** 2;
    norm = Math.sqrt(norm) || 1;
    const { dots, touched, best, touchedOwners, documentWeights } = this;
    let count = 0;
    for (let k = 0; k < grams.length; k++) {
      const postings = matched[k];
      if (!postings) continue;
      const queryWeight = (tfs[k] * postings.idf) / norm;
      const { documents, weights } = postings;
      for (let i = 0; i < documents.length; i++) {
        const document = documents[i];
        if (dots[document] === 0) touched[count++] = document;
        dots[document] += weights[i] * queryWeight;
      }
    }
    // An owner has several documents (an occupation's labels): its best is added once, at the end.
    let ownerCount = 0;
    for (let i = 0; i < count; i++) {
      const document = touched[i];
      const owner = this.owners[document];
      const cosine = documentWeights ? dots[document] * documentWeights[document] : dots[document];
      if (cosine > best[owner]) {
        if (best[owner] === 0) touchedOwners[ownerCount++] = owner;
        best[owner] = cosine;
        if (bestDocuments) bestDocuments[owner] = document;
      }
      dots[document] = 0;
    }
    for (let i = 0; i < ownerCount; i++) {
      const owner = touchedOwners[i];
      into[owner] += weight * best[owner];
      best[owner] = 0;
    }
  }
}
