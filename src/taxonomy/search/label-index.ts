import { contentTokens, masculine, spellingKey, termOf } from './dutch-text';
import { FuzzyWordList } from './fuzzy';

/**
 * A ranked label search over concepts (occupations, skills), in memory: every label becomes a
 * weighted bag of stemmed, spelling-folded terms (whole words, their compound parts, and joined
 * neighbours), scored against the query by TF-IDF cosine. A concept scores as its best label,
 * lifted a little when a second label matches too.
 */

export type LabelKind = 'preferred' | 'alternative' | 'secondary';

export interface SearchLabel {
  text: string;
  kind: LabelKind;
}

export interface SearchConcept {
  labels: SearchLabel[];
  /** Tie-breaker: among equal scores the lower rank wins (e.g. a more general occupation). */
  rank?: number;
}

export interface SearchHit {
  concept: number;
  score: number;
  matchedLabel: string;
}

export interface LabelIndexOptions {
  /** Words dropped from queries (hours, seniority, "gezocht"). Labels keep their words. */
  dropNoise?: boolean;
  /** Part-for-part substitutions, e.g. Flemish "kuis" for "poets"; applied to labels and queries. */
  synonyms?: ReadonlyMap<string, string>;
  /** Words to split compounds on that the labels use only inside compounds (e.g. "vrouw"). */
  compoundHeads?: readonly string[];
  /**
   * Correctly spelt words of the language (a spelling dictionary): a query word among them is
   * never "corrected" to a label word it happens to be a typo away from ("kok" is no "rok").
   */
  knownWords?: ReadonlySet<string>;
}

/** A concept with a label that is the query; `named` when that label is its preferred one, its name. */
export interface ExactMatch {
  concept: number;
  named: boolean;
}

/** A concept's word score and the label that gave it. */
export interface ConceptScore {
  score: number;
  label: string;
}

/** Preferred labels win ties with synonyms; secondary labels (another language) count a little less. */
const KIND_WEIGHT: Record<LabelKind, number> = { preferred: 1, alternative: 0.97, secondary: 0.9 };
/** A compound's parts count, but less than the compound itself: "magazijn" alone is not "magazijnmedewerker". */
const PART_WEIGHT = 0.8;
const JOINED_WEIGHT = 1;
const REVERSED_WEIGHT = 0.9;
const SYNONYM_WEIGHT = 0.9;
/**
 * A concept whose other labels match too is a safer answer: its second-best label adds this share
 * of the headroom left above the best one (so scores stay within 0..1 and exact matches stay 1).
 */
const SECOND_LABEL_SHARE = 0.5;
const MIN_PART = 3;
const MIN_HEAD = 4;

type Terms = Map<string, number>;

/** A query word as read: `guessed` when no word is within its typo budget and the closest lookalike stands in. */
interface Correction {
  word: string;
  guessed: boolean;
}

interface Corrected {
  key: string;
  words: string[];
  /** Any word guessed (see `Correction`). */
  guessed: boolean;
}

const foldedKey = (tokens: readonly string[]): string => tokens.map((token) => spellingKey(masculine(token))).join(' ');

/** A concept once per key: the first label with it tells whether it names the concept. */
function addOwner(labels: Map<string, ExactMatch[]>, key: string, owner: ExactMatch): void {
  const owners = labels.get(key);
  if (!owners) labels.set(key, [owner]);
  else if (!owners.some(({ concept }) => concept === owner.concept)) owners.push(owner);
}

/** Both lists' concepts once, in order of first appearance; a concept either names is named. */
function mergeOwners(first: readonly ExactMatch[], second: readonly ExactMatch[]): ExactMatch[] {
  const owners = [...first];
  for (const owner of second) {
    const at = owners.findIndex(({ concept }) => concept === owner.concept);
    if (at < 0) owners.push(owner);
    else if (owner.named) owners[at] = owner;
  }
  return owners;
}

interface IndexedLabel {
  concept: number;
  text: string;
  kindWeight: number;
  norm: number;
}

