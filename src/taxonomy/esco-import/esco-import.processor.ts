import { Injectable, OnModuleInit } from '@nestjs/common';
import { ImportHandlers } from '@platform/queue/imports.processor';
import { JobName, JobPayload } from '@platform/queue/queue-names';
import { EscoImportService } from './esco-import.service';

/** ESCO imports, run by the imports queue's worker (see ImportsProcessor), with progress. */
@Injectable()
export class EscoImportJob implements OnModuleInit {
  constructor(
    private readonly escoImports: EscoImportService,
    private readonly handlers: ImportHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.EscoImport, async (job) => {
      const summary = await this.escoImports.run(job.data as JobPayload<JobName.EscoImport>, (percent) =>
        job.updateProgress(percent),
      );
      return { changed: summary.changed, counts: summary.counts };
    });
  }
}
