import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { FollowUpsDemoSeeder } from '@aftersales/follow-ups/follow-ups-demo-seeder';
import { PlacementsDemoSeeder } from '@aftersales/placements/placements-demo-seeder';
import { PlacementsHistoryDemoSeeder } from '@aftersales/placements/placements-history-demo-seeder';
import { TargetsDemoSeeder } from '@reports/targets/targets-demo-seeder';
import { IdentityDemoSeeder } from '@identity/cli/demo-seeder';
import { demoEmail } from '@identity/cli/demo-users';
import { MIN_PASSWORD_LENGTH } from '@identity/auth/password-hasher';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { DEMO_UNITS } from '@identity/cli/demo-users';
import { CandidatesDemoSeeder } from '@matching/candidates/candidates-demo-seeder';
import { SalesDemoSeeder } from '@sales/sales-demo.seeder';
import { FieldRuleError } from '@platform/errors/domain-error';
import { ImportHandlers } from '@platform/queue/imports.processor';
import { jobIdOf, jobStatusOf, JobStatusDto } from '@platform/queue/job-status';
import { JobName, QueueName } from '@platform/queue/queue-names';

/**
 * The demo data of every module, idempotent, for `npm run seed:demo` and the set-up page. The demo users
 * are made first, with the password chosen, in the caller's process: a password never goes into a job
 * payload. The rest (employers, vacancies, candidates, proposals, placements and a year of history, follow-ups, targets) is a job on
 * the imports queue with progress, since it takes a while.
 */
@Injectable()
export class DemoDataService implements OnModuleInit {
  constructor(
    private readonly modules: ModuleRef,
    private readonly handlers: ImportHandlers,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.DemoDataSeed, async (job) => ({
      summary: await this.seedRest((percent) => job.updateProgress(percent)),
    }));
  }

  /** Demo units and users, then the job for the rest; follow it with `status(id)`. */
  async start(password: string): Promise<{ id: string; summary: string[] }> {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new FieldRuleError(
        'DEMO_PASSWORD_TOO_SHORT',
        'password',
        `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      );
    }
    const users = await this.seedUsers(password);
    const id = randomUUID();
    const payload: Record<string, never> = {};
    await this.queue.add(JobName.DemoDataSeed, payload, { jobId: jobIdOf(JobName.DemoDataSeed, id), attempts: 1 });
    return { id, summary: [users] };
  }

  status(id: string): Promise<JobStatusDto> {
    return jobStatusOf(this.queue, JobName.DemoDataSeed, id, 'DEMO_DATA_JOB_NOT_FOUND');
  }

  async seedUsers(password: string): Promise<string> {
    const identity = await this.get(IdentityDemoSeeder).seed(password);
    return `Demo users: ${identity.created} created, ${identity.existing} existed already`;
  }

  /** Everything after the users, one line per part; `onProgress` gets the percentage after each part. */
  async seedRest(onProgress: (percent: number) => Promise<void> = () => Promise.resolve()): Promise<string[]> {
    const lines: string[] = [];
    const units = this.get(UnitsService);
    const unitIds: string[] = [];
    for (const unit of DEMO_UNITS) {
      const found = await units.findByName(unit.name);
      if (found) unitIds.push(found.id);
    }
    const accountManager = await this.get(UsersService).findByEmail(demoEmail(Role.SALES, Organisation.STAFFING_FIRM));
    if (!accountManager || unitIds.length < DEMO_UNITS.length) throw new Error('The demo users must be seeded first');
    await onProgress(5);
    const sales = await this.get(SalesDemoSeeder).seed(unitIds, accountManager.id);
    lines.push(
      'skipped' in sales
        ? `Demo employers and vacancies skipped: ${sales.skipped}`
        : `Demo employers: ${sales.employersCreated} created, ${sales.employersExisting} existed already; ` +
            `vacancies: ${sales.vacanciesCreated} created, ${sales.vacanciesExisting} existed already`,
    );
    await onProgress(25);
    const candidates = await this.get(CandidatesDemoSeeder).seed();
    lines.push(
      'skipped' in candidates
        ? `Demo candidates skipped: ${candidates.skipped}`
        : `Demo candidates: ${candidates.candidates} in both pools (${candidates.changed} new or changed), ${candidates.consents} consents added`,
    );
    await onProgress(60);
    const placements = await this.get(PlacementsDemoSeeder).seed();
    lines.push(
      'skipped' in placements
        ? `Demo proposals and placements skipped: ${placements.skipped}`
        : placements.existing
          ? `Demo proposals: ${placements.proposals} existed already, nothing added`
          : `Demo proposals: ${placements.proposals} over the past year, ${placements.placements} placements`,
    );
    await onProgress(70);
    const history = await this.get(PlacementsHistoryDemoSeeder).seed();
    lines.push(
      'skipped' in history
        ? `Demo year of placements skipped: ${history.skipped}`
        : 'existing' in history
          ? `Demo year of placements: ${history.existing} existed already, nothing added`
          : `Demo year of placements: ${history.placements} placements (${history.sroiPlacements} SROI, ` +
            `${history.ended} ended early), ${history.proposals} proposals on ${history.vacancies} vacancies, ` +
            `${history.outflows} outflows recorded`,
    );
    await onProgress(85);
    // After the history, so the calls of its placements are answered too.
    const followUps = await this.get(FollowUpsDemoSeeder).seed();
    lines.push(
      'skipped' in followUps
        ? `Demo follow-up calls skipped: ${followUps.skipped}`
        : 'existing' in followUps
          ? `Demo follow-up calls: ${followUps.existing} existed already, nothing added`
          : `Demo follow-ups: ${followUps.dueToday} due today, ${followUps.dispatched} came due, outcomes ` +
            JSON.stringify(followUps.outcomes),
    );
    await onProgress(95);
    const targets = await this.get(TargetsDemoSeeder).seed();
    lines.push(
      'skipped' in targets
        ? `Demo targets skipped: ${targets.skipped}`
        : `Demo targets: ${targets.set} set, ${targets.existing} existed already`,
    );
    await onProgress(100);
    return lines;
  }

  // The seeders belong to their feature modules, which keep them to themselves; like the CLI, look them up.
  private get<T>(type: new (...args: never[]) => T): T {
    return this.modules.get(type, { strict: false });
  }
}
