import { randomBytes } from 'node:crypto';
import { createDatabase, withDatabase } from './databases';

/**
 * Each test file gets its own database (a copy of the migrated template) and its own Redis key
 * prefix, so files can run in parallel without seeing each other's rows or jobs.
 */
const fileId = randomBytes(4).toString('hex');
process.env.QUEUE_PREFIX = `test-${process.env.TEST_RUN_ID}-${fileId}`;

beforeAll(async () => {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!adminUrl || !template) return; // embedded: the one shared database is already migrated
  const database = `mt_${process.env.TEST_RUN_ID}_${fileId}`;
  await createDatabase(adminUrl, database, template);
  process.env.DATABASE_URL = withDatabase(adminUrl, database);
});
