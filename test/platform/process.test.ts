import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@platform/embedded/free-port';

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
      await waitForHealth(port, child, 60_000);
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
  });

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

async function childPids(pid: number): Promise<number[]> {
  const { readFileSync } = await import('node:fs');
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? children.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}
