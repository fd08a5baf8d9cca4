import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReferenceData } from '@platform/reference-data/reference-data.service';
import { OccupationSearch } from '@taxonomy/occupations/occupation-search';
import { SkillSearch } from '@taxonomy/skills/skill-search';
import { loadKnownWords } from './known-words';

let dutchWords: Set<string> | undefined;
/** The spelling dictionary, read once per process (about a second) on the first build. */
function knownDutchWords(): Set<string> {
  return (dutchWords ??= loadKnownWords());
}

/**
 * The in-memory occupation and skill search indexes, built from the database at start and rebuilt
 * after every import that changed something. Searches never touch the database. The process that
 * runs the import installs the new indexes as it commits; every other process (another instance, or
 * the service beside a command-line import) rebuilds when ReferenceData sees the ESCO version move.
 */
@Injectable()
export class TaxonomyIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(TaxonomyIndex.name);
  private occupationSearch = new OccupationSearch([]);
  private skillSearch = new SkillSearch([]);
  /** Occupation id by ESCO URI, for the ids the search results carry. */
  private occupationIds = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    referenceData: ReferenceData,
  ) {
    // An import made by another process (the CLI, another instance) is loaded here too.
    referenceData.onChange('esco', () => this.rebuild());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rebuild();
  }

  /** How many times a snapshot was installed: others (the matching index) rebuild when it moves. */
  get generation(): number {
    return this.installed;
  }

  private installed = 0;

  get occupations(): OccupationSearch {
    return this.occupationSearch;
  }

  get skills(): SkillSearch {
    return this.skillSearch;
  }

  occupationIdOf(uri: string): string | undefined {
    return this.occupationIds.get(uri);
  }

  async rebuild(): Promise<void> {
    this.install(await this.load(this.dataSource.manager));
  }

  /**
   * Builds new indexes from what `manager` sees, without serving them yet: the import builds them
   * inside its transaction and installs them right after the commit, so an import never reports
   * success while searches still answer from the old data.
   */
  async load(manager: EntityManager): Promise<TaxonomySnapshot> {
    const started = Date.now();
    const occupations = await manager.query<
      Array<{
        id: string;
        uri: string;
        code: string;
        iscoGroup: string;
        preferredLabel: string;
        altLabels: string[];
        description: string;
        iscoGroupLabel: string | null;
      }>
    >(
      `SELECT o.id, o.uri, o.code, o.isco_group AS "iscoGroup", o.preferred_label AS "preferredLabel",
              o.alt_labels AS "altLabels", o.description, g.label AS "iscoGroupLabel"
       FROM occupations o LEFT JOIN isco_groups g ON g.code = o.isco_group ORDER BY o.code`,
    );
    const skills = await manager.query<
      Array<{
        uri: string;
        skillType: string | null;
        labelEn: string;
        labelNl: string | null;
        altLabelsEn: string[];
        altLabelsNl: string[];
      }>
    >(
      `SELECT uri, skill_type AS "skillType", label_en AS "labelEn", label_nl AS "labelNl",
              alt_labels_en AS "altLabelsEn", alt_labels_nl AS "altLabelsNl"
       FROM skills ORDER BY uri`,
    );
    const snapshot = {
      occupations: new OccupationSearch(
        occupations.map((occupation) => ({ ...occupation, iscoGroupLabel: occupation.iscoGroupLabel ?? undefined })),
        { knownWords: knownDutchWords() },
      ),
      skills: new SkillSearch(skills),
      occupationIds: new Map(occupations.map((occupation) => [occupation.uri, occupation.id])),
    };
    this.logger.log(
      `Search indexes built: ${occupations.length} occupations, ${skills.length} skills in ${Date.now() - started} ms`,
    );
    return snapshot;
  }

  install(snapshot: TaxonomySnapshot): void {
    this.installed++;
    this.occupationSearch = snapshot.occupations;
    this.skillSearch = snapshot.skills;
    this.occupationIds = snapshot.occupationIds;
  }
}

export interface TaxonomySnapshot {
  occupations: OccupationSearch;
  skills: SkillSearch;
  occupationIds: Map<string, string>;
}
