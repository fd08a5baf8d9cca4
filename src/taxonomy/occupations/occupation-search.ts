import { CharGramIndex, gramText } from '@taxonomy/search/char-grams';
import { contentTokens } from '@taxonomy/search/dutch-text';
import { ConceptScore, ExactMatch, LabelIndex } from '@taxonomy/search/label-index';
import { QueryExpander } from '@taxonomy/search/query-expansion';
import { JOB_TITLE_LEXICON } from './job-title-lexicon';

/** What the occupation search needs of an occupation; built from the database or straight from the CSVs. */
export interface SearchableOccupation {
  uri: string;
  code: string;
  iscoGroup: string;
  preferredLabel: string;
  altLabels: readonly string[];
  /** Weaker evidence: ESCO's description of the occupation. */
  description?: string;
  /** Weaker evidence: the Dutch label of its ISCO-08 unit group. */
  iscoGroupLabel?: string;
}

export interface OccupationMatch {
  uri: string;
  code: string;
  iscoGroup: string;
  label: string;
  matchedLabel: string;
  score: number;
}

/** Frequent heads of Dutch job-title compounds that ESCO rarely writes as a word of their own. */
const COMPOUND_HEADS = [
  'vrouw',
  'man',
  'hulp',
  'kracht',
  'medewerker',
  'medewerkster',
  'werker',
  'bediende',
  'jongen',
  'meisje',
];

/**
 * The shares of the signals in an occupation's score, and the spread of a list of guesses, tuned on
 * the tuning half of every set of `npm run eval:occupations` together and confirmed on the other half
 * (tools/tune-occupations.ts).
 */
export interface SignalWeights {
  /** Word terms (stems, compound parts, corrections): LabelIndex's TF-IDF cosine of the best label. */
  words: number;
  /** Character 3-4-gram TF-IDF cosine of the best label. */
  labelGrams: number;
  /** Character grams of ESCO's description of the occupation: weaker evidence. */
  descriptionGrams: number;
  /** Character grams of the occupation's ISCO unit group label: weaker evidence. */
  groupGrams: number;
  /**
   * The best label-gram score of another occupation in the same ISCO group: a family of
   * occupations that all look like the query is stronger evidence than one lookalike.
   */
  siblings: number;
  /**
   * Character grams of the ISCO group as one document, the labels and descriptions of all its
   * occupations: what the group as a whole is about, where no single occupation says it (a title
   * of an occupation ESCO lacks still lands among its neighbours).
   */
  groupDocument: number;
  /**
   * When no label is typed exactly, the list is a set of guesses: an occupation of a group with k
   * occupations listed before it counts (1 − spread)^k as much, so five guesses are not five
   * variants of one group while another group fits nearly as well. 0 keeps the plain order.
   */
  spread: number;
}

export const SIGNAL_WEIGHTS: SignalWeights = {
  words: 0.3,
  labelGrams: 0.7,
  descriptionGrams: 2,
  groupGrams: 0.3,
  siblings: 0.5,
  groupDocument: 1.5,
  spread: 0.15,
};

export interface OccupationSearchOptions {
  weights?: SignalWeights;
  /** Correctly spelt Dutch words (a spelling dictionary), never corrected to a label word. */
  knownWords?: ReadonlySet<string>;
  /** Postings kept per gram of the labels and of the descriptions (for the tuning; see below). */
  labelPostingCap?: number;
  descriptionPostingCap?: number;
  /** Typed words to the words ESCO uses (default: JOB_TITLE_LEXICON), read beside the query's own. */
  lexicon?: ReadonlyMap<string, readonly string[]>;
}

/** Postings kept per character gram of the labels and of the descriptions (the heaviest ones). */
const LABEL_POSTING_CAP = 200;
const DESCRIPTION_POSTING_CAP = 150;
const GROUP_DOCUMENT_POSTING_CAP = 150;
const ALTERNATIVE_WEIGHT = 0.97;
/**
 * The guesses a spread list is chosen from: the best 50, the most the API lets a client ask for
 * (search-query.dto.ts). The same pool for every limit, so a shorter list is the start of a longer
 * one (the vacancy form asks for 5, the eval for 10).
 */
export const SPREAD_POOL = 50;
/**
 * A query read through the job-title lexicon ("plafonneur" as "stukadoor") counts this much of
 * what the words ESCO uses would score: the typed word still counts in full, its counterpart a
 * little less, so a label with the typed word itself (were there one) would win.
 */
const EXPANSION_WEIGHT = 0.9;

/**
 * Reads a rewritten query's `text` in `index` (into `reading`, scratch space) and keeps, per owner,
 * the better of that reading and the one `into` holds.
 */
