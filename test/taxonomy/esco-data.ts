import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@platform/database/data-source-options';
import { importEscoRelease } from '@taxonomy/esco-import/esco-importer';

/** The real ESCO release next to the repository (never copied into it). */
export const ESCO_FOLDER = join(__dirname, '..', '..', '..', 'shared', 'data', 'esco-v1.1.1');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'esco');

/**
 * A full import takes about 10 s on PostgreSQL; on the embedded PGlite, served from the jest parent
 * process while a worker runs the app, it can take several times that on a busy machine.
 */
export const IMPORT_TIMEOUT_MS = 180_000;

/** Imports the real release into this test file's database before the app starts (so the index is built from it). */
export async function importRealRelease(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 1));
  await dataSource.initialize();
  try {
    await importEscoRelease(dataSource, ESCO_FOLDER);
  } finally {
    await dataSource.destroy();
  }
}
