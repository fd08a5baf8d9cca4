import Redis from 'ioredis';
import { startPrivateRedis, PrivateRedis } from '@test/support/private-redis';
import { startTestApp } from '@test/support/test-app';

const REFUSAL =
  'Redis maxmemory-policy is "allkeys-lru"; workers need "noeviction" (queued follow-ups could be evicted). Set maxmemory-policy noeviction, or run this instance with WORKERS_ENABLED=false.';

/**
 * A private redis-server that evicts keys, so the shared Redis other test files use is never
 * reconfigured.
 */
describe('starting on a Redis that may evict keys', () => {
  let server: PrivateRedis;
  let url: string;
  let inspector: Redis;

  beforeAll(async () => {
    // BullMQ prints its own eviction warning on every connection; the service's verdict is what is tested.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    server = await startPrivateRedis('allkeys-lru');
    url = server.url;
    inspector = server.client;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server.stop();
  });

  /** Clients connected to the private server besides the inspector itself. */
  const otherClients = async (): Promise<number> =>
    ((await inspector.client('LIST')) as string).trim().split('\n').length - 1;

  it('refuses to run the workers there, in one line that says how to fix it, and leaves nothing open', async () => {
    await expect(startTestApp({ REDIS_URL: url })).rejects.toThrow(REFUSAL);
    const deadline = Date.now() + 5000;
    while ((await otherClients()) > 0 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
    expect(await otherClients()).toBe(0);
  });

  it('starts an API-only instance there', async () => {
    const test = await startTestApp({ REDIS_URL: url, WORKERS_ENABLED: 'false' });
    try {
      await test.http.get('/health').expect(200);
    } finally {
      await test.close();
    }
  });
});
