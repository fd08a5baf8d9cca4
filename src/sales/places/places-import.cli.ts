import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { toAppConfig } from '@platform/config/app-config';
import { ConfigurationError, parseEnvironment } from '@platform/config/environment';
import { dataSourceOptions } from '@platform/database/data-source-options';
import { DataDirInUseError } from '@platform/embedded/data-dir-owner';
import { EmbeddedPostgres } from '@platform/embedded/embedded-postgres';
import { announceToRunningServices as announce } from '@platform/reference-data/announce-from-cli';
import { DomainError } from '@platform/errors/domain-error';
import { describeImport, importPlaces } from './places-import';
import { readGeoFolder } from './geo-files';

/**
 * `npm run places:import -- <folder>` (default: GEO_DATA_DIR) into DATABASE_URL or, when unset, the
 * embedded database in DATA_DIR (refused while a service owns that folder: PGlite is one process's
 * database). Applies pending migrations first, like the service does at start.
 */
async function main(folderArgument: string | undefined): Promise<void> {
  const config = toAppConfig(parseEnvironment(process.env));
  const folder = folderArgument ?? config.places.geoDataDir;
  if (!folder) throw new UsageError('usage: npm run places:import -- <folder with the geo CSVs> (or set GEO_DATA_DIR)');
  // Refuse a malformed folder before starting or touching any database.
  readGeoFolder(folder);

  const embedded = config.database.url ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource(dataSourceOptions(config.database.url ?? embedded!.url, 1));
  try {
    await dataSource.initialize();
    if (config.database.runMigrations) await dataSource.runMigrations({ transaction: 'each' });
    const report = await importPlaces(dataSource, folder);
    if (report.changed) await announce(config, 'places');
    process.stdout.write(`${describeImport(report)}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

class UsageError extends Error {}

main(process.argv[2]).catch((error: unknown) => {
  const expected =
    error instanceof ConfigurationError ||
    error instanceof DomainError ||
    error instanceof UsageError ||
    error instanceof DataDirInUseError;
  process.stderr.write(`${expected ? error.message : String(error)}\n`);
  process.exit(1);
});
