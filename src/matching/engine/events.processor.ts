import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { AppConfig } from '@platform/config/app-config';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { MatchingIndexService } from './matching-index.service';

/**
 * The worker of the events queue: fans each candidate change out to every API instance's index.
 * Runs only where WORKERS_ENABLED is true. Idempotent: a change broadcast twice is applied twice,
 * which reads the same row twice.
 */
@Processor(QueueName.Events, { autorun: false })
export class EventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly index: MatchingIndexService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('queue', { infer: true }).workersEnabled) return;
    this.worker.run().catch((error: unknown) => this.logger.error(`Events worker stopped: ${String(error)}`));
  }

  async process(job: Job): Promise<void> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.CandidateChanged:
        await this.index.broadcast((job.data as JobPayload<JobName.CandidateChanged>).candidateId);
        return;
      case JobName.VacancyChanged:
        // Vacancies are not indexed: matches for a vacancy read it fresh, and a candidate's list of
        // open vacancies is computed from the database on each request. Nothing to update.
        return;
      case JobName.CandidateImport:
      case JobName.PlacesImport:
      case JobName.DemoDataSeed:
      case JobName.EscoImport:
      case JobName.FollowUpDue:
      case JobName.FollowUpReconcile:
      case JobName.FollowUpNotify:
        throw new Error(`Job ${job.name} does not belong on the events queue`);
    }
  }
}
