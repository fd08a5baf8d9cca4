import { Injectable } from '@nestjs/common';
import { TaxonomyIndex } from '@taxonomy/search/taxonomy-index.service';
import { SkillMatchDto } from './dto/skill-match.dto';

@Injectable()
export class SkillsService {
  constructor(private readonly index: TaxonomyIndex) {}

  search(query: string, limit = 10): SkillMatchDto[] {
    return this.index.skills.search(query, limit);
  }
}
