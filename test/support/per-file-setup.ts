import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabase, withDatabase } from './databases';

/**
 * Each test file gets its own database (a copy of the migrated template) and its own Redis key
 * prefix, so files can run in parallel without seeing each other's rows or jobs.
 */
const fileId = randomBytes(4).toString('hex');
process.env.QUEUE_PREFIX = `test-${process.env.TEST_RUN_ID}-${fileId}`;

/** Reference lists the migrations seed; everything else is emptied between files on the embedded database. */
const KEPT_ON_EMBEDDED = ['migrations', 'audit_log', 'certificates', 'certificate_implications'];

beforeAll(async () => {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!adminUrl || !template) {
    // Embedded: one shared database, files one at a time; start each file from empty tables so no file
    // sees another's rows (the audit log cannot be emptied, and its readers filter by actor or subject).
    await emptyTables(process.env.DATABASE_URL!);
    return;
  }
  const database = `mt_${process.env.TEST_RUN_ID}_${fileId}`;
  await createDatabase(adminUrl, database, template);
  process.env.DATABASE_URL = withDatabase(adminUrl, database);
});

async function emptyTables(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1::text[]))`,
        [KEPT_ON_EMBEDDED],
      );
      if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(', ')} CASCADE`);
      return;
    } catch (error) {
      // The previous file's connection may still be closing: the embedded server takes one at a time.
      if (attempt >= 20) throw error;
      await new Promise((wait) => setTimeout(wait, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