export class LabelIndex {
  private readonly lexicon: Set<string>;
  private readonly fuzzy: FuzzyWordList;
  private readonly labels: IndexedLabel[] = [];
  private readonly postings = new Map<string, { labels: Int32Array; weights: Float64Array }>();
  private readonly idf = new Map<string, number>();
  private readonly splitCache = new Map<string, string[]>();
  private lastCorrected?: Corrected;
  private readonly ranks: number[];
  /** Concepts by the content words of each of their labels: a query that is a label finds it first. */
  private readonly exactLabels = new Map<string, ExactMatch[]>();
  /** The same by each word's masculine form and spelling key: "dierverzorgster" types "dierverzorger". */
  private readonly foldedLabels = new Map<string, ExactMatch[]>();
  /**
   * Scratch space reused by every query (one at a time: Node is single-threaded): each label's dot
   * product and each concept's best two labels, with the labels and concepts touched in the order
   * first touched (the order of the scores returned).
   */
  private readonly dots: Float64Array;
  /** Each label's concept, norm and kind weight in typed arrays: the scoring loop reads them for thousands of labels. */
  private readonly labelConcepts: Int32Array;
  private readonly labelNorms: Float64Array;
  private readonly labelKindWeights: Float64Array;
  private readonly touchedLabels: Int32Array;
  private readonly bestScore: Float64Array;
  private readonly secondScore: Float64Array;
  private readonly bestLabel: Int32Array;
  private readonly touchedConcepts: Int32Array;

