import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@platform/database/data-source-options';
import { importEscoRelease } from '@taxonomy/esco-import/esco-importer';
import { initializeWithRetry } from './databases';

/** The real reference data next to the repository (never copied into it). */
export const SHARED_DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
export const ESCO_FOLDER = join(SHARED_DATA, 'esco-v1.1.1');
export const GEO_FOLDER = join(SHARED_DATA, 'geo');

/** Imports the real ESCO release straight into this test file's database, before an app starts. */
export async function importRealEscoRelease(): Promise<void> {
  const dataSource = await initializeWithRetry(new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 1)));
  try {
    await importEscoRelease(dataSource, ESCO_FOLDER);
  } finally {
    await dataSource.destroy();
  }
}
