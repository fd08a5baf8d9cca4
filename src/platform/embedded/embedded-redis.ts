import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { findFreePort } from './free-port';

export class RedisNotFoundError extends Error {
  constructor() {
    super(
      'Redis is needed and REDIS_URL is not set: run `docker compose up -d redis` and set REDIS_URL=redis://127.0.0.1:6379, or install Redis (e.g. `apt-get install redis-server`) so that redis-server is on the PATH.',
    );
    this.name = 'RedisNotFoundError';
  }
}

/** A private redis-server child process, with its data (AOF on) under the data folder. */
export class EmbeddedRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static isAvailable(): boolean {
    return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  }

  /** `dataDir` undefined keeps nothing on disk (tests). */
  static async start(dataDir: string | undefined): Promise<EmbeddedRedis> {
    if (!EmbeddedRedis.isAvailable()) throw new RedisNotFoundError();
    const port = await findFreePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--maxmemory-policy', 'noeviction'];
    if (dataDir) {
      const directory = join(dataDir, 'redis');
      mkdirSync(directory, { recursive: true });
      args.push('--dir', directory, '--appendonly', 'yes');
    } else {
      args.push('--appendonly', 'no');
    }
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    // A crashed parent must not leave the child behind.
    const killChild = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killChild);
    child.once('exit', () => process.removeListener('exit', killChild));
    const url = `redis://127.0.0.1:${port}`;
    await waitForRedis(url, child);
    return new EmbeddedRedis(child, url);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

async function waitForRedis(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} at start`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // refused while the server is still starting: expected
    try {
      await client.connect();
      await client.ping();
      return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 50));
    } finally {
      client.disconnect();
    }
  }
  throw new Error('redis-server did not answer within 10 s');
}
