import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import { parseFollowUpOffsets, parseIsoDuration } from './iso-duration';

// 32 bytes in base64 are 44 characters ending in one '='.
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off'].includes(normalized)) return false;
  return value;
};

// Only digits become numbers: Number('') is 0 and Number(' 12 ') is 12, both of which would hide a typo.
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every environment variable the service reads, with its default. `config/.env.example` mirrors this
 * class; a test keeps the two in step.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInteger)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @Transform(toInteger)
  @IsInt({ message: 'must be an integer between 1 and 100' })
  @Min(1, { message: 'must be an integer between 1 and 100' })
  @Max(100, { message: 'must be an integer between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  DATABASE_RUN_MIGRATIONS = true;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// connection URL' })
  REDIS_URL?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9:_-]+$/, { message: 'may hold only letters, digits, ":", "_" and "-"' })
  QUEUE_PREFIX = 'matching';

  @IsString()
  DATA_DIR = './data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of bytes, at least 1024' })
  @Min(1024, { message: 'must be a whole number of bytes, at least 1024' })
  BODY_LIMIT_BYTES = 1_048_576;

  /**
   * Which proxy in front may say who the client is and whether it was https (X-Forwarded-For,
   * X-Forwarded-Proto): `false` (none, the default), `true` (any: only behind a proxy that overwrites
   * those headers), a number of hops, or comma-separated addresses/CIDRs of the proxies.
   */
  @Matches(/^(true|false|\d+|[0-9A-Fa-f:./]+(\s*,\s*[0-9A-Fa-f:./]+)*)$/, {
    message: 'must be true, false, a number of hops, or comma-separated proxy addresses',
  })
  TRUST_PROXY = 'false';

  /** Comma-separated list of origins allowed by CORS; empty allows none. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  WORKERS_ENABLED = true;

  /** HMAC key for access tokens; at least 32 characters. Required in production. */
  @IsOptional()
  @IsString()
  @Matches(/^.{32,}$/, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of seconds between 60 and 86400' })
  @Min(60, { message: 'must be a whole number of seconds between 60 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 60 and 86400' })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of seconds, at least 300' })
  @Min(300, { message: 'must be a whole number of seconds, at least 300' })
  REFRESH_TOKEN_TTL_SECONDS = 1_209_600;

  /** Failed logins allowed per e-mail address per minute; the next one gets 429. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number, at least 1' })
  @Min(1, { message: 'must be a whole number, at least 1' })
  LOGIN_MAX_FAILURES_PER_EMAIL = 5;

  /** Failed logins allowed per client IP per minute; the next one gets 429. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number, at least 1' })
  @Min(1, { message: 'must be a whole number, at least 1' })
  LOGIN_MAX_FAILURES_PER_IP = 30;

  /** Password of every demo user created by `npm run seed:demo`. */
  @IsOptional()
  @Matches(/^.{12,}$/, { message: 'must be at least 12 characters' })
  DEMO_PASSWORD?: string;

  @IsString()
  ORGANISATION_NAME_UWV = 'UWV';

  @IsString()
  ORGANISATION_NAME_MUNICIPALITY = 'Sociale Dienst Drechtsteden';

  @IsString()
  ORGANISATION_NAME_STAFFING_FIRM = 'Randstad';
  /** Folder with the geo CSVs; when set and no places are imported yet, they are imported at start. */
  @IsString()
  GEO_DATA_DIR = '';

  /**
   * Seconds between this instance's checks of the reference data versions (ESCO, places, certificates),
   * the backstop for a change announced over Redis while this instance was not listening.
   */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 3600' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 1 and 3600' })
  REFERENCE_DATA_CHECK_SECONDS = 5;

  /** AES-256-GCM key for stored BSNs: 32 bytes, base64. Required in production. */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be 32 bytes, base64-encoded' })
  BSN_ENCRYPTION_KEY?: string;

  /** HMAC-SHA256 key for the BSN look-up hash: 32 bytes, base64. Required in production. */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be 32 bytes, base64-encoded' })
  BSN_HASH_KEY?: string;

  /** A WW client is Max-WW when the WW ends within this many months. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of months between 1 and 12' })
  @Min(1, { message: 'must be a whole number of months between 1 and 12' })
  @Max(12, { message: 'must be a whole number of months between 1 and 12' })
  MAX_WW_MONTHS = 3;

  /** Largest candidate CSV accepted by POST /api/candidates/imports, in bytes. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of bytes, at least 1024' })
  @Min(1024, { message: 'must be a whole number of bytes, at least 1024' })
  CANDIDATE_IMPORT_MAX_BYTES = 67_108_864;

  /** When aftersales calls after a placement's start: comma-separated ISO-8601 durations. */
  @IsString()
  FOLLOW_UP_OFFSETS = 'P3M,P6M';

  /** How often the reconciler dispatches overdue follow-ups and restores lost delayed jobs. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 3600' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 1 and 3600' })
  FOLLOW_UP_RECONCILE_SECONDS = 60;

  /** After an UNREACHABLE outcome, the call is tried again this much later (ISO-8601, e.g. P2D). */
  @IsString()
  FOLLOW_UP_RETRY_AFTER = 'P2D';

  /** Calls tried per follow-up before it is MISSED (each UNREACHABLE outcome is one try). */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of tries between 1 and 10' })
  @Min(1, { message: 'must be a whole number of tries between 1 and 10' })
  @Max(10, { message: 'must be a whole number of tries between 1 and 10' })
  FOLLOW_UP_MAX_TRIES = 3;

  /** Where each due follow-up is announced (POST, JSON, no personal data); unset: recorded only. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http:// or https:// URL' })
  FOLLOW_UP_WEBHOOK_URL?: string;

  /** Signs each webhook body (HMAC-SHA256 in X-Signature) so the receiver can trust it. */
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters' })
  FOLLOW_UP_WEBHOOK_SECRET?: string;

  /** Deliveries tried per notification (the first included); then it is given up, its last error kept. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number between 1 and 50' })
  @Min(1, { message: 'must be a whole number between 1 and 50' })
  @Max(50, { message: 'must be a whole number between 1 and 50' })
  FOLLOW_UP_WEBHOOK_ATTEMPTS = 8;

  /** First wait before a failed delivery is tried again; doubled each time. */
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of milliseconds between 100 and 3600000' })
  @Min(100, { message: 'must be a whole number of milliseconds between 100 and 3600000' })
  @Max(3_600_000, { message: 'must be a whole number of milliseconds between 100 and 3600000' })
  FOLLOW_UP_WEBHOOK_BACKOFF_MS = 5000;
}

