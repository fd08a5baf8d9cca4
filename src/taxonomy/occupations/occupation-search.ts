import { LabelIndex, SearchHit } from '@taxonomy/search/label-index';

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

/**
 * Flemish and colloquial words for the same thing, part for part: "kuisvrouw" is a "poetsvrouw",
 * which ESCO lists. Only words ESCO does not use itself, so no label changes meaning.
 */
export const OCCUPATION_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['kuis', 'poets'],
  ['kuisman', 'schoonmaker'],
  ['kuister', 'schoonmaakster'],
  ['mecanicien', 'monteur'],
  ['verpleger', 'verpleegkundige'],
  ['kelner', 'ober'],
  ['bediende', 'medewerker'],
]);

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

export class OccupationSearch {
  private readonly index: LabelIndex;

  constructor(private readonly occupations: readonly SearchableOccupation[]) {
    this.index = new LabelIndex(
      occupations.map((occupation) => ({
        labels: [
          { text: occupation.preferredLabel, kind: 'preferred' as const },
          ...occupation.altLabels.map((text) => ({ text, kind: 'alternative' as const })),
        ],
        // Equal scores go to the broader occupation (2654.1 before 2654.1.7): the safer first guess.
        rank: occupation.code.split('.').length,
      })),
      { dropNoise: true, synonyms: OCCUPATION_SYNONYMS, compoundHeads: COMPOUND_HEADS },
    );
  }

  get size(): number {
    return this.occupations.length;
  }

  search(query: string, limit: number): OccupationMatch[] {
    return this.index.search(query, limit).map((hit: SearchHit) => {
      const occupation = this.occupations[hit.concept];
      return {
        uri: occupation.uri,
        code: occupation.code,
        iscoGroup: occupation.iscoGroup,
        label: occupation.preferredLabel,
        matchedLabel: hit.matchedLabel,
        score: hit.score,
      };
    });
  }
}
