import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Environment, parseEnvironment } from './environment';
import { toAppConfig } from './app-config';

describe('parseEnvironment', () => {
  it('fills every default when nothing is set', () => {
    const config = toAppConfig(parseEnvironment({}));
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.database.runMigrations).toBe(true);
    expect(config.queue.prefix).toBe('matching');
  });

  it('names PORT when it is not a number', () => {
    expect(() => parseEnvironment({ PORT: 'abc' })).toThrow(
      'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")',
    );
  });

  it('names a database URL that is not postgres://', () => {
    expect(() => parseEnvironment({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL must be a postgres/);
  });

  it('reads booleans the way people write them', () => {
    expect(parseEnvironment({ DATABASE_RUN_MIGRATIONS: 'no' }).DATABASE_RUN_MIGRATIONS).toBe(false);
    expect(() => parseEnvironment({ DATABASE_RUN_MIGRATIONS: 'perhaps' })).toThrow(/DATABASE_RUN_MIGRATIONS/);
  });

  it('splits CORS origins on commas', () => {
    const config = toAppConfig(parseEnvironment({ CORS_ORIGINS: 'https://a.example, https://b.example' }));
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('reads follow-up offsets and names FOLLOW_UP_OFFSETS when one is not a duration', () => {
    expect(toAppConfig(parseEnvironment({})).followUps).toEqual({
      offsets: ['P3M', 'P6M'],
      reconcileSeconds: 60,
      retryAfter: 'P2D',
      maxTries: 3,
      webhook: { url: undefined, secret: undefined, attempts: 8, backoffMs: 5000 },
    });
    expect(toAppConfig(parseEnvironment({ FOLLOW_UP_OFFSETS: 'PT2S,PT4S' })).followUps.offsets).toEqual([
      'PT2S',
      'PT4S',
    ]);
    expect(() => parseEnvironment({ FOLLOW_UP_OFFSETS: 'P3M,6 months' })).toThrow(
      /Invalid configuration: FOLLOW_UP_OFFSETS has "6 MONTHS"/,
    );
    expect(() => parseEnvironment({ FOLLOW_UP_RECONCILE_SECONDS: '0' })).toThrow(/FOLLOW_UP_RECONCILE_SECONDS/);
  });

  it('names the bad variable among the retry and webhook settings', () => {
    expect(() => parseEnvironment({ FOLLOW_UP_RETRY_AFTER: '2 days' })).toThrow(
      /Invalid configuration: FOLLOW_UP_RETRY_AFTER has "2 DAYS"/,
    );
    expect(() => parseEnvironment({ FOLLOW_UP_MAX_TRIES: '0' })).toThrow(/FOLLOW_UP_MAX_TRIES/);
    expect(() => parseEnvironment({ FOLLOW_UP_WEBHOOK_URL: 'ftp://x' })).toThrow(/FOLLOW_UP_WEBHOOK_URL/);
    expect(() => parseEnvironment({ FOLLOW_UP_WEBHOOK_SECRET: 'short' })).toThrow(/FOLLOW_UP_WEBHOOK_SECRET/);
    const config = toAppConfig(
      parseEnvironment({ FOLLOW_UP_WEBHOOK_URL: 'https://hooks.example/aftersales', FOLLOW_UP_RETRY_AFTER: 'pt1s' }),
    );
    expect(config.followUps.webhook.url).toBe('https://hooks.example/aftersales');
    expect(config.followUps.retryAfter).toBe('PT1S');
  });

  it('is documented variable by variable in config/.env.example', () => {
    const example = readFileSync(join(__dirname, '..', '..', '..', 'config', '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    const known = Object.keys(new Environment());
    for (const variable of [...known, 'DATABASE_URL', 'REDIS_URL']) expect(documented).toContain(variable);
  });
});