function keepBetterReading(index: CharGramIndex, text: string, into: Float32Array, reading: Float32Array): void {
  reading.fill(0);
  index.addScores(text, reading, EXPANSION_WEIGHT);
  for (let i = 0; i < into.length; i++) if (reading[i] > into[i]) into[i] = reading[i];
}

/** What each signal says about each occupation for one query; see `SignalWeights`. */
export interface QuerySignals {
  /** Occupations with a label that is the query (content words); they go first, named ones first of all. */
  exact: readonly ExactMatch[];
  words: Map<number, ConceptScore>;
  labelGrams: Float32Array;
  descriptionGrams: Float32Array;
  /** Per ISCO group (see `groupOf`). */
  groupGrams: Float32Array;
  /** Per ISCO group. */
  groupDocuments: Float32Array;
  /** Per occupation: the label (index into the gram labels) that gave its label-gram score, or -1. */
  bestGramLabel: Int32Array;
}

/**
 * A weighed score as the 0..1 the API reports: 1 is kept for a label typed exactly (those rank
 * first); any other score maps below it, the higher the closer, so the order stays the order of the
 * list. The weighed sum has no upper bound (evidence adds up), hence a squash rather than a clamp,
 * which reported 1 for many titles that are no label: a label matched in full with no further
 * evidence (1 on the label scale) reports 2/3, half of that 1/2.
 */
export function reportedScore(weighed: number): number {
  if (!(weighed > 0)) return 0;
  return Math.min(0.999, Math.floor((1000 * weighed) / (weighed + REPORTED_HALF)) / 1000);
}
const REPORTED_HALF = 0.5;

/**
 * `limit` of `ranked` (best first, all with positive scores), each next one the best after its
 * score is discounted by (1 − spread) for every occupation of its group listed before it; with
 * the discounted score it was chosen by, which never rises along the list (every pick can only
 * lower what the others are worth).
 */
export function spreadOverGroups(
  ranked: readonly number[],
  scores: Float32Array,
  groupOf: Int32Array,
  spread: number,
  limit: number,
): Array<{ occupation: number; discounted: number }> {
  const listed: Array<{ occupation: number; discounted: number }> = [];
  const left = [...ranked];
  const listedOfGroup = new Map<number, number>();
  while (listed.length < limit && left.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    for (let at = 0; at < left.length; at++) {
      const value = scores[left[at]] * (1 - spread) ** (listedOfGroup.get(groupOf[left[at]]) ?? 0);
      // Strictly greater: of equal values the one ranked first stays first.
      if (value > bestValue) {
        bestValue = value;
        best = at;
      }
    }
    const [chosen] = left.splice(best, 1);
    listed.push({ occupation: chosen, discounted: bestValue });
    listedOfGroup.set(groupOf[chosen], (listedOfGroup.get(groupOf[chosen]) ?? 0) + 1);
  }
  return listed;
}

export class OccupationSearch {
  private readonly index: LabelIndex;
  private readonly labelGrams: CharGramIndex;
  private readonly gramLabelTexts: string[] = [];
  private readonly descriptionGrams: CharGramIndex;
  private readonly groupGrams: CharGramIndex;
  private readonly groupDocuments: CharGramIndex;
  /** Index of each occupation's ISCO group in `groupGrams`. */
  readonly groupOf: Int32Array;
  private readonly weights: SignalWeights;
  private readonly expander: QueryExpander;
  /** Per-query scratch space, reused: the search serves one query at a time (Node is single-threaded). */
  private readonly scratchScores: Float32Array;
  private readonly scratchWords: Float32Array;
  private readonly scratchGroups: Float32Array[];
  private readonly scratchExact: Uint8Array;

