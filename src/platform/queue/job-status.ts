import { ApiProperty } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { NotFoundError } from '@platform/errors/domain-error';
import { JobName } from './queue-names';

/** Deterministic job ids: `places.import-<uuid>`. */
export const jobIdOf = (name: JobName, id: string): string => `${name}-${id}`;

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A background job as a client follows it (places import, demo data): its state, progress and outcome. */
export class JobStatusDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: JobState;
  @ApiProperty({ description: 'Percent done, 0–100' }) progress!: number;
  @ApiProperty({ type: [String], description: 'What the job did, one line per part (when done)' }) summary!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) error!: string | null;
}

/**
 * The status of a job by its id, read from BullMQ itself: these jobs keep no table of their own (what they
 * write is the record; the job is only how far it got). The name in the job id keeps one kind from reading another's.
 */
export async function jobStatusOf(
  queue: Queue,
  name: JobName,
  id: string,
  notFoundCode: string,
): Promise<JobStatusDto> {
  const job = await queue.getJob(jobIdOf(name, id));
  if (!job) throw new NotFoundError('Job', notFoundCode);
  const state = await job.getState();
  const status: JobState =
    state === 'completed' ? 'done' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued';
  const result = job.returnvalue as { summary?: unknown } | null | undefined;
  return {
    id,
    status,
    progress: status === 'done' ? 100 : typeof job.progress === 'number' ? job.progress : 0,
    summary: status === 'done' && Array.isArray(result?.summary) ? result.summary.map(String) : [],
    error: status === 'failed' ? (job.failedReason ?? 'failed') : null,
  };
}
