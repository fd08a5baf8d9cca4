import { LabelIndex, SearchLabel } from '@taxonomy/search/label-index';

export interface SearchableSkill {
  uri: string;
  skillType: string | null;
  labelEn: string;
  labelNl: string | null;
  altLabelsEn: readonly string[];
  altLabelsNl: readonly string[];
}

export interface SkillMatch {
  uri: string;
  skillType: string | null;
  /** The Dutch label where ESCO has one, else the English one. */
  label: string;
  labelEn: string;
  matchedLabel: string;
  score: number;
}

/** Skill search over Dutch and English labels, on the same machinery as the occupation search. */
export class SkillSearch {
  private readonly index: LabelIndex;

  constructor(private readonly skills: readonly SearchableSkill[]) {
    this.index = new LabelIndex(
      skills.map((skill) => {
        const labels: SearchLabel[] = [];
        if (skill.labelNl) labels.push({ text: skill.labelNl, kind: 'preferred' });
        labels.push(...skill.altLabelsNl.map((text) => ({ text, kind: 'alternative' as const })));
        // English labels rank just below Dutch ones: "forklift" still finds the skill.
        labels.push({ text: skill.labelEn, kind: skill.labelNl ? 'secondary' : 'preferred' });
        labels.push(...skill.altLabelsEn.map((text) => ({ text, kind: 'secondary' as const })));
        return { labels };
      }),
      { dropNoise: false },
    );
  }

  get size(): number {
    return this.skills.length;
  }

  search(query: string, limit: number): SkillMatch[] {
    return this.index.search(query, limit).map((hit) => {
      const skill = this.skills[hit.concept];
      return {
        uri: skill.uri,
        skillType: skill.skillType,
        label: skill.labelNl ?? skill.labelEn,
        labelEn: skill.labelEn,
        matchedLabel: hit.matchedLabel,
        score: hit.score,
      };
    });
  }
}
