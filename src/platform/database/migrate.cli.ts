import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { toAppConfig } from '@platform/config/app-config';
import { ConfigurationError, parseEnvironment } from '@platform/config/environment';
import { DataDirInUseError } from '@platform/embedded/data-dir-owner';
import { EmbeddedPostgres } from '@platform/embedded/embedded-postgres';
import { dataSourceOptions } from './data-source-options';

/** `migration:run` / `migration:revert`, on DATABASE_URL or, when unset, the embedded database in DATA_DIR. */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'run' && command !== 'revert') throw new Error('usage: migrate.cli (run|revert)');
  const config = toAppConfig(parseEnvironment(process.env));
  const embedded = config.database.url ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource(dataSourceOptions(config.database.url ?? embedded!.url, 1));
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(`Applied ${applied.length} migration(s)${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration\n');
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  const expected = error instanceof ConfigurationError || error instanceof DataDirInUseError;
  process.stderr.write(`${expected ? error.message : String(error)}\n`);
  process.exit(1);
});