  constructor(
    concepts: readonly SearchConcept[],
    private readonly options: LabelIndexOptions = {},
  ) {
    const frequency = new Map<string, number>();
    for (const concept of concepts)
      for (const label of concept.labels)
        for (const token of contentTokens(label.text, false)) frequency.set(token, (frequency.get(token) ?? 0) + 1);
    for (const word of [
      ...(options.synonyms ?? new Map<string, string>()).keys(),
      ...(options.synonyms?.values() ?? []),
      ...(options.compoundHeads ?? []),
    ])
      frequency.set(word, frequency.get(word) ?? 1);
    this.lexicon = new Set([...frequency.keys()].filter((word) => word.length >= MIN_PART));
    this.fuzzy = new FuzzyWordList(this.lexicon, frequency);
    this.ranks = concepts.map((concept) => concept.rank ?? 0);

    const labelTerms: Terms[] = [];
    const documentFrequency = new Map<string, number>();
    concepts.forEach((concept, conceptIndex) => {
      const seen = new Set<string>();
      for (const label of concept.labels) {
        const key = contentTokens(label.text, false).join(' ');
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        const owner = { concept: conceptIndex, named: label.kind === 'preferred' };
        addOwner(this.exactLabels, key, owner);
        addOwner(this.foldedLabels, foldedKey(key.split(' ')), owner);
        const terms = this.termsOf(contentTokens(label.text, false), false);
        if (terms.size === 0) continue;
        labelTerms.push(terms);
        this.labels.push({ concept: conceptIndex, text: label.text, kindWeight: KIND_WEIGHT[label.kind], norm: 0 });
        for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    });
    const total = this.labels.length;
    for (const [term, df] of documentFrequency) this.idf.set(term, Math.log(1 + total / df));
    const postings = new Map<string, Array<{ label: number; weight: number }>>();
    labelTerms.forEach((terms, labelIndex) => {
      let squares = 0;
      for (const [term, weight] of terms) {
        const weighted = weight * this.idf.get(term)!;
        squares += weighted * weighted;
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push({ label: labelIndex, weight: weighted });
      }
      this.labels[labelIndex].norm = Math.sqrt(squares);
    });
    for (const [term, list] of postings)
      this.postings.set(term, {
        labels: Int32Array.from(list, (posting) => posting.label),
        weights: Float64Array.from(list, (posting) => posting.weight),
      });
    this.dots = new Float64Array(total);
    this.labelConcepts = Int32Array.from(this.labels, (label) => label.concept);
    this.labelNorms = Float64Array.from(this.labels, (label) => label.norm);
    this.labelKindWeights = Float64Array.from(this.labels, (label) => label.kindWeight);
    this.touchedLabels = new Int32Array(total);
    this.bestScore = new Float64Array(concepts.length);
    this.secondScore = new Float64Array(concepts.length);
    this.bestLabel = new Int32Array(concepts.length).fill(-1);
    this.touchedConcepts = new Int32Array(concepts.length);
  }

  get labelCount(): number {
    return this.labels.length;
  }

  search(query: string, limit: number): SearchHit[] {
    return [...this.scoreConcepts(query).entries()]
      .sort(([a, x], [b, y]) => y.score - x.score || this.ranks[a] - this.ranks[b] || a - b)
      .slice(0, limit)
      .map(([concept, { score, label }]) => ({
        concept,
        score: Math.round(score * 1000) / 1000,
        matchedLabel: label,
      }));
  }

  /**
   * The concepts that have a label with exactly the query's content words (after noise is dropped),
   * read as the search reads them: a corrected typo ("electricien") or a regional word
   * ("kuisvrouw" for poetsvrouw) still types that label. Each says whether the label is the
   * concept's name or one of its synonyms.
   */
  exactMatches(query: string): readonly ExactMatch[] {
    const tokens = contentTokens(query, this.options.dropNoise ?? true);
    const typed = this.exactLabelOf(tokens);
    if (typed) return this.withMaleForm(typed, tokens);
    const { words: corrected, guessed } = this.corrected(tokens);
    // A word only guessed at ("tapijtmaker", most of whose trigrams "tapijtlegger" has) is no label typed.
    const read = guessed ? undefined : this.exactLabelOf(corrected);
    if (read) return this.withMaleForm(read, corrected);
    const folded = this.foldedLabelOf(tokens) ?? (guessed ? undefined : this.foldedLabelOf(corrected));
    if (folded) return folded;
    const synonyms = this.options.synonyms;
    if (!synonyms) return [];
    // A guessed word stays as typed here too: its guess may be a label word that needs no synonym.
    const replaced = (guessed ? tokens : corrected).map((token) => {
      const parts = this.splitCompound(token);
      return parts.map((part) => synonyms.get(part) ?? part).join(parts.length > 1 ? '' : ' ');
    });
    return this.exactLabels.get(replaced.join(' ')) ?? [];
  }

  /**
   * The owners of the label with these words once female forms are read as male ones, if a word is
   * a female form: the spelling key alone would merge words of other meanings that differ in a
   * doubled letter ("laser" and lasser, "baas" and bas, "kook" and kok, "werker" and werkster).
   */
  private foldedLabelOf(tokens: readonly string[]): readonly ExactMatch[] | undefined {
    if (!tokens.some((token) => masculine(token) !== token)) return undefined;
    return this.ownersOf(tokens, this.foldedLabels, foldedKey);
  }

  /**
   * A female form types what its male form types too: ESCO lists some female forms under one
   * occupation and the male form under another ("thuiszorgmedewerkster" is a synonym of thuishulp,
   * "thuiszorgmedewerker" names the thuiszorgmedewerker), and a title's gender must not change which
   * occupation goes first. Owners of both count; one that either names is named.
   */
  private withMaleForm(owners: readonly ExactMatch[], tokens: readonly string[]): readonly ExactMatch[] {
    const male = this.foldedLabelOf(tokens);
    return male ? mergeOwners(owners, male) : owners;
  }

  /**
   * The owners of the label with these words; a compound written apart types it too ("magazijn
   * medewerker", "kassa-medewerker"), and so does one with its head first, as Dutch often writes
   * it ("medewerker thuiszorg"). Two words that are a label and a compound label both count, so
   * the occupation either names goes first: "chef kok" is a synonym of kok and of chefkok, and
   * "chefkok" names the latter.
   */
  private exactLabelOf(tokens: readonly string[]): readonly ExactMatch[] | undefined {
    return this.ownersOf(tokens, this.exactLabels, (words) => words.join(' '));
  }

  /** `exactLabelOf` in `labels`, keyed by `keyOf` (as typed, or with male forms and spelling folded). */
  private ownersOf(
    tokens: readonly string[],
    labels: ReadonlyMap<string, ExactMatch[]>,
    keyOf: (words: readonly string[]) => string,
  ): readonly ExactMatch[] | undefined {
    const label = labels.get(keyOf(tokens));
    if (tokens.length !== 2) return label;
    const compound = labels.get(keyOf([tokens[0] + tokens[1]])) ?? labels.get(keyOf([tokens[1] + tokens[0]]));
    return label && compound ? mergeOwners(label, compound) : (label ?? compound);
  }

  /** Tie-breaker rank of a concept (lower wins). */
  rankOf(concept: number): number {
    return this.ranks[concept];
  }

  /** Every concept with a word in common with the query, by its word score (0..1). */
  scoreConcepts(query: string): Map<number, ConceptScore> {
    const tokens = contentTokens(query, this.options.dropNoise ?? true);
    if (tokens.length === 0) return new Map();
    const terms = this.termsOf(this.corrected(tokens).words, true);
    const { dots, touchedLabels, labelConcepts, labelNorms, labelKindWeights } = this;
    const { bestScore, secondScore, bestLabel, touchedConcepts } = this;
    let queryNorm = 0;
    let labelCount = 0;
    for (const [term, weight] of terms) {
      const idf = this.idf.get(term);
      // A term no label has still makes the query longer: unmatched words lower every score alike.
      const queryWeight = weight * (idf ?? Math.log(1 + this.labels.length));
      queryNorm += queryWeight * queryWeight;
      if (idf === undefined) continue;
      const { labels, weights } = this.postings.get(term)!;
      for (let i = 0; i < labels.length; i++) {
        const label = labels[i];
        // Every posting weight is positive, so a dot of 0 is a label not touched yet.
        if (dots[label] === 0) touchedLabels[labelCount++] = label;
        dots[label] += weights[i] * queryWeight;
      }
    }
    queryNorm = Math.sqrt(queryNorm);
    let conceptCount = 0;
    for (let t = 0; t < labelCount; t++) {
      const labelIndex = touchedLabels[t];
      const score = (dots[labelIndex] / (queryNorm * labelNorms[labelIndex])) * labelKindWeights[labelIndex];
      dots[labelIndex] = 0;
      const concept = labelConcepts[labelIndex];
      if (bestLabel[concept] < 0) {
        touchedConcepts[conceptCount++] = concept;
        bestScore[concept] = score;
        secondScore[concept] = 0;
        bestLabel[concept] = labelIndex;
      } else if (score > bestScore[concept]) {
        secondScore[concept] = bestScore[concept];
        bestScore[concept] = score;
        bestLabel[concept] = labelIndex;
      } else if (score > secondScore[concept]) secondScore[concept] = score;
    }
    const scores = new Map<number, ConceptScore>();
    for (let t = 0; t < conceptCount; t++) {
      const concept = touchedConcepts[t];
      const best = bestScore[concept];
      scores.set(concept, {
        score: best + SECOND_LABEL_SHARE * secondScore[concept] * Math.max(0, 1 - best),
        label: this.labels[bestLabel[concept]].text,
      });
      bestLabel[concept] = -1;
    }
    return scores;
  }

  /**
   * The query's words corrected (see `correct`), the last query's kept: a search asks for its exact
   * matches and its scores of the same words, and the typo search is the dearest step of both.
   */
  private corrected(tokens: readonly string[]): Corrected {
    const key = tokens.join(' ');
    if (this.lastCorrected?.key !== key) {
      const corrections = tokens.map((token) => this.correct(token));
      this.lastCorrected = {
        key,
        words: corrections.map(({ word }) => word),
        guessed: corrections.some(({ guessed }) => guessed),
      };
    }
    return this.lastCorrected;
  }

  /**
   * A word no label has, within a typo or two of one that some label has, is read as that word; a
   * compound with a misspelt modifier ("luchtbehandelnigsmonteur") gets its modifier corrected.
   */
  private correct(token: string): Correction {
    const kept = { word: token, guessed: false };
    if (this.lexicon.has(token) || token.length < 5 || this.options.knownWords?.has(token)) return kept;
    // A female form of a known word is known: its term is the male form's.
    if (this.lexicon.has(masculine(token))) return kept;
    const parts = this.splitCompound(token);
    if (parts.length > 1 && parts.every((part) => this.lexicon.has(part))) return kept;
    const whole = this.fuzzy.correct(token);
    if (whole && !whole.similar) return { word: whole.word, guessed: false };
    if (parts.length > 1) {
      const modifier = parts[0];
      const linked = /[^aeiou]s$/.test(modifier) && modifier.length > 5 ? modifier.slice(0, -1) : modifier;
      const fixed = this.fuzzy.correct(linked);
      if (fixed && !fixed.similar) return { word: fixed.word + token.slice(modifier.length), guessed: false };
      return kept;
    }
    // Beyond the typo budget: the known word with most of its trigrams, a guess.
    return whole ? { word: whole.word, guessed: true } : kept;
  }

  /**
   * Dutch compounds, split from the right against the words the labels use: the head is a known
   * word, the modifier is a known word (optionally with a linking s) or at least four letters.
   * "magazijnmedewerker" → magazijn + medewerker; "kuisvrouw" → kuis + vrouw.
   */
  splitCompound(word: string): string[] {
    const cached = this.splitCache.get(word);
    if (cached) return cached;
    let parts = [word];
    for (let headLength = word.length - MIN_PART; headLength >= MIN_HEAD; headLength--) {
      const head = word.slice(-headLength);
      if (!this.lexicon.has(head) && !this.lexicon.has(masculine(head))) continue;
      const modifier = word.slice(0, -headLength);
      const linked = /[^aeiou]s$/.test(modifier) ? modifier.slice(0, -1) : undefined;
      if (linked && linked.length >= MIN_PART && this.lexicon.has(linked))
        parts = [...this.splitCompound(linked), head];
      else if (this.lexicon.has(modifier)) parts = [...this.splitCompound(modifier), head];
      else if (modifier.length >= 4) parts = [modifier, head];
      else continue;
      break;
    }
    if (this.splitCache.size < 100_000) this.splitCache.set(word, parts);
    return parts;
  }

  private termsOf(tokens: string[], isQuery: boolean): Terms {
    const terms: Terms = new Map();
    const add = (word: string, weight: number): void => {
      const term = termOf(word);
      if ((terms.get(term) ?? 0) < weight) terms.set(term, weight);
    };
    const synonyms = this.options.synonyms;
    tokens.forEach((token, position) => {
      add(token, 1);
      const parts = this.splitCompound(token);
      if (parts.length > 1) for (const part of parts) add(part, PART_WEIGHT);
      if (synonyms) {
        const replaced = parts.map((part) => synonyms.get(part) ?? part);
        if (replaced.some((part, i) => part !== parts[i])) {
          add(replaced.join(''), SYNONYM_WEIGHT);
          for (const part of replaced) if (parts.length > 1) add(part, PART_WEIGHT * SYNONYM_WEIGHT);
        }
      }
      const next = tokens[position + 1];
      // "magazijn medewerker" and "magazijn-medewerker" meet the label "magazijnmedewerker".
      if (isQuery && next !== undefined && this.lexicon.has(token + next)) add(token + next, JOINED_WEIGHT);
      // Dutch puts the head first as often as last: "medewerker schoonmaak" is a "schoonmaakmedewerker".
      if (isQuery && next !== undefined && this.lexicon.has(next + token)) add(next + token, REVERSED_WEIGHT);
    });
    return terms;
  }
}
