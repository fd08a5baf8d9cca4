import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { toAppConfig } from '@platform/config/app-config';
import { ConfigurationError, parseEnvironment } from '@platform/config/environment';
import { dataSourceOptions } from '@platform/database/data-source-options';
import { EmbeddedPostgres } from '@platform/embedded/embedded-postgres';
import { announceToRunningServices as announce } from '@platform/reference-data/announce-from-cli';
import { EscoFileError } from './esco-csv';
import { importEscoRelease } from './esco-importer';

/**
 * `npm run esco:import -- <folder> [release-version]`: imports an ESCO CSV release into DATABASE_URL,
 * or, when unset, into the embedded database in DATA_DIR (the one `npm start` uses). Applies pending
 * migrations first, like the service does at start.
 */
async function main(folderArgument: string | undefined, releaseVersion: string | undefined): Promise<void> {
  if (!folderArgument)
    throw new Error('usage: npm run esco:import -- <folder with the ESCO CSV files> [release-version]');
  const folder = resolve(folderArgument);
  if (!existsSync(folder)) throw new Error(`No such folder: ${folder}`);
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = toAppConfig(parseEnvironment(process.env));
  const embedded = config.database.url ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource(dataSourceOptions(config.database.url ?? embedded!.url, 1));
  await dataSource.initialize();
  try {
    if (config.database.runMigrations) await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const summary = await importEscoRelease(dataSource, folder, { releaseVersion });
    if (summary.changed) await announce(config, 'esco');
    const lines = Object.entries(summary.counts).map(
      ([table, c]) => `  ${table}: ${c.total} (${c.inserted} new, ${c.updated} changed, ${c.deleted} removed)`,
    );
    process.stdout.write(
      [
        `ESCO release ${summary.releaseVersion ?? '(version unknown)'} imported in ${((Date.now() - started) / 1000).toFixed(1)} s` +
          (summary.changed ? '' : ': no changes'),
        ...lines,
        ...(summary.skippedRelations > 0
          ? [`  ${summary.skippedRelations} relation(s) skipped: their occupation or skill is not in the release`]
          : []),
        `  import id ${summary.importId}`,
        '',
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError || error instanceof EscoFileError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`ESCO import failed: ${message}\n`);
  process.exit(1);
});
