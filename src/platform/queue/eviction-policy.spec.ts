import { judgeEvictionPolicy } from './eviction-policy';

describe('judgeEvictionPolicy', () => {
  it('starts without a word on noeviction, workers or not', () => {
    expect(judgeEvictionPolicy({ policy: 'noeviction', embeddedRedis: false, workersEnabled: true })).toEqual({
      kind: 'ok',
    });
    expect(judgeEvictionPolicy({ policy: 'noeviction', embeddedRedis: true, workersEnabled: false })).toEqual({
      kind: 'ok',
    });
  });

  it('refuses workers on a configured Redis that evicts, naming the policy and both ways out', () => {
    expect(judgeEvictionPolicy({ policy: 'allkeys-lru', embeddedRedis: false, workersEnabled: true })).toEqual({
      kind: 'refuse',
      message:
        'Redis maxmemory-policy is "allkeys-lru"; workers need "noeviction" (queued follow-ups could be evicted). Set maxmemory-policy noeviction, or run this instance with WORKERS_ENABLED=false.',
    });
    expect(judgeEvictionPolicy({ policy: 'volatile-ttl', embeddedRedis: false, workersEnabled: true }).kind).toBe(
      'refuse',
    );
  });

  it('only warns an API-only instance, which runs no worker', () => {
    const verdict = judgeEvictionPolicy({ policy: 'allkeys-lru', embeddedRedis: false, workersEnabled: false });
    expect(verdict.kind).toBe('warn');
  });

  it('only warns on the embedded default', () => {
    const verdict = judgeEvictionPolicy({ policy: 'allkeys-lru', embeddedRedis: true, workersEnabled: true });
    expect(verdict.kind).toBe('warn');
  });

  it('only warns when a managed Redis refuses CONFIG, since its policy is unknown', () => {
    const verdict = judgeEvictionPolicy({ policy: undefined, embeddedRedis: false, workersEnabled: true });
    expect(verdict).toMatchObject({ kind: 'warn', message: expect.stringContaining('could not be read') as string });
  });
});
