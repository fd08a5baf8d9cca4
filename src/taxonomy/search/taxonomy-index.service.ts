import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OccupationSearch } from '@taxonomy/occupations/occupation-search';
import { SkillSearch } from '@taxonomy/skills/skill-search';

/**
 * The in-memory occupation and skill search indexes, built from the database at start and rebuilt
 * after every import that changed something. Searches never touch the database.
 */
@Injectable()
export class TaxonomyIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(TaxonomyIndex.name);
  private occupationSearch = new OccupationSearch([]);
  private skillSearch = new SkillSearch([]);
  /** Occupation id by ESCO URI, for the ids the search results carry. */
  private occupationIds = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rebuild();
  }

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
    const started = Date.now();
    const occupations = await this.dataSource.query<
      Array<{
        id: string;
        uri: string;
        code: string;
        iscoGroup: string;
        preferredLabel: string;
        altLabels: string[];
      }>
    >(
      `SELECT id, uri, code, isco_group AS "iscoGroup", preferred_label AS "preferredLabel", alt_labels AS "altLabels"
       FROM occupations ORDER BY code`,
    );
    const skills = await this.dataSource.query<
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
    this.occupationSearch = new OccupationSearch(occupations);
    this.skillSearch = new SkillSearch(skills);
    this.occupationIds = new Map(occupations.map((occupation) => [occupation.uri, occupation.id]));
    this.logger.log(
      `Search indexes built: ${occupations.length} occupations, ${skills.length} skills in ${Date.now() - started} ms`,
    );
  }
}
