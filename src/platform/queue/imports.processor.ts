import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { AppConfig } from '@platform/config/app-config';
import { JobName, QueueName } from './queue-names';

type ImportHandler = (job: Job) => Promise<unknown>;

/**
 * The jobs of the imports queue, by name. Each feature registers its own (ESCO, candidate CSVs) at
 * start; the one worker of the queue dispatches to them. One worker per queue: two would take each
 * other's jobs.
 */
@Injectable()
export class ImportHandlers {
  private readonly handlers = new Map<string, ImportHandler>();

  register(
    name: JobName.EscoImport | JobName.CandidateImport | JobName.PlacesImport | JobName.DemoDataSeed,
    handler: ImportHandler,
  ): void {
    if (this.handlers.has(name)) throw new Error(`An import handler for ${name} is registered already`);
    this.handlers.set(name, handler);
  }

  handlerFor(name: string): ImportHandler | undefined {
    return this.handlers.get(name);
  }
}

/** Runs only where WORKERS_ENABLED: an API-only instance enqueues imports, a worker instance runs them. */
@Processor(QueueName.Imports, { autorun: false, concurrency: 1 })
export class ImportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(
    private readonly handlers: ImportHandlers,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('queue', { infer: true }).workersEnabled) return;
    this.worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'Imports worker stopped'));
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers.handlerFor(job.name);
    // Fail loudly rather than drop a job nobody here knows.
    if (!handler) throw new Error(`No handler for job ${job.name} on queue ${QueueName.Imports}`);
    return handler(job);
  }
}