export class ConfigurationError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates the raw environment; throws a ConfigurationError naming the first bad variable. */
export function parseEnvironment(raw: NodeJS.ProcessEnv): Environment {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const environment = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(environment, { whitelist: false, forbidUnknownValues: true });
  const first = errors[0];
  if (first) throw new ConfigurationError(first.property, describe(first));
  if (environment.NODE_ENV === 'production' && !environment.JWT_SECRET) {
    throw new ConfigurationError('JWT_SECRET', 'must be set in production (at least 32 characters)');
  }
  try {
    parseFollowUpOffsets(environment.FOLLOW_UP_OFFSETS);
  } catch (error) {
    throw new ConfigurationError('FOLLOW_UP_OFFSETS', (error as Error).message);
  }
  try {
    parseIsoDuration(environment.FOLLOW_UP_RETRY_AFTER);
  } catch (error) {
    throw new ConfigurationError('FOLLOW_UP_RETRY_AFTER', (error as Error).message);
  }
  for (const key of ['BSN_ENCRYPTION_KEY', 'BSN_HASH_KEY'] as const) {
    if (environment.NODE_ENV === 'production' && !environment[key]) {
      throw new ConfigurationError(key, 'must be set in production (32 bytes, base64-encoded)');
    }
  }
  return environment;
}

function describe(error: ValidationError): string {
  const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
  const withoutName = message.startsWith(error.property) ? message.slice(error.property.length).trim() : message;
  const shown = typeof error.value === 'string' ? ` (got "${error.value}")` : '';
  return `${withoutName}${shown}`;
}
