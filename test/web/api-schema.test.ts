import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '@test/support/test-app';

const run = promisify(execFile);

describe('the web app’s generated API types', () => {
  let test: TestApp;
  let scratch: string;
  beforeAll(async () => {
    test = await startTestApp();
    scratch = mkdtempSync(join(tmpdir(), 'api-schema-'));
  });
  afterAll(async () => {
    await test.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('web/src/api/schema.d.ts is what openapi-typescript makes of this API’s /docs-json (else: npm run api:generate)', async () => {
    const document = join(scratch, 'openapi.json');
    writeFileSync(document, JSON.stringify((await test.http.get('/docs-json').expect(200)).body));
    // The generator is the built CLI (openapi-typescript is an ES module jest does not load), `npm test` builds first.
    const outcome = await run(
      process.execPath,
      ['dist/src/platform/web/api-schema.cli.js', '--document', document, '--check'],
      {
        cwd: resolve(__dirname, '../..'),
      },
    ).then(
      () => 'up to date',
      (error: Error & { stderr?: string }) => error.stderr?.trim() ?? error.message,
    );
    expect(outcome).toBe('up to date');
  });
});
