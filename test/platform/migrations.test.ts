import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@migrations/index';
import { dataSourceOptions } from '@platform/database/data-source-options';
import { createDatabase, initializeWithRetry, withDatabase } from '@test/support/databases';

const SCHEMA_QUERY = `
  SELECT table_name, column_name, data_type, is_nullable, column_default
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'
  ORDER BY table_name, column_name`;

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts', () => {
    const files = readdirSync(join(__dirname, '..', '..', 'migrations')).filter(
      (file) => file.endsWith('.ts') && file !== 'index.ts',
    );
    const listed = MIGRATIONS.map((migration) => migration.name);
    // A file `1732281000000-identity.ts` holds the class `Identity1732281000000`.
    for (const file of files) {
      const [timestamp] = file.split('-');
      expect(listed.some((name) => name.endsWith(timestamp))).toBe(true);
    }
    expect(listed).toHaveLength(files.length);
  });

  it('go up, all the way down and up again on an empty database, leaving the same schema', async () => {
    // On a real server: a new empty database. On the embedded default (PGlite cannot start inside a
    // jest worker) the shared test database, taken down to nothing first; test files run one at a time there.
    const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
    let url = process.env.DATABASE_URL!;
    if (adminUrl) {
      const name = `mt_${process.env.TEST_RUN_ID}_updown_${randomBytes(3).toString('hex')}`;
      await createDatabase(adminUrl, name);
      url = withDatabase(adminUrl, name);
    }
    const dataSource = await initializeWithRetry(new DataSource(dataSourceOptions(url, 1)));
    try {
      if (!adminUrl) {
        for (let step = 0; step < MIGRATIONS.length; step++)
          await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      const schemaAfterUp = await dataSource.query(SCHEMA_QUERY);

      for (let step = 0; step < MIGRATIONS.length; step++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await dataSource.query(SCHEMA_QUERY)).toEqual([]);

      await dataSource.runMigrations({ transaction: 'each' });
      expect(await dataSource.query(SCHEMA_QUERY)).toEqual(schemaAfterUp);
    } finally {
      await dataSource.destroy();
    }
  });
});
