import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@platform/embedded/free-port';
import { until } from '@test/support/until';

// The compiled service as `npm start` runs it (`npm test` builds it first).
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

function run(environment: Record<string, string | undefined>): ChildProcess & { output: () => string } {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'info', ...environment };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
}

async function waitForHealth(port: number, child: ChildProcess, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (child.exitCode !== null) throw new Error('the service exited during start');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`no 200 from /health within ${withinMs} ms`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the service process', () => {
  it('refuses to start on a bad variable, naming it', async () => {
    const child = run({ PORT: 'abc' });
    expect(await exitOf(child)).not.toBe(0);
    expect(child.output()).toContain('PORT must be an integer');
  });

  it('starts on the embedded defaults, answers /health, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'matching-data-'));
    const port = await findFreePort();
    const child = run({ DATABASE_URL: undefined, REDIS_URL: undefined, DATA_DIR: dataDir, PORT: String(port) });
    try {
      await waitForHealth(port, child, 120_000);
      const redisChildren = await childPids(child.pid!);
      expect(redisChildren.length).toBeGreaterThan(0);

      const stopping = Date.now();
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(10_000);
      expect(redisChildren.filter(isRunning)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000); // a cold embedded start (PGlite, migrations, redis-server) on a busy machine

  it('stops the whole service when the process the README starts (npm start) gets SIGTERM', async () => {
    // Exactly `npm start` without its prestart build (`npm test` has built dist/ already, and a second
    // build would replace dist/ under the tests running beside this one): npm, its shell, node and the
    // private redis-server, on the embedded defaults.
    const dataDir = mkdtempSync(join(tmpdir(), 'matching-npm-start-'));
    const port = await findFreePort();
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: join(__dirname, '..', '..'),
      env,
      stdio: 'ignore',
    });
    let tree: number[] = [];
    try {
      await waitForHealth(port, npm, 120_000);
      tree = await descendants(npm.pid!);
      expect(tree.length).toBeGreaterThanOrEqual(2); // node and redis-server at least

      npm.kill('SIGTERM');
      await exitOf(npm);
      await until(
        () => Promise.resolve(tree.filter(isRunning).length === 0),
        10_000,
        'every process of the service stopped',
      ).catch(() => undefined);
      expect(tree.filter(isRunning)).toEqual([]);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      for (const pid of [npm.pid!, ...tree].filter(isRunning)) process.kill(pid, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  it('starts on the configured PostgreSQL and Redis', async () => {
    if (!process.env.TEST_ADMIN_DATABASE_URL) return; // embedded run: covered above
    const port = await findFreePort();
    const child = run({ PORT: String(port), DATABASE_URL: process.env.DATABASE_URL });
    try {
      await waitForHealth(port, child, 60_000);
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

/** Every process below `pid` (children, grandchildren, …). */
async function descendants(pid: number): Promise<number[]> {
  const children = await childPids(pid);
  return [...children, ...(await Promise.all(children.map(descendants))).flat()];
}

async function childPids(pid: number): Promise<number[]> {
  const { readFileSync } = await import('node:fs');
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? children.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}
