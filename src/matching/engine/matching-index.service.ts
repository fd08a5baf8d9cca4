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
import { CandidateProfile } from '@matching/profiles';
import { CandidateIndex } from './candidate-index';
import { MatchingKnowledge } from './match-context';
import { MatchQuery, MatchResult } from './match-query';
import { OccupationCatalogue } from './occupation-catalogue';
import { PlacesTable } from './places-table';
import { loadWeights } from './weights';

const CERTIFICATES_CHECK_MS = 10_000;
/** Changes kept in the stream: an instance further behind than this rebuilds its index. */
const STREAM_LENGTH = 200_000;
/** How long one read of the stream waits for news before it asks again. */
const STREAM_BLOCK_MS = 5_000;

/**
 * Owns this process's candidate index: built from PostgreSQL at start, updated in place on every
 * candidate change.
 *
 * A change made through this instance is applied before the write's response goes out (DomainEvents
 * runs local listeners first: read-your-writes), then appended (the id only) to a Redis stream that
 * every instance follows, so the others apply it too, typically within milliseconds. A stream, not
 * pub/sub: an instance that lost its Redis connection reads on from where it was, so no change is
 * missed; one that fell more than STREAM_LENGTH changes behind (they were trimmed) rebuilds. The
 * position in the stream is taken before a build, so changes made while it runs are read after it.
 *
 * Changes are applied in batches: ids that arrive while a read is running are read together next, in
 * one query; batches run one after another, so a later read never lands before an earlier one.
 */