  constructor(
    private readonly occupations: readonly SearchableOccupation[],
    options: OccupationSearchOptions = {},
  ) {
    this.weights = options.weights ?? SIGNAL_WEIGHTS;
    this.expander = new QueryExpander(options.lexicon ?? JOB_TITLE_LEXICON);
    this.index = new LabelIndex(
      occupations.map((occupation) => ({
        labels: [
          { text: occupation.preferredLabel, kind: 'preferred' as const },
          ...occupation.altLabels.map((text) => ({ text, kind: 'alternative' as const })),
        ],
        // Equal scores go to the broader occupation (2654.1 before 2654.1.7): the safer first guess.
        rank: occupation.code.split('.').length,
      })),
      {
        dropNoise: true,
        compoundHeads: COMPOUND_HEADS,
        knownWords: options.knownWords,
      },
    );
    const texts: string[] = [];
    const owners: number[] = [];
    const kindWeights: number[] = [];
    occupations.forEach((occupation, i) => {
      const seen = new Set<string>();
      [occupation.preferredLabel, ...occupation.altLabels].forEach((label, position) => {
        const text = gramText(label, false);
        if (text === '' || seen.has(text)) return;
        seen.add(text);
        texts.push(text);
        owners.push(i);
        kindWeights.push(position === 0 ? 1 : ALTERNATIVE_WEIGHT);
        this.gramLabelTexts.push(label);
      });
    });
    this.labelGrams = new CharGramIndex(texts, owners, occupations.length, {
      postingCap: options.labelPostingCap ?? LABEL_POSTING_CAP,
      documentWeights: kindWeights,
    });
    this.descriptionGrams = new CharGramIndex(
      occupations.map((o) => gramText(o.description ?? '', false)),
      occupations.map((_, i) => i),
      occupations.length,
      { postingCap: options.descriptionPostingCap ?? DESCRIPTION_POSTING_CAP },
    );
    const groups = new Map<string, number>();
    const groupTexts: string[] = [];
    const groupDocuments: string[][] = [];
    this.groupOf = Int32Array.from(occupations, (occupation) => {
      let group = groups.get(occupation.iscoGroup);
      if (group === undefined) {
        groups.set(occupation.iscoGroup, (group = groupTexts.length));
        groupTexts.push(gramText(occupation.iscoGroupLabel ?? '', false));
        groupDocuments.push([]);
      }
      groupDocuments[group].push(occupation.preferredLabel, ...occupation.altLabels, occupation.description ?? '');
      return group;
    });
    this.scratchScores = new Float32Array(occupations.length);
    this.scratchWords = new Float32Array(occupations.length);
    this.scratchExact = new Uint8Array(occupations.length);
    this.scratchGroups = [0, 1].map(() => new Float32Array(groupTexts.length));
    this.groupGrams = new CharGramIndex(
      groupTexts,
      groupTexts.map((_, i) => i),
      groupTexts.length,
    );
    this.groupDocuments = new CharGramIndex(
      groupDocuments.map((texts) => gramText(texts.join(' '), false)),
      groupTexts.map((_, i) => i),
      groupTexts.length,
      { postingCap: GROUP_DOCUMENT_POSTING_CAP },
    );
  }

  get size(): number {
    return this.occupations.length;
  }

  search(query: string, limit: number): OccupationMatch[] {
    const signals = this.signals(query);
    return this.rank(signals, this.weights, limit).map(({ occupation: i, score }) => {
      const occupation = this.occupations[i];
      const gramLabel = signals.bestGramLabel[i];
      return {
        uri: occupation.uri,
        code: occupation.code,
        iscoGroup: occupation.iscoGroup,
        label: occupation.preferredLabel,
        matchedLabel:
          signals.words.get(i)?.label ?? (gramLabel >= 0 ? this.gramLabelTexts[gramLabel] : occupation.preferredLabel),
        score,
      };
    });
  }

  /**
   * Every signal for a query, before they are weighed (the eval's tuning weighs them many ways).
   * A query with lexicon words is read twice or more: as typed, and with each lexicon word as the
   * word ESCO uses; each occupation keeps, per signal, the better of the readings (the rewritten
   * ones at EXPANSION_WEIGHT).
   */
  signals(query: string): QuerySignals {
    const n = this.occupations.length;
    const labelGrams = new Float32Array(n);
    const bestGramLabel = new Int32Array(n).fill(-1);
    const descriptionGrams = new Float32Array(n);
    const groupGrams = new Float32Array(this.groupGrams.ownerCount);
    const groupDocuments = new Float32Array(this.groupGrams.ownerCount);
    const text = gramText(query, true);
    this.labelGrams.addScores(text, labelGrams, 1, bestGramLabel);
    this.descriptionGrams.addScores(text, descriptionGrams, 1);
    this.groupGrams.addScores(text, groupGrams, 1);
    this.groupDocuments.addScores(text, groupDocuments, 1);
    let exact = this.index.exactMatches(query);
    const words = this.index.scoreConcepts(query);
    const alternatives = this.expander.alternatives(contentTokens(query, true));
    if (alternatives.length > 0) {
      const label = new Float32Array(n);
      const bestLabel = new Int32Array(n).fill(-1);
      const occupationReading = new Float32Array(n);
      const groupReading = new Float32Array(groupGrams.length);
      for (const tokens of alternatives) {
        const rewritten = tokens.join(' ');
        const rewrittenText = ` ${rewritten} `;
        label.fill(0);
        this.labelGrams.addScores(rewrittenText, label, EXPANSION_WEIGHT, bestLabel);
        for (let i = 0; i < n; i++)
          if (label[i] > labelGrams[i]) {
            labelGrams[i] = label[i];
            bestGramLabel[i] = bestLabel[i];
          }
        keepBetterReading(this.descriptionGrams, rewrittenText, descriptionGrams, occupationReading);
        keepBetterReading(this.groupGrams, rewrittenText, groupGrams, groupReading);
        keepBetterReading(this.groupDocuments, rewrittenText, groupDocuments, groupReading);
        for (const [i, score] of this.index.scoreConcepts(rewritten)) {
          const weighed = score.score * EXPANSION_WEIGHT;
          if (weighed > (words.get(i)?.score ?? 0)) words.set(i, { score: weighed, label: score.label });
        }
        if (exact.length === 0) exact = this.index.exactMatches(rewritten);
      }
    }
    return { exact, words, labelGrams, descriptionGrams, groupGrams, groupDocuments, bestGramLabel };
  }

