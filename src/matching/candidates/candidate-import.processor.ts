import { OnApplicationBootstrap, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { AppConfig } from '@platform/config/app-config';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { CandidateImportsService } from './candidate-imports.service';

/**
 * Runs candidate imports from the imports queue. The worker is created stopped and started only
 * when WORKERS_ENABLED, so an API-only instance (or a CLI) never picks up jobs.
 */
@Processor(QueueName.Imports, { autorun: false, concurrency: 1 })
export class CandidateImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(CandidateImportProcessor.name);

  constructor(
    private readonly imports: CandidateImportsService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('queue', { infer: true }).workersEnabled) return;
    this.worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'Import worker stopped'));
  }

  async process(job: Job): Promise<void> {
    if (job.name === (JobName.CandidateImport as string)) {
      return this.imports.run((job.data as JobPayload<JobName.CandidateImport>).importId);
    }
    // Another module's job on the shared imports queue: fail loudly rather than drop it.
    throw new Error(`No handler for job ${job.name} on queue ${QueueName.Imports}`);
  }
}
