import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '@platform/config/app-config';
import { RedisConnection } from '@platform/queue/redis.provider';
import { REFERENCE_DATA_KINDS, referenceDataChannel, ReferenceDataKind } from './reference-data-version';

type Reload = () => Promise<void> | void;

/**
 * Keeps this instance's in-memory reference data (the ESCO search indexes, the postcode areas, what
 * depends on the certificate list) in step with the database, whoever changed it: this instance,
 * another instance, or a command-line import. A change moves its kind's version row in the same
 * transaction (bumpReferenceDataVersion) and is announced on a Redis channel after the commit; every
 * instance then compares the versions with what it loaded and reloads what moved. The versions are
 * also checked every REFERENCE_DATA_CHECK_SECONDS, for an announcement that was missed (a Redis
 * reconnect, an importer that could not reach Redis).
 */
@Injectable()
export class ReferenceData implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReferenceData.name);
  private readonly reloaders = new Map<ReferenceDataKind, Reload[]>();
  private readonly loaded = new Map<ReferenceDataKind, string>();
  private readonly channel: string;
  private readonly checkMs: number;
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private checkAgain = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisConnection,
    config: ConfigService<AppConfig, true>,
  ) {
    this.channel = referenceDataChannel(config.get('queue', { infer: true }).prefix);
    this.checkMs = config.get('referenceData', { infer: true }).checkSeconds * 1000;
  }

  /** What reloads `kind` in this instance. Owners register in their constructor or onModuleInit. */
  onChange(kind: ReferenceDataKind, reload: Reload): void {
    this.reloaders.set(kind, [...(this.reloaders.get(kind) ?? []), reload]);
  }

  /** The versions as they are before the owners load their data at bootstrap: a change after that is seen. */
  async onModuleInit(): Promise<void> {
    for (const [kind, version] of await this.versions()) this.loaded.set(kind, version);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscriber = this.redis.client.duplicate();
    this.subscriber.on('error', (error) => this.logger.warn(`Reference data channel: ${error.message}`));
    this.subscriber.on('message', () => void this.check());
    await this.subscriber.subscribe(this.channel);
    this.timer = setInterval(() => void this.check(), this.checkMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /**
   * After a change committed through this instance: reloads here first (unless the caller has already
   * served the new data), then tells the other instances.
   */
  async announce(kind: ReferenceDataKind, options: { reloadedHere?: boolean } = {}): Promise<void> {
    if (options.reloadedHere) {
      const version = (await this.versions()).get(kind);
      if (version !== undefined) this.loaded.set(kind, version);
    } else {
      await this.check();
    }
    await this.redis.client
      .publish(this.channel, kind)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not announce a reference data change'));
  }

  /** Reloads every kind whose version moved since it was loaded here; runs one at a time. */
  check(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = this.reloadChanged()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Reference data check failed'))
      .finally(() => {
        this.checking = undefined;
        if (this.checkAgain) {
          this.checkAgain = false;
          void this.check();
        }
      });
    return this.checking;
  }

  private async reloadChanged(): Promise<void> {
    for (const [kind, version] of await this.versions()) {
      if (this.loaded.get(kind) === version) continue;
      const started = Date.now();
      for (const reload of this.reloaders.get(kind) ?? []) await reload();
      // Only now: a reload that failed is tried again at the next check.
      this.loaded.set(kind, version);
      this.logger.log(`Reference data "${kind}" changed elsewhere: reloaded in ${Date.now() - started} ms`);
    }
  }

  private async versions(): Promise<Map<ReferenceDataKind, string>> {
    const rows = await this.dataSource.query<Array<{ kind: ReferenceDataKind; version: string }>>(
      'SELECT kind, version::text AS version FROM reference_data_versions WHERE kind = ANY($1::text[])',
      [REFERENCE_DATA_KINDS],
    );
    return new Map(rows.map((row) => [row.kind, row.version]));
  }
}
