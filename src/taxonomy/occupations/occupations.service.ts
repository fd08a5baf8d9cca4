import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@platform/errors/domain-error';
import { TaxonomyIndex } from '@taxonomy/search/taxonomy-index.service';
import { OccupationDetailsDto, OccupationSkillDto } from './dto/occupation-details.dto';
import { OccupationMatchDto } from './dto/occupation-match.dto';
import { OccupationFacts } from '@matching/engine/occupation-catalogue';

export const DEFAULT_LIMIT = 10;

@Injectable()
export class OccupationsService {
  constructor(
    private readonly index: TaxonomyIndex,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  search(query: string, limit = DEFAULT_LIMIT): OccupationMatchDto[] {
    return this.index.occupations.search(query, limit).flatMap((match) => {
      const id = this.index.occupationIdOf(match.uri);
      return id ? [{ id, ...match }] : [];
    });
  }

  /** Moves every time the occupations in memory are replaced (start, import). */
  catalogueGeneration(): number {
    return this.index.generation;
  }

  /** Every occupation with its ISCO group and essential/optional skill URIs, for the matching index. */
  async matchingFacts(): Promise<OccupationFacts[]> {
    const rows = await this.dataSource.query<
      Array<{ uri: string; label: string; iscoGroup: string; essential: string[] | null; optional: string[] | null }>
    >(
      `SELECT o.uri, o.preferred_label AS label, o.isco_group AS "iscoGroup",
              array_agg(s.uri ORDER BY s.uri) FILTER (WHERE r.relation_type = 'essential') AS essential,
              array_agg(s.uri ORDER BY s.uri) FILTER (WHERE r.relation_type = 'optional') AS optional
       FROM occupations o
       LEFT JOIN occupation_skills r ON r.occupation_id = o.id
       LEFT JOIN skills s ON s.id = r.skill_id
       GROUP BY o.id`,
    );
    return rows.map((row) => ({
      uri: row.uri,
      label: row.label,
      iscoGroup: row.iscoGroup,
      essentialSkillUris: row.essential ?? [],
      optionalSkillUris: row.optional ?? [],
    }));
  }

  async details(id: string): Promise<OccupationDetailsDto> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        uri: string;
        code: string;
        label: string;
        altLabels: string[];
        description: string;
        iscoCode: string;
      }>
    >(
      `SELECT o.id, o.uri, o.code, o.preferred_label AS label, o.alt_labels AS "altLabels", o.description,
              o.isco_group AS "iscoCode"
       FROM occupations o WHERE o.id = $1`,
      [id],
    );
    const occupation = rows[0];
    if (!occupation) throw new NotFoundError('Occupation', 'OCCUPATION_NOT_FOUND');
    const codes = Array.from({ length: occupation.iscoCode.length }, (_, i) => occupation.iscoCode.slice(0, i + 1));
    const groups = await this.dataSource.query<Array<{ code: string; label: string }>>(
      `SELECT code, label FROM isco_groups WHERE code = ANY($1::text[]) ORDER BY length(code)`,
      [codes],
    );
    const skills = await this.dataSource.query<Array<OccupationSkillDto & { relationType: string }>>(
      `SELECT s.id, s.uri, COALESCE(s.label_nl, s.label_en) AS label, s.label_en AS "labelEn",
              s.skill_type AS "skillType", r.relation_type AS "relationType"
       FROM occupation_skills r JOIN skills s ON s.id = r.skill_id
       WHERE r.occupation_id = $1 ORDER BY label`,
      [id],
    );
    const strip = ({ relationType: _relationType, ...skill }: OccupationSkillDto & { relationType: string }) => skill;
    const { iscoCode, ...rest } = occupation;
    return {
      ...rest,
      iscoGroup: groups.find((group) => group.code === iscoCode) ?? { code: iscoCode, label: '' },
      iscoPath: groups,
      essentialSkills: skills.filter((skill) => skill.relationType === 'essential').map(strip),
      optionalSkills: skills.filter((skill) => skill.relationType === 'optional').map(strip),
    };
  }
}
