import { Client } from 'pg';

/**
 * Plain pg helpers for creating and dropping databases, with nothing of the application loaded, so
 * the benches can use them too (their parent process runs under tsx, which cannot load src/).
 */

/** The same server as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
