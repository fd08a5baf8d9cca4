import { IdentityDemoSeeder } from '@identity/cli/demo-seeder';
import { CandidatesDemoSeeder } from '@matching/candidates/candidates-demo-seeder';
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
  const candidates = await app.get(CandidatesDemoSeeder).seed();
  process.stdout.write(
    'skipped' in candidates
      ? `Demo candidates skipped: ${candidates.skipped}\n`
      : `Demo candidates: ${candidates.candidates} in both pools (${candidates.changed} new or changed), ${candidates.consents} consents added\n`,
  );
});
