import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@platform/database/data-source-options';
import { adminQuery } from './postgres-admin';

export { adminQuery, withDatabase } from './postgres-admin';

/** Creates a database; retries while another worker is copying the same template. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const sql = `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, sql);
      return;
    } catch (error) {
      const busy = /being accessed by other users/.test((error as Error).message);
      if (!busy || attempt >= 50) throw error;
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = await initializeWithRetry(new DataSource(dataSourceOptions(url, 1)));
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Initializes a data source, retrying briefly: the embedded PGlite serves one connection at a time and
 * may still be closing the previous test file's connection when the next one arrives.
 */
export async function initializeWithRetry(dataSource: DataSource): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}
