import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '@platform/embedded/free-port';

export interface RunningService {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The set-up token the service printed at start; null when it had users already. */
  setupToken: string | null;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Extra environment, e.g. ACCESS_TOKEN_TTL_SECONDS for a short session. */
  env?: Record<string, string>;
  /**
   * `database` (default): this test file's own database when the suite runs on DATABASE_URL (already
   * migrated, empty). `embedded`: the embedded defaults (PGlite) in a fresh DATA_DIR, as `npm start` on a
   * new machine. On the embedded test run every service is `embedded`: the suite's one-session PGlite
   * cannot take a second process's connections.
   */
  database?: 'database' | 'embedded';
  /** How long the start (migrations, index build) may take; 120 s unless a bench with a large pool says more. */
  startTimeoutMs?: number;
}

const ROOT = resolve(__dirname, '../../..');
const STARTED = /Listening on (http:\/\/\S+)/;
const SETUP_TOKEN = /SETUP TOKEN: (\S+)/;

/**
 * The real built service (`node dist/src/main.js`, what `npm start` runs after its build) as a child
 * process on a free port, with its own Redis prefix and data folder. `npm test` builds first (pretest).
 *   const service = await startService();  …  await service.stop();
 */
export async function startService(options: ServiceOptions = {}): Promise<RunningService> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'web-e2e-'));
  const embedded = options.database === 'embedded' || !process.env.TEST_ADMIN_DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    QUEUE_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    REDIS_URL: process.env.REDIS_URL,
    ...(embedded ? {} : { DATABASE_URL: process.env.DATABASE_URL }),
    ...options.env,
  };
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const startTimeoutMs = options.startTimeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      // Not left running behind the caller's back.
      child.kill('SIGKILL');
      reject(new Error(`service did not start in ${startTimeoutMs / 1000} s:\n${output.slice(-3000)}`));
    }, startTimeoutMs);
    const check = (): void => {
      const started = STARTED.exec(output);
      if (started) {
        clearTimeout(timer);
        resolveUrl(started[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening:\n${output.slice(-3000)}`));
    });
  });
  await waitFor(async () => (await fetch(`${url}/health`)).ok, 30_000);
  // The token is printed right after listening; give the write a moment to arrive.
  await waitFor(async () => SETUP_TOKEN.test(output) || (await fetch(`${url}/api/setup`)).status === 410, 10_000);

  return {
    url,
    setupToken: SETUP_TOKEN.exec(output)?.[1] ?? null,
    output: () => output,
    stop: () => stopProcess(child, dataDir),
  };
}

async function stopProcess(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}
