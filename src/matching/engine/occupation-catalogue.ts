import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** What matching needs to know of an ESCO occupation. */
export interface OccupationFacts {
  uri: string;
  /** Dutch preferred label, for the sentences of the explanation. */
  label: string;
  /** 4-digit ISCO-08 group. */
  iscoGroup: string;
  essentialSkillUris: readonly string[];
  optionalSkillUris: readonly string[];
}

/** The ESCO occupations with their skills, read-only, shared by the engine and the reference scorer. */
export class OccupationCatalogue {
  private readonly byUri = new Map<string, OccupationFacts>();

  constructor(occupations: Iterable<OccupationFacts>) {
    for (const occupation of occupations) this.byUri.set(occupation.uri, occupation);
  }

  get(uri: string): OccupationFacts | undefined {
    return this.byUri.get(uri);
  }

  all(): IterableIterator<OccupationFacts> {
    return this.byUri.values();
  }

  get size(): number {
    return this.byUri.size;
  }
}

/** Reads the catalogue straight from an ESCO CSV release (benchmarks, tools and tests). */
export function loadOccupationCatalogueFromEsco(folder: string): OccupationCatalogue {
  const occupations = parse<Record<string, string>>(readFileSync(join(folder, 'occupations_nl.csv')), {
    columns: true,
    bom: true,
  });
  const relations = parse<Record<string, string>>(readFileSync(join(folder, 'occupationSkillRelations.csv')), {
    columns: true,
    bom: true,
  });
  const skills = new Map<string, { essential: string[]; optional: string[] }>();
  for (const relation of relations) {
    const entry = skills.get(relation.occupationUri) ?? { essential: [], optional: [] };
    (relation.relationType === 'essential' ? entry.essential : entry.optional).push(relation.skillUri);
    skills.set(relation.occupationUri, entry);
  }
  return new OccupationCatalogue(
    occupations.map((row) => ({
      uri: row.conceptUri,
      label: row.preferredLabel,
      iscoGroup: row.iscoGroup,
      essentialSkillUris: skills.get(row.conceptUri)?.essential ?? [],
      optionalSkillUris: skills.get(row.conceptUri)?.optional ?? [],
    })),
  );
}
