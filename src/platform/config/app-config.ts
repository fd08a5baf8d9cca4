import { resolve } from 'node:path';
import { parseFollowUpOffsets, parseIsoDuration } from './iso-duration';
import { Environment } from './environment';

export type RuntimeEnvironment = Environment['NODE_ENV'];

/** The typed configuration, grouped per area; read with `config.get('http', { infer: true })`. */
export interface AppConfig {
  env: RuntimeEnvironment;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    corsOrigins: string[];
    /** Fastify's trustProxy: which proxies' X-Forwarded-* headers count (see TRUST_PROXY). */
    trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  };
  database: { url?: string; poolSize: number; runMigrations: boolean };
  redis: { url?: string };
  queue: { prefix: string; workersEnabled: boolean };
  dataDir: string;
  log: { level: string };
  auth: {
    /** Unset outside production: a random secret is kept in DATA_DIR (see JwtSecretProvider). */
    jwtSecret?: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    loginMaxFailuresPerEmail: number;
    loginMaxFailuresPerIp: number;
  };
  organisationNames: Record<'UWV' | 'MUNICIPALITY' | 'STAFFING_FIRM', string>;
  demo: { password?: string };
  places: { geoDataDir?: string };
  /** How often each instance checks for reference data changed elsewhere (see ReferenceData). */
  referenceData: { checkSeconds: number };
  candidates: {
    /** Unset outside production: random keys are kept in DATA_DIR (see resolveLocalSecret). */
    bsnEncryptionKey?: string;
    bsnHashKey?: string;
    maxWwMonths: number;
    importMaxBytes: number;
  };
  followUps: {
    /** ISO-8601 durations after the start; the first is milestone 1. */
    offsets: string[];
    reconcileSeconds: number;
    /** ISO-8601 wait before an unreachable party is called again. */
    retryAfter: string;
    maxTries: number;
    webhook: { url?: string; secret?: string; attempts: number; backoffMs: number };
  };
}

function toTrustProxy(value: string): AppConfig['http']['trustProxy'] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (!/^\d+$/.test(value)) return value.replace(/\s+/g, '');
  // A number of hops, as Fastify means it: the nearest `hops` proxies are trusted.
  const hops = Number(value);
  return (_address, hop) => hop < hops;
}

export function toAppConfig(environment: Environment): AppConfig {
  return {
    env: environment.NODE_ENV,
    http: {
      host: environment.HOST,
      port: environment.PORT,
      bodyLimitBytes: environment.BODY_LIMIT_BYTES,
      corsOrigins: environment.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      trustProxy: toTrustProxy(environment.TRUST_PROXY),
    },
    database: {
      url: environment.DATABASE_URL,
      poolSize: environment.DATABASE_POOL_SIZE,
      runMigrations: environment.DATABASE_RUN_MIGRATIONS,
    },
    redis: { url: environment.REDIS_URL },
    queue: { prefix: environment.QUEUE_PREFIX, workersEnabled: environment.WORKERS_ENABLED },
    dataDir: resolve(environment.DATA_DIR),
    log: { level: environment.LOG_LEVEL },
    auth: {
      jwtSecret: environment.JWT_SECRET,
      accessTokenTtlSeconds: environment.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: environment.REFRESH_TOKEN_TTL_SECONDS,
      loginMaxFailuresPerEmail: environment.LOGIN_MAX_FAILURES_PER_EMAIL,
      loginMaxFailuresPerIp: environment.LOGIN_MAX_FAILURES_PER_IP,
    },
    organisationNames: {
      UWV: environment.ORGANISATION_NAME_UWV,
      MUNICIPALITY: environment.ORGANISATION_NAME_MUNICIPALITY,
      STAFFING_FIRM: environment.ORGANISATION_NAME_STAFFING_FIRM,
    },
    demo: { password: environment.DEMO_PASSWORD },
    places: { geoDataDir: environment.GEO_DATA_DIR ? resolve(environment.GEO_DATA_DIR) : undefined },
    referenceData: { checkSeconds: environment.REFERENCE_DATA_CHECK_SECONDS },
    candidates: {
      bsnEncryptionKey: environment.BSN_ENCRYPTION_KEY,
      bsnHashKey: environment.BSN_HASH_KEY,
      maxWwMonths: environment.MAX_WW_MONTHS,
      importMaxBytes: environment.CANDIDATE_IMPORT_MAX_BYTES,
    },
    followUps: {
      offsets: parseFollowUpOffsets(environment.FOLLOW_UP_OFFSETS),
      reconcileSeconds: environment.FOLLOW_UP_RECONCILE_SECONDS,
      retryAfter: parseIsoDuration(environment.FOLLOW_UP_RETRY_AFTER),
      maxTries: environment.FOLLOW_UP_MAX_TRIES,
      webhook: {
        url: environment.FOLLOW_UP_WEBHOOK_URL,
        secret: environment.FOLLOW_UP_WEBHOOK_SECRET,
        attempts: environment.FOLLOW_UP_WEBHOOK_ATTEMPTS,
        backoffMs: environment.FOLLOW_UP_WEBHOOK_BACKOFF_MS,
      },
    },
  };
}
