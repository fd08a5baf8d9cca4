import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@platform/config/app-config';
import { JobName, QueueName } from '@platform/queue/queue-names';
import { OccupationSearch } from '@taxonomy/occupations/occupation-search';
import { SkillSearch } from '@taxonomy/skills/skill-search';

/**
 * The in-memory occupation and skill search indexes, built from the database at start and rebuilt
 * after every import that changed something. Searches never touch the database. The process that
 * runs the import rebuilds at once; an API-only process (WORKERS_ENABLED=false) hears of finished
 * imports through the queue's events.
 */
@Injectable()
export class TaxonomyIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaxonomyIndex.name);
  private occupationSearch = new OccupationSearch([]);
  private skillSearch = new SkillSearch([]);
  /** Occupation id by ESCO URI, for the ids the search results carry. */
  private occupationIds = new Map<string, string>();

  private importEvents?: QueueEvents;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Imports) private readonly importsQueue: Queue,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rebuild();
    if (this.config.get('queue', { infer: true }).workersEnabled) return;
    this.importEvents = new QueueEvents(QueueName.Imports, {
      connection: this.importsQueue.opts.connection,
      prefix: this.importsQueue.opts.prefix,
    });
    this.importEvents.on('completed', ({ jobId, returnvalue }) => {
      const changed = (returnvalue as unknown as { changed?: boolean } | undefined)?.changed;
      if (!jobId.startsWith(JobName.EscoImport) || changed === false) return;
      this.rebuild().catch((error: unknown) => this.logger.error(`Search index rebuild failed: ${String(error)}`));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.importEvents?.close();
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
      Array<{ id: string; uri: string; code: string; iscoGroup: string; preferredLabel: string; altLabels: string[] }>
    >(
      `SELECT id, uri, code, isco_group AS "iscoGroup", preferred_label AS "preferredLabel", alt_labels AS "altLabels"
       FROM occupations ORDER BY code`,
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
      occupations: new OccupationSearch(occupations),
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