@Injectable()
export class MatchingIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchingIndexService.name);
  private index: CandidateIndex | undefined;
  private knowledge: MatchingKnowledge | undefined;
  private reader: Redis | undefined;
  private closed = false;
  private following: Promise<void> | undefined;
  /** The id of the last stream entry applied. */
  private position = '0-0';
  readonly stream: string;

  constructor(
    @Inject(CANDIDATE_PROFILES) private readonly candidates: CandidateProfileSource,
    @Inject(OCCUPATION_FACTS) private readonly occupations: OccupationFactsSource,
    private readonly places: PlacesService,
    private readonly certificates: CertificatesService,
    private readonly events: DomainEvents,
    private readonly redis: RedisConnection,
    config: ConfigService<AppConfig, true>,
  ) {
    this.stream = `${config.get('queue', { infer: true }).prefix}:matching-changes`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Read-your-writes: the writing request waits for this before it answers.
    this.events.on(JobName.CandidateChanged, ({ candidateId }) => this.changed(candidateId));
    this.position = await this.streamEnd();
    await this.rebuild();
    this.reader = this.redis.client.duplicate({ maxRetriesPerRequest: null });
    this.reader.on('error', (error) => this.logger.warn(`Index change stream: ${error.message}`));
    this.following = this.follow();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.reader?.disconnect();
    await this.following?.catch(() => undefined);
  }

  /**
   * A candidate changed here (committed): into this index and onto the stream for the other instances,
   * side by side. The entry is only the id and the others re-read the row, so it need not wait for this
   * index; and a failed local read no longer keeps the change from the others.
   */
  private async changed(candidateId: string): Promise<void> {
    await Promise.all([
      this.refresh([candidateId]),
      this.redis.client.xadd(this.stream, 'MAXLEN', '~', STREAM_LENGTH, '*', 'candidate', candidateId),
    ]);
  }

  /** Reads the stream from the last position for as long as the service runs. */
  private async follow(): Promise<void> {
    while (!this.closed) {
      try {
        const answer = await this.reader!.xread(
          'COUNT',
          1000,
          'BLOCK',
          STREAM_BLOCK_MS,
          'STREAMS',
          this.stream,
          this.position,
        );
        if (!answer) continue;
        const entries = answer[0][1];
        if (entries.length === 0) continue;
        if (await this.fellBehind()) continue;
        // The field is `candidate`; each entry holds one id.
        const ids = entries.map(([, fields]) => fields[1]);
        this.position = entries[entries.length - 1][0];
        await this.refresh(ids);
      } catch (error) {
        if (this.closed) return;
        this.logger.warn(`Index change stream: ${(error as Error).message}; reading on in a second`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /** Whether entries after our position were trimmed away; then the index is rebuilt from the database. */
  private async fellBehind(): Promise<boolean> {
    if (this.position === '0-0') return false;
    const first = (await this.redis.client.xrange(this.stream, '-', '+', 'COUNT', 1))[0]?.[0];
    if (!first || compareStreamIds(first, this.position) <= 0) return false;
    this.logger.warn('The index fell behind the change stream; rebuilding it');
    this.position = await this.streamEnd();
    await this.rebuild();
    return true;
  }

  private async streamEnd(): Promise<string> {
    const last = await this.redis.client.xrevrange(this.stream, '+', '-', 'COUNT', 1);
    return last[0]?.[0] ?? '0-0';
  }

  /** Builds the whole index anew from the owners' data (start, or after taxonomy/certificate changes). */
  async rebuild(): Promise<{ candidates: number; milliseconds: number }> {
    const started = Date.now();
    const memoryBefore = heapAndTypedArrays();
    const cpuBefore = process.cpuUsage();
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
    // Changes applied while the build reads: read again into the new index once it is complete.
    const changedMeanwhile = new Set<string>();
    this.buildsWatching.add(changedMeanwhile);
    try {
      for await (const batch of this.candidates.all()) for (const profile of batch) index.upsert(profile);
      while (changedMeanwhile.size > 0) {
        const ids = [...changedMeanwhile];
        changedMeanwhile.clear();
        this.apply(index, ids, await this.candidates.some(ids));
      }
    } finally {
      this.buildsWatching.delete(changedMeanwhile);
    }
    index.organise();
    this.knowledge = knowledge;
    this.index = index;
    this.builtFrom = builtFrom;
    const milliseconds = Date.now() - started;
    // What the new index holds (the old one is still referenced here): the bench's bytes per candidate.
    const memory = heapAndTypedArrays() - memoryBefore;
    // The process's CPU time beside the wall time: on a busy machine the wall time is mostly waiting.
    const cpu = process.cpuUsage(cpuBefore);
    this.logger.log(
      `Matching index built: ${index.size} candidates in ${milliseconds} ms (weights ${knowledge.weights.version}; memory ${memory} bytes; cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms)`,
    );
    return { candidates: index.size, milliseconds };
  }

  private readonly buildsWatching = new Set<Set<string>>();

  /**
   * Re-reads these candidates and puts them in (or takes them out of) the index; resolves once done.
   * Ids asked for while a read runs wait for the next one, which reads them all at once.
   */
  refresh(candidateIds: string[]): Promise<void> {
    for (const id of candidateIds) {
      this.pending.add(id);
      for (const watching of this.buildsWatching) watching.add(id);
    }
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.refreshing) this.refreshing = this.drain().finally(() => (this.refreshing = undefined));
    return done;
  }

  private readonly pending = new Set<string>();
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private refreshing: Promise<void> | undefined;

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const ids = [...this.pending];
      const waiting = this.waiting;
      this.pending.clear();
      this.waiting = [];
      try {
        const profiles = await this.candidates.some(ids);
        // The build at start reads the current state anyway.
        if (this.index) this.apply(this.index, ids, profiles);
        for (const waiter of waiting) waiter.resolve();
      } catch (error) {
        for (const waiter of waiting) waiter.reject(error);
      }
    }
    // A rebuilt layout folds in what moved; done here, after the writes, not in a query.
    if (this.index?.needsOrganising) this.index.organise();
  }

  private apply(index: CandidateIndex, ids: string[], profiles: CandidateProfile[]): void {
    const found = new Set<string>();
    for (const profile of profiles) {
      index.upsert(profile);
      found.add(profile.id);
    }
    for (const id of ids) if (!found.has(id)) index.remove(id);
  }

  async match(query: MatchQuery): Promise<MatchResult> {
    return (await this.current()).match(query);
  }

  /**
   * Several queries on one state of the index: `work` runs synchronously, so no change lands between
   * them (the supply preview compares counts of one profile and its relaxations).
   */
  async matchTogether<T>(
    work: (match: (query: MatchQuery) => MatchResult, knowledge: MatchingKnowledge) => T,
  ): Promise<T> {
    const index = await this.current();
    return work((query) => index.match(query), this.knowledge!);
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

/**
 * The JS heap plus the typed arrays' buffers. Collected first when the process runs with --expose-gc
 * (the bench does), so the figure is what stays, not what the build left for the collector.
 */
function heapAndTypedArrays(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Stream entry ids are "<ms>-<seq>": compared as numbers, part by part. */
function compareStreamIds(a: string, b: string): number {
  const [aTime, aSequence] = a.split('-').map(Number);
  const [bTime, bSequence] = b.split('-').map(Number);
  return aTime - bTime || aSequence - bSequence;
}
