import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { Clock } from '@platform/clock/clock';
import { AppConfig } from '@platform/config/app-config';
import { DomainEvents } from '@platform/queue/domain-events';
import { JobName } from '@platform/queue/queue-names';
import { RedisConnection } from '@platform/queue/redis.provider';
import { VACANCY_PROFILES, VacancyProfileSource } from '@matching/matching-sources';

type VacancyView = NonNullable<Awaited<ReturnType<VacancyProfileSource['one']>>>;

/** Vacancies kept at most; a ranked list is worked for a few dozen open vacancies at a time. */
const KEPT = 500;
/**
 * A kept vacancy is read anew after this long, whatever the channel said: a change whose message never
 * came (the writer stopped between its commit and the publish, or Redis refused the publish) is then
 * seen within this time instead of never.
 */
export const VACANCY_KEPT_MS = 30_000;

/**
 * The vacancy a ranked list is asked for, kept between its changes: every list read it anew, one
 * PostgreSQL round trip of four per request, while a vacancy changes a few times in its life.
 *
 * vacancy.changed (emitted after the commit whenever what matching reads of a vacancy changed, its
 * unit included) forgets it here and is published on a Redis channel that every instance follows, so
 * the others forget it too, typically within milliseconds. A read that was under way while a change
 * arrived is not kept (it may have read the row before the commit). While the subscription is down
 * nothing is kept and, once it is back, everything kept is forgotten: a message missed then can
 * leave nothing stale. A message lost otherwise is covered by reading a kept vacancy anew after
 * VACANCY_KEPT_MS.
 */
@Injectable()
export class VacancyViews implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(VacancyViews.name);
  private readonly kept = new Map<string, { view: VacancyView; readAt: number }>();
  private readonly channel: string;
  private subscriber: Redis | undefined;
  private listening = false;
  /** Counts every forgetting, so a read that overlapped one is not kept. */
  private generation = 0;

  constructor(
    @Inject(VACANCY_PROFILES) private readonly vacancies: VacancyProfileSource,
    private readonly events: DomainEvents,
    private readonly redis: RedisConnection,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.channel = `${config.get('queue', { infer: true }).prefix}:vacancy-changes`;
  }

  async onModuleInit(): Promise<void> {
    this.events.on(JobName.VacancyChanged, async ({ vacancyId }) => {
      this.forget(vacancyId);
      await this.redis.client.publish(this.channel, vacancyId);
    });
    this.subscriber = this.redis.client.duplicate({ maxRetriesPerRequest: null });
    this.subscriber.on('error', (error) => this.logger.warn(`Vacancy change channel: ${error.message}`));
    this.subscriber.on('message', (_channel: string, vacancyId: string) => this.forget(vacancyId));
    this.subscriber.on('close', () => this.stopKeeping());
    // (Re)connected: keep again only once the subscription is acknowledged, and nothing from before it.
    this.subscriber.on('ready', () => void this.listen());
    await this.listen();
  }

  private async listen(): Promise<void> {
    this.stopKeeping();
    try {
      await this.subscriber!.subscribe(this.channel);
    } catch (error) {
      this.logger.warn(`Vacancy change channel: ${(error as Error).message}; vacancies read anew meanwhile`);
      return;
    }
    this.generation++;
    this.kept.clear();
    this.listening = true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopKeeping();
    await this.subscriber?.quit().catch(() => undefined);
  }

  /** The vacancy's matching view as PostgreSQL has it (or had it at its last change); null when unknown. */
  async one(vacancyId: string): Promise<VacancyView | null> {
    const kept = this.kept.get(vacancyId);
    const now = this.clock.now().getTime();
    if (kept && this.listening && now - kept.readAt < VACANCY_KEPT_MS) return kept.view;
    const generation = this.generation;
    const view = await this.vacancies.one(vacancyId);
    if (view && this.listening && generation === this.generation) {
      this.kept.delete(vacancyId);
      if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(vacancyId, { view, readAt: now });
    }
    return view;
  }

  private forget(vacancyId: string): void {
    this.generation++;
    this.kept.delete(vacancyId);
  }

  private stopKeeping(): void {
    this.listening = false;
    this.generation++;
    this.kept.clear();
  }
}
