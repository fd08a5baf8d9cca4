import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { findFreePort } from '@platform/embedded/free-port';

/**
 * A redis-server of the test's own, on a free port, for what the shared one must not see: another
 * eviction policy, or a real FLUSHALL (the shared server holds the keys of files running in parallel).
 */
export interface PrivateRedis {
  url: string;
  /** A client for the test itself (FLUSHALL, CLIENT LIST, KEYS). */
  client: Redis;
  stop(): Promise<void>;
}

export async function startPrivateRedis(maxmemoryPolicy = 'noeviction'): Promise<PrivateRedis> {
  const port = await findFreePort();
  const server: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      maxmemoryPolicy,
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = await connectWhenUp(url);
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      const exited = new Promise((resolveExit) => server.once('exit', resolveExit));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/** The server takes a moment to listen; until then a connection is refused. */
async function connectWhenUp(url: string): Promise<Redis> {
  for (let tries = 0; ; tries++) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (error) {
      client.disconnect();
      if (tries > 100) throw error;
      await new Promise((wait) => setTimeout(wait, 50));
    }
  }
}
