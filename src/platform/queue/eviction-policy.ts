/**
 * Whether this instance may start on its Redis. Queued follow-ups wait months in Redis: a server that
 * evicts keys under memory pressure can drop them silently, so workers refuse such a server.
 */
export interface EvictionPolicyFacts {
  /** The server's maxmemory-policy; undefined where CONFIG GET is refused (managed Redis). */
  policy: string | undefined;
  /** The private redis-server started because REDIS_URL is unset (it is started with noeviction). */
  embeddedRedis: boolean;
  workersEnabled: boolean;
}

export type EvictionPolicyVerdict =
  { kind: 'ok' } | { kind: 'warn'; message: string } | { kind: 'refuse'; message: string };

export function judgeEvictionPolicy({
  policy,
  embeddedRedis,
  workersEnabled,
}: EvictionPolicyFacts): EvictionPolicyVerdict {
  if (policy === 'noeviction') return { kind: 'ok' };
  if (policy === undefined) {
    // A managed Redis may refuse CONFIG and still be set right; refusing would lock it out for good.
    return {
      kind: 'warn',
      message:
        'Redis maxmemory-policy could not be read (CONFIG GET refused); workers need "noeviction" (queued follow-ups could be evicted): make sure the server is set to it.',
    };
  }
  if (workersEnabled && !embeddedRedis) {
    return {
      kind: 'refuse',
      message: `Redis maxmemory-policy is "${policy}"; workers need "noeviction" (queued follow-ups could be evicted). Set maxmemory-policy noeviction, or run this instance with WORKERS_ENABLED=false.`,
    };
  }
  // An API-only instance only adds jobs, and the embedded server is this service's own: say it, start.
  return {
    kind: 'warn',
    message: `Redis maxmemory-policy is "${policy}", not "noeviction": under memory pressure Redis may drop queued jobs. Set maxmemory-policy noeviction (config/redis.conf does).`,
  };
}

/** Stops the start, like a configuration error: one line saying what is wrong and how to fix it. */
export class RedisEvictionPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisEvictionPolicyError';
  }
}
