import { FollowUpsDemoSeeder } from '@aftersales/follow-ups/follow-ups-demo-seeder';
import { PlacementsDemoSeeder } from '@aftersales/placements/placements-demo-seeder';
import { PlacementsHistoryDemoSeeder } from '@aftersales/placements/placements-history-demo-seeder';
import { TargetsDemoSeeder } from '@reports/targets/targets-demo-seeder';
import { IdentityDemoSeeder } from '@identity/cli/demo-seeder';
import { CandidatesDemoSeeder } from '@matching/candidates/candidates-demo-seeder';
import { demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { SalesDemoSeeder } from '@sales/sales-demo.seeder';
import { CliUsageError, runCli } from './run-cli';

/**
 * `npm run seed:demo`: demo data for every module, idempotent. Each module contributes its seeder
 * here, in dependency order.
 */
runCli(async (app, config) => {
  const password = config.demo.password;
  if (!password) {
    throw new CliUsageError('Set DEMO_PASSWORD (at least 12 characters): every demo user gets it as password');
  }
  const identity = await app.get(IdentityDemoSeeder).seed(password);
  process.stdout.write(`Demo users: ${identity.created} created, ${identity.existing} existed already\n`);
  const accountManager = await app.get(UsersService).findByEmail(demoEmail(Role.SALES, Organisation.STAFFING_FIRM));
  const sales = await app.get(SalesDemoSeeder).seed(identity.unitIds, accountManager!.id);
  process.stdout.write(
    'skipped' in sales
      ? `Demo employers and vacancies skipped: ${sales.skipped}\n`
      : `Demo employers: ${sales.employersCreated} created, ${sales.employersExisting} existed already; ` +
          `vacancies: ${sales.vacanciesCreated} created, ${sales.vacanciesExisting} existed already\n`,
  );
  const candidates = await app.get(CandidatesDemoSeeder).seed();
  process.stdout.write(
    'skipped' in candidates
      ? `Demo candidates skipped: ${candidates.skipped}\n`
      : `Demo candidates: ${candidates.candidates} in both pools (${candidates.changed} new or changed), ${candidates.consents} consents added\n`,
  );
  const placements = await app.get(PlacementsDemoSeeder).seed();
  process.stdout.write(
    'skipped' in placements
      ? `Demo proposals and placements skipped: ${placements.skipped}\n`
      : placements.existing
        ? `Demo proposals: ${placements.proposals} existed already, nothing added\n`
        : `Demo proposals: ${placements.proposals} over the past year, ${placements.placements} placements\n`,
  );
  const history = await app.get(PlacementsHistoryDemoSeeder).seed();
  process.stdout.write(
    'skipped' in history
      ? `Demo year of placements skipped: ${history.skipped}\n`
      : 'existing' in history
        ? `Demo year of placements: ${history.existing} existed already, nothing added\n`
        : `Demo year of placements: ${history.placements} placements (${history.sroiPlacements} SROI, ` +
          `${history.ended} ended early), ${history.proposals} proposals on ${history.vacancies} vacancies, ` +
          `${history.outflows} outflows recorded\n`,
  );
  // After the history, so the calls of its placements are answered too.
  const followUps = await app.get(FollowUpsDemoSeeder).seed();
  process.stdout.write(
    'skipped' in followUps
      ? `Demo follow-up calls skipped: ${followUps.skipped}\n`
      : 'existing' in followUps
        ? `Demo follow-up calls: ${followUps.existing} existed already, nothing added\n`
        : `Demo follow-ups: ${followUps.dueToday} due today, ${followUps.dispatched} came due, outcomes ` +
          `${JSON.stringify(followUps.outcomes)}\n`,
  );
  const targets = await app.get(TargetsDemoSeeder).seed();
  process.stdout.write(
    'skipped' in targets
      ? `Demo targets skipped: ${targets.skipped}\n`
      : `Demo targets: ${targets.set} set, ${targets.existing} existed already\n`,
  );
});
