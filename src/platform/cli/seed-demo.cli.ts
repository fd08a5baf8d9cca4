import { DemoDataService } from '@platform/setup/demo-data.service';
import { CliUsageError, runCli } from './run-cli';

/**
 * `npm run seed:demo`: demo data for every module, idempotent; the same steps as the set-up page's
 * demo job (DemoDataService), run here in the foreground.
 */
runCli(async (app, config) => {
  const password = config.demo.password;
  if (!password) {
    throw new CliUsageError('Set DEMO_PASSWORD (at least 12 characters): every demo user gets it as password');
  }
  const demoData = app.get(DemoDataService);
  process.stdout.write(`${await demoData.seedUsers(password)}\n`);
  for (const line of await demoData.seedRest()) process.stdout.write(`${line}\n`);
});
