import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { AppConfig } from '@platform/config/app-config';
import { JobName, QueueName } from '@platform/queue/queue-names';

/**
 * The worker of the events queue, which carries the domain events as typed jobs. Runs only where
 * WORKERS_ENABLED is true. The candidate index no longer depends on it: its instances follow a change
 * stream of their own (MatchingIndexService), so a change reaches them without waiting on a worker.
 */
@Processor(QueueName.Events, { autorun: false })
export class EventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(private readonly config: ConfigService<AppConfig, true>) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('queue', { infer: true }).workersEnabled) return;
    this.worker.run().catch((error: unknown) => this.logger.error(`Events worker stopped: ${String(error)}`));
  }

  process(job: Job): Promise<void> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.CandidateChanged:
        // The writing instance puts the change on the index's change stream itself (see
        // MatchingIndexService): nothing to do here. The job stays, as the event others may consume.
        return Promise.resolve();
      case JobName.VacancyChanged:
        // Vacancies are not indexed: matches for a vacancy read it fresh, and a candidate's list of
        // open vacancies is computed from the database on each request. Nothing to update.
        return Promise.resolve();
      case JobName.CandidateImport:
      case JobName.PlacesImport:
      case JobName.DemoDataSeed:
      case JobName.EscoImport:
      case JobName.FollowUpDue:
      case JobName.FollowUpReconcile:
      case JobName.FollowUpNotify:
        return Promise.reject(new Error(`Job ${job.name} does not belong on the events queue`));
    }
  }
}
