import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { AppConfig } from '@platform/config/app-config';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { EscoImportService } from './esco-import.service';

/**
 * The worker of the imports queue. It starts only when WORKERS_ENABLED is true, so an API-only
 * instance enqueues imports and another instance runs them.
 */
@Processor(QueueName.Imports, { autorun: false })
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly escoImports: EscoImportService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('queue', { infer: true }).workersEnabled) return;
    this.worker.run().catch((error: unknown) => this.logger.error(`Imports worker stopped: ${String(error)}`));
  }

  async process(job: Job): Promise<unknown> {
    // The imports queue will also carry candidate imports (JobName.CandidateImport); their handler
    // joins this class when that feature lands. Until then such a job fails loudly.
    if (job.name !== (JobName.EscoImport as string))
      throw new Error(`The imports worker has no handler for job ${job.name}`);
    const payload = job.data as JobPayload<JobName.EscoImport>;
    const summary = await this.escoImports.run(payload, (percent) => job.updateProgress(percent));
    return { changed: summary.changed, counts: summary.counts };
  }
}
