import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { acquireDataDir, DataDirLease } from './data-dir-owner';
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
    private readonly lease: DataDirLease | undefined,
  ) {}

  static isAvailable(): boolean {
    return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  }

  /**
   * `dataDir` undefined keeps nothing on disk (tests). On disk, this process must own the data folder
   * (see data-dir-owner.ts): a second redis-server on the same append-only file would lose writes.
   */
  static async start(dataDir: string | undefined): Promise<EmbeddedRedis> {
    if (!EmbeddedRedis.isAvailable()) throw new RedisNotFoundError();
    const lease = dataDir ? acquireDataDir(dataDir) : undefined;
    try {
      return await EmbeddedRedis.spawn(dataDir, lease);
    } catch (error) {
      lease?.release();
      throw error;
    }
  }

  private static async spawn(dataDir: string | undefined, lease: DataDirLease | undefined): Promise<EmbeddedRedis> {
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
    if (child.pid) lease?.recordRedis(child.pid);
    // A crashed parent must not leave the child behind.
    const killChild = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killChild);
    child.once('exit', () => process.removeListener('exit', killChild));
    const url = `redis://127.0.0.1:${port}`;
    try {
      await waitForRedis(url, child);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return new EmbeddedRedis(child, url, lease);
  }

  async stop(): Promise<void> {
    try {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return;
      const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    } finally {
      this.lease?.release();
    }
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
