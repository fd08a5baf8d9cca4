import { join } from 'node:path';
import { TestApp } from '@test/support/test-app';

/** The real ESCO release next to the repository (never copied into it). */
export const ESCO_FOLDER = join(__dirname, '..', '..', '..', 'shared', 'data', 'esco-v1.1.1');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'esco');

/**
 * A full import takes about 10 s on PostgreSQL; on the embedded PGlite, served from the jest parent
 * process while a worker runs the app, it can take several times that on a busy machine.
 */
export const IMPORT_TIMEOUT_MS = 180_000;

export interface ImportOutcome {
  status: 'succeeded' | 'failed';
  progress: number;
  changed: boolean | null;
  releaseVersion: string | null;
  counts: Record<string, { inserted: number; updated: number; deleted: number; total: number }>;
  error: { file: string | null; line: number | null; reason: string } | null;
  /** The progress figures the polling saw, in order. */
  progressSeen: number[];
}

/** Starts an import over the API (as an admin) and polls its status until it is done. */
export async function runImport(test: TestApp, admin: Record<string, string>, folder: string): Promise<ImportOutcome> {
  const started = await test.http.post('/api/taxonomy/imports').set(admin).send({ folder }).expect(202);
  const id = started.body.id as string;
  const progressSeen: number[] = [];
  for (let attempt = 0; attempt < IMPORT_TIMEOUT_MS / 200; attempt++) {
    const status = await test.http.get(`/api/taxonomy/imports/${id}`).set(admin).expect(200);
    progressSeen.push(status.body.progress);
    if (status.body.status === 'succeeded' || status.body.status === 'failed')
      return { ...(status.body as Omit<ImportOutcome, 'progressSeen'>), progressSeen };
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error('import did not finish');
}
