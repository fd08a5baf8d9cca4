import { Injectable, OnModuleInit } from '@nestjs/common';
import { ImportHandlers } from '@platform/queue/imports.processor';
import { JobName, JobPayload } from '@platform/queue/queue-names';
import { CandidateImportsService } from './candidate-imports.service';

/** Candidate CSV imports, run by the imports queue's worker (see ImportsProcessor). */
@Injectable()
export class CandidateImportProcessor implements OnModuleInit {
  constructor(
    private readonly imports: CandidateImportsService,
    private readonly handlers: ImportHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.CandidateImport, (job) =>
      this.imports.run((job.data as JobPayload<JobName.CandidateImport>).importId),
    );
  }
}
