import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { FieldRuleError } from '@platform/errors/domain-error';
import { ImportHandlers } from '@platform/queue/imports.processor';
import { jobIdOf, jobStatusOf, JobStatusDto } from '@platform/queue/job-status';
import { JobName, JobPayload, QueueName } from '@platform/queue/queue-names';
import { GEO_FILES } from './geo-files';
import { describeImport } from './places-import';
import { PlacesService } from './places.service';

/**
 * Places imports as a job on the imports queue (the set-up page follows its progress), running the same
 * import as the CLI and GEO_DATA_DIR: check all files, then one transaction.
 */
@Injectable()
export class PlacesImportsService implements OnModuleInit {
  private readonly logger = new Logger(PlacesImportsService.name);

  constructor(
    private readonly places: PlacesService,
    private readonly handlers: ImportHandlers,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.PlacesImport, async (job) => {
      const { folder } = job.data as JobPayload<JobName.PlacesImport>;
      const report = await this.places.importFrom(folder, (percent) => job.updateProgress(percent));
      this.logger.log(describeImport(report));
      // Shown on the set-up page, in the users' language.
      return {
        summary: [
          `${report.places.total} postcodegebieden, ${report.municipalities.total} gemeenten, ` +
            `${report.regions.total} arbeidsmarktregio's${report.changed ? '' : ' (ongewijzigd)'}`,
        ],
      };
    });
  }

  async start(folder: string): Promise<{ id: string }> {
    const absolute = resolve(folder);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      throw new FieldRuleError('PLACES_FOLDER_NOT_FOUND', 'folder', 'is not a folder on the server');
    }
    if (!existsSync(join(absolute, GEO_FILES.places))) {
      throw new FieldRuleError('PLACES_FOLDER_NOT_FOUND', 'folder', `holds no ${GEO_FILES.places}`);
    }
    const id = randomUUID();
    const payload: JobPayload<JobName.PlacesImport> = { folder: absolute };
    await this.queue.add(JobName.PlacesImport, payload, { jobId: jobIdOf(JobName.PlacesImport, id), attempts: 1 });
    return { id };
  }

  status(id: string): Promise<JobStatusDto> {
    return jobStatusOf(this.queue, JobName.PlacesImport, id, 'PLACES_IMPORT_NOT_FOUND');
  }
}
