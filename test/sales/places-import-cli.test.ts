import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The compiled command as `npm run places:import -- <folder>` runs it (`npm test` builds it first).
const CLI = resolve(__dirname, '..', '..', 'dist', 'src', 'sales', 'places', 'places-import.cli.js');
const FIXTURES = resolve(__dirname, '..', 'fixtures', 'geo');

function placesImport(folder: string | undefined, environment: Record<string, string | undefined>) {
  const env: Record<string, string | undefined> = { ...process.env, ...environment };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, folder ? [CLI, folder] : [CLI], { env, encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run places:import', () => {
  // DATABASE_URL unset: the command starts the embedded database in DATA_DIR and migrates it first.
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'places-import-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const embedded = { DATABASE_URL: undefined };

  it('imports a folder into the embedded database, and a second run reports no changes', () => {
    const first = placesImport(join(FIXTURES, 'valid'), { ...embedded, DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      '2 labour-market regions (+2 ~0 -0), 3 municipalities (+3 ~0 -0), 3 postcode areas (+3 ~0 -0), imported',
    );

    const second = placesImport(undefined, { ...embedded, DATA_DIR: dataDir, GEO_DATA_DIR: join(FIXTURES, 'valid') });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('3 postcode areas (+0 ~0 -0), no changes');
  });

  it('refuses a malformed folder with file, line and reason and exits non-zero', () => {
    const result = placesImport(join(FIXTURES, 'malformed'), { ...embedded, DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('nl_pc4_centroids.csv line 4: lat "abc" is not a decimal number');
  });

  it('says how to call it without a folder', () => {
    const result = placesImport(undefined, { ...embedded, DATA_DIR: dataDir, GEO_DATA_DIR: undefined });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('usage: npm run places:import -- <folder');
  });
});