  /**
   * The occupations by weighed score, best first: an exact label first (among those the one it
   * names before one that has it as a synonym, then the broader one), then score, then the broader
   * occupation. Where no label is typed exactly the list is spread over the ISCO groups (see
   * `SignalWeights.spread`). The reported score follows that order (see `reportedScore`).
   */
  rank(signals: QuerySignals, weights: SignalWeights, limit: number): Array<{ occupation: number; score: number }> {
    if (limit <= 0) return [];
    const n = this.occupations.length;
    const scale = weights.words + weights.labelGrams || 1;
    const scores = this.scratchScores;
    const words = this.scratchWords.fill(0);
    for (const [i, { score }] of signals.words) words[i] = score;
    const { labelGrams, descriptionGrams, groupGrams, groupDocuments } = signals;
    const groupOf = this.groupOf;
    // Each group's best and second-best label-gram score, for the siblings' share.
    const groups = groupGrams.length;
    const first = this.scratchGroups[0].fill(0, 0, groups);
    const second = this.scratchGroups[1].fill(0, 0, groups);
    for (let i = 0; i < n; i++) {
      const g = groupOf[i];
      const label = labelGrams[i];
      if (label > first[g]) {
        second[g] = first[g];
        first[g] = label;
      } else if (label > second[g]) second[g] = label;
    }
    for (let i = 0; i < n; i++) {
      const g = groupOf[i];
      scores[i] =
        weights.words * words[i] +
        weights.labelGrams * labelGrams[i] +
        weights.descriptionGrams * descriptionGrams[i] +
        weights.groupGrams * groupGrams[g] +
        weights.groupDocument * groupDocuments[g] +
        weights.siblings * (labelGrams[i] >= first[g] ? second[g] : first[g]);
    }
    // 2 for an occupation the query names (its preferred label), 1 for one it has as a synonym, 0
    // for the others: one per occupation, not a Map, as `better` asks for most occupations when a
    // label is typed.
    const exact = this.scratchExact.fill(0);
    for (const { concept, named } of signals.exact) exact[concept] = named ? 2 : 1;
    const rankOf = (i: number): number => this.index.rankOf(i);
    // Among occupations that have the typed label, the one it names first ("logistiek medewerker"
    // before logistiek analist, whose synonym it is too), then the broader one ("elektricien":
    // 7411.1, monteur elektrische installaties, before 7411.1.1): the safe answer a narrower one refines.
    const better = (a: number, b: number): boolean =>
      exact[a] !== exact[b]
        ? exact[a] > exact[b]
        : exact[a] > 0 && rankOf(a) !== rankOf(b)
          ? rankOf(a) < rankOf(b)
          : scores[a] !== scores[b]
            ? scores[a] > scores[b]
            : rankOf(a) !== rankOf(b)
              ? rankOf(a) < rankOf(b)
              : a < b;
    // The few best of a few thousand: an insertion into a short sorted list beats sorting them all.
    const anyExact = signals.exact.length > 0;
    const spread = anyExact ? 0 : weights.spread;
    const kept = spread > 0 ? Math.max(limit, SPREAD_POOL) : limit;
    const top: number[] = [];
    for (let i = 0; i < n; i++) {
      const score = scores[i];
      if (score <= 0) continue;
      if (top.length === kept) {
        const worst = top[kept - 1];
        // Most occupations fall below the last one kept at once; only near ties need the full order.
        if (!anyExact && score < scores[worst]) continue;
        if (!better(i, worst)) continue;
      }
      let at = top.length === kept ? kept - 1 : top.length;
      while (at > 0 && better(i, top[at - 1])) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = i;
    }
    // A spread list reports the discounted score each guess was chosen by: what ordered the list.
    if (spread > 0)
      return spreadOverGroups(top, scores, groupOf, spread, limit).map(({ occupation, discounted }) => ({
        occupation,
        score: reportedScore(discounted / scale),
      }));
    return top.map((i) => ({ occupation: i, score: exact[i] > 0 ? 1 : reportedScore(scores[i] / scale) }));
  }
}
