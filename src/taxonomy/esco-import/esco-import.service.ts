import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, Repository } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { DomainError, NotFoundError } from '@platform/errors/domain-error';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { ReferenceData } from '@platform/reference-data/reference-data.service';
import { TaxonomyIndex, TaxonomySnapshot } from '@taxonomy/search/taxonomy-index.service';
import { ImportStatusDto } from './dto/import-status.dto';
import { EscoImport } from './esco-import.entity';
import { createImportRecord, EscoImportSummary, importEscoRelease, releaseVersionOf } from './esco-importer';

export class EscoFolderNotFoundError extends DomainError {
  readonly code = 'ESCO_FOLDER_NOT_FOUND';
  readonly kind = 'invalid' as const;

  constructor() {
    super('The folder does not exist on the server', { fieldErrors: { folder: 'is not a folder on the server' } });
  }
}

/** The job id of an import: one job per import record, whoever enqueues it. */
export const escoImportJobId = (importId: string): string => `${JobName.EscoImport}-${importId}`;

@Injectable()
export class EscoImportService {
  private readonly logger = new Logger(EscoImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(EscoImport) private readonly imports: Repository<EscoImport>,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
    private readonly index: TaxonomyIndex,
    private readonly clock: Clock,
    private readonly referenceData: ReferenceData,
  ) {}

  /** Records the import as queued and hands it to the imports queue; the worker does the rest. */
  async start(folder: string, releaseVersion?: string): Promise<{ id: string }> {
    const absolute = resolve(folder);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) throw new EscoFolderNotFoundError();
    const id = await createImportRecord(
      this.dataSource,
      absolute,
      releaseVersion ?? releaseVersionOf(absolute) ?? undefined,
    );
    const payload: JobPayload<JobName.EscoImport> = { importId: id, folder: absolute };
    await this.queue.add(JobName.EscoImport, payload, { jobId: escoImportJobId(id), attempts: 1 });
    return { id };
  }

  /** Runs an import now (the worker calls this) and serves the new data in the searches when it changed any. */
  async run(
    payload: JobPayload<JobName.EscoImport>,
    onProgress?: (percent: number) => Promise<void>,
  ): Promise<EscoImportSummary> {
    const record = await this.imports.findOneBy({ id: payload.importId });
    if (!record) throw new NotFoundError('Import', 'IMPORT_NOT_FOUND');
    let snapshot: TaxonomySnapshot | undefined;
    const summary = await importEscoRelease(this.dataSource, payload.folder, {
      importId: payload.importId,
      releaseVersion: record.releaseVersion ?? undefined,
      onProgress,
      beforeCommit: async (runner, changed) => {
        if (changed) snapshot = await this.index.load(runner.manager);
      },
      now: () => this.clock.now(),
    });
    if (snapshot) {
      this.index.install(snapshot);
      await this.referenceData.announce('esco', { reloadedHere: true });
    }
    this.logger.log(`ESCO import ${summary.importId} finished; changed: ${summary.changed}`);
    return summary;
  }

  async status(id: string): Promise<ImportStatusDto> {
    const record = await this.imports.findOneBy({ id });
    if (!record) throw new NotFoundError('Import', 'IMPORT_NOT_FOUND');
    let progress = record.progress;
    if (record.status === 'running') {
      // During the transaction the live figure is the job's; the row is written before and after.
      const job = await this.queue.getJob(escoImportJobId(id));
      if (job && typeof job.progress === 'number') progress = Math.max(progress, job.progress);
    }
    return {
      id: record.id,
      status: record.status,
      progress,
      folder: record.folder,
      releaseVersion: record.releaseVersion,
      changed: record.changed,
      counts: record.counts,
      error: record.errorReason ? { file: record.errorFile, line: record.errorLine, reason: record.errorReason } : null,
      createdAt: record.createdAt,
      startedAt: record.startedAt,
      finishedAt: record.finishedAt,
    };
  }
}
