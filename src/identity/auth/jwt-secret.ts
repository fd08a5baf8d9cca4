import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * JWT_SECRET from configuration; outside production, when unset, a random secret generated once and
 * kept in DATA_DIR/jwt-secret (mode 600) so `npm start` works with no configuration and tokens survive
 * a restart. Production refuses to start without JWT_SECRET (see environment.ts).
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  new Logger('Auth').warn(`JWT_SECRET is not set: generated one in ${file}`);
  return secret;
}
