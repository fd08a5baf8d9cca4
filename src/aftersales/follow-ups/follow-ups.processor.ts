import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@platform/config/app-config';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { FollowUpWebhook } from './follow-up-webhook.service';
import { FollowUpsService } from './follow-ups.service';

/** The reconciler's job scheduler id; like a job name, never renamed. */
export const RECONCILE_SCHEDULER_ID = 'follow-up-reconcile';

/**
 * The worker of the follow-ups queue: a due follow-up, its webhook delivery, and the periodic
 * reconciler. Runs only where WORKERS_ENABLED is true.
 */
// Dispatching is a short database transaction: a few at once work off a burst of due follow-ups sooner.
@Processor(QueueName.FollowUps, { autorun: false, concurrency: 8 })
export class FollowUpsProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUpsProcessor.name);
  private keepScheduled?: NodeJS.Timeout;

  constructor(
    private readonly followUps: FollowUpsService,
    private readonly webhook: FollowUpWebhook,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectQueue(QueueName.FollowUps) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('queue', { infer: true }).workersEnabled) return;
    this.worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'Follow-ups worker stopped'));
    // Not awaited: with Redis away the call would wait for it and hold up the start; the interval retries.
    void this.scheduleReconciler().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Reconciler not scheduled at start; retrying next period'),
    );
    // The job scheduler lives in Redis; after a flush it is gone and nothing would run the
    // reconciler again. Re-asserting it from each worker process restores it within one period.
    const everyMs = this.config.get('followUps', { infer: true }).reconcileSeconds * 1000;
    this.keepScheduled = setInterval(() => {
      this.scheduleReconciler().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Reconciler schedule not renewed; retrying next period'),
      );
    }, everyMs);
    this.keepScheduled.unref();
  }

  onApplicationShutdown(): void {
    if (this.keepScheduled) clearInterval(this.keepScheduled);
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.FollowUpDue:
        return this.followUps.dispatch((job.data as JobPayload<JobName.FollowUpDue>).followUpId);
      case JobName.FollowUpReconcile:
        return this.followUps.reconcile();
      case JobName.FollowUpNotify:
        return this.webhook.deliver((job.data as JobPayload<JobName.FollowUpNotify>).notificationId);
      case JobName.CandidateChanged:
      case JobName.VacancyChanged:
      case JobName.EscoImport:
      case JobName.CandidateImport:
      case JobName.PlacesImport:
      case JobName.DemoDataSeed:
        throw new Error(`Job ${job.name} does not belong on the follow-ups queue`);
    }
  }

  /** Idempotent: upserting the same scheduler keeps one repeatable job. */
  private async scheduleReconciler(): Promise<void> {
    const everyMs = this.config.get('followUps', { infer: true }).reconcileSeconds * 1000;
    const data: JobPayload<JobName.FollowUpReconcile> = {};
    await this.queue.upsertJobScheduler(
      RECONCILE_SCHEDULER_ID,
      { every: everyMs },
      { name: JobName.FollowUpReconcile, data, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
