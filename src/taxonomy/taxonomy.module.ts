import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EscoImport } from './esco-import/esco-import.entity';
import { EscoImportJob } from './esco-import/esco-import.processor';
import { EscoImportService } from './esco-import/esco-import.service';
import { EscoImportsController } from './esco-import/esco-imports.controller';
import { BroaderLink } from './occupations/broader-link.entity';
import { IscoGroup } from './occupations/isco-group.entity';
import { Occupation } from './occupations/occupation.entity';
import { OccupationSkill } from './occupations/occupation-skill.entity';
import { OccupationsController } from './occupations/occupations.controller';
import { OccupationsService } from './occupations/occupations.service';
import { TaxonomyIndex } from './search/taxonomy-index.service';
import { Skill } from './skills/skill.entity';
import { SkillsController } from './skills/skills.controller';
import { SkillsService } from './skills/skills.service';

/** ESCO occupations and skills: import, Dutch job-title search, occupation details. */
@Module({
  imports: [TypeOrmModule.forFeature([EscoImport, Occupation, IscoGroup, OccupationSkill, BroaderLink, Skill])],
  controllers: [EscoImportsController, OccupationsController, SkillsController],
  providers: [TaxonomyIndex, EscoImportService, EscoImportJob, OccupationsService, SkillsService],
  exports: [OccupationsService, SkillsService],
})
export class TaxonomyModule {}
