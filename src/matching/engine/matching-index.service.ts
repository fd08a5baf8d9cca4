import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { AppConfig } from '@platform/config/app-config';
import { DomainEvents } from '@platform/queue/domain-events';
import { JobName } from '@platform/queue/queue-names';
import { RedisConnection } from '@platform/queue/redis.provider';
import { PlacesService } from '@sales/places/places.service';
import { CertificatesService } from '@sales/requirements/certificates.service';
import {
  CANDIDATE_PROFILES,
  CandidateProfileSource,
  OCCUPATION_FACTS,
  OccupationFactsSource,
} from '@matching/matching-sources';
import { CandidateIndex } from './candidate-index';
import { MatchingKnowledge } from './match-context';
import { MatchQuery, MatchResult } from './match-query';
import { OccupationCatalogue } from './occupation-catalogue';
import { PlacesTable } from './places-table';
import { loadWeights } from './weights';

const CERTIFICATES_CHECK_MS = 10_000;

/** A change for every instance's index. Ids only. */
export interface IndexChange {
  candidateId: string;
}

/**
 * Owns this process's candidate index: built from PostgreSQL at start, updated in place on every
 * candidate change. A change made through this instance is applied before the write's response goes
 * out (DomainEvents runs local listeners first: read-your-writes); the events worker then publishes it
 * on a Redis channel so every other API instance applies it too.
 */
@Injectable()
export class MatchingIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchingIndexService.name);
  private index: CandidateIndex | undefined;
  private knowledge: MatchingKnowledge | undefined;
  private subscriber: Redis | undefined;
  readonly channel: string;

  constructor(
    @Inject(CANDIDATE_PROFILES) private readonly candidates: CandidateProfileSource,
    @Inject(OCCUPATION_FACTS) private readonly occupations: OccupationFactsSource,
    private readonly places: PlacesService,
    private readonly certificates: CertificatesService,
    private readonly events: DomainEvents,
    private readonly redis: RedisConnection,
    config: ConfigService<AppConfig, true>,
  ) {
    this.channel = `${config.get('queue', { infer: true }).prefix}:matching-index`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Read-your-writes: the writing request waits for this before it answers.
    this.events.on(JobName.CandidateChanged, ({ candidateId }) => this.refresh(candidateId));
    this.subscriber = this.redis.client.duplicate();
    this.subscriber.on('error', (error) => this.logger.warn(`Index channel: ${error.message}`));
    // Every instance applies every broadcast change, the writing one a second time: refreshing reads
    // the current row, so applying twice is harmless.
    this.subscriber.on('message', (_channel: string, message: string) => {
      const change = JSON.parse(message) as IndexChange;
      this.refresh(change.candidateId).catch((error: unknown) =>
        this.logger.error({ err: error }, 'Index refresh failed'),
      );
    });
    await this.subscriber.subscribe(this.channel);
    await this.rebuild();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Builds the whole index anew from the owners' data (start, or after taxonomy/certificate changes). */
  async rebuild(): Promise<{ candidates: number; milliseconds: number }> {
    const started = Date.now();
    const builtFrom = {
      taxonomy: this.occupations.generation(),
      places: this.places.generation,
      certificatesHere: this.certificates.generation,
      certificates: await this.certificatesStamp(),
    };
    const implications = await this.certificates.implications();
    const certificateList = await this.certificates.list();
    const knowledge: MatchingKnowledge = {
      occupations: new OccupationCatalogue(await this.occupations.all()),
      places: new PlacesTable(this.places.areas()),
      weights: loadWeights(),
      certificateImplications: implications,
      certificateNames: new Map(certificateList.map((certificate) => [certificate.code, certificate.name])),
    };
    const index = new CandidateIndex(knowledge);
    for await (const batch of this.candidates.all()) for (const profile of batch) index.upsert(profile);
    this.knowledge = knowledge;
    this.index = index;
    this.builtFrom = builtFrom;
    const milliseconds = Date.now() - started;
    this.logger.log(
      `Matching index built: ${index.size} candidates in ${milliseconds} ms (weights ${knowledge.weights.version})`,
    );
    return { candidates: index.size, milliseconds };
  }

  /**
   * Re-reads one candidate and puts them in (or takes them out of) the index. Refreshes of one candidate
   * run one after another: a slow read started before a change must not land after a read started
   * after it (a late broadcast would otherwise put back the state before the change).
   */
  refresh(candidateId: string): Promise<void> {
    const previous = this.refreshing.get(candidateId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.readInto(candidateId));
    this.refreshing.set(candidateId, next);
    void next
      .finally(() => {
        if (this.refreshing.get(candidateId) === next) this.refreshing.delete(candidateId);
      })
      .catch(() => undefined);
    return next;
  }

  private readonly refreshing = new Map<string, Promise<void>>();

  private async readInto(candidateId: string): Promise<void> {
    if (!this.index) return; // the build at start reads the current state anyway
    const profile = await this.candidates.one(candidateId);
    if (profile) this.index.upsert(profile);
    else this.index.remove(candidateId);
  }

  /** Tells every instance (called by the events worker, once per change). */
  async broadcast(candidateId: string): Promise<void> {
    await this.redis.client.publish(this.channel, JSON.stringify({ candidateId } satisfies IndexChange));
  }

  async match(query: MatchQuery): Promise<MatchResult> {
    return (await this.current()).match(query);
  }

  async matchingKnowledge(): Promise<MatchingKnowledge> {
    await this.current();
    return this.knowledge!;
  }

  /**
   * The index, rebuilt first when the postcode areas changed since it was built (places imported after
   * start, e.g. from GEO_DATA_DIR): distances are worked out against the table of areas.
   */
  private async current(): Promise<CandidateIndex> {
    if (!this.index || !this.knowledge || (await this.knowledgeChanged())) {
      this.building ??= this.rebuild().finally(() => (this.building = undefined));
      await this.building;
    }
    return this.index!;
  }

  private building: Promise<unknown> | undefined;
  private builtFrom: { taxonomy: number; places: number; certificatesHere: number; certificates: string } | undefined;
  private certificatesCheckedAt = 0;

  /**
   * Whether what the index was built with has changed: postcode areas or ESCO occupations reloaded in
   * this process, also after an import elsewhere (see ReferenceData; cheap, checked every time), or the certificate list edited (a small query, checked at
   * most every CERTIFICATES_CHECK_MS, so edits made through another instance are seen too).
   */
  private async knowledgeChanged(): Promise<boolean> {
    if (this.knowledge!.places.size !== this.places.areas().length) return true;
    if (this.builtFrom?.places !== this.places.generation) return true;
    if (this.builtFrom.taxonomy !== this.occupations.generation()) return true;
    if (this.builtFrom.certificatesHere !== this.certificates.generation) return true;
    if (Date.now() - this.certificatesCheckedAt < CERTIFICATES_CHECK_MS) return false;
    this.certificatesCheckedAt = Date.now();
    return this.builtFrom.certificates !== (await this.certificatesStamp());
  }

  private async certificatesStamp(): Promise<string> {
    const list = await this.certificates.list();
    return JSON.stringify(list.map((certificate) => [certificate.code, certificate.name, certificate.implies]));
  }

  get size(): number {
    return this.index?.size ?? 0;
  }
}
