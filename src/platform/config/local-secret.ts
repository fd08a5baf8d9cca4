import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * A secret from configuration; outside production, when unset, one generated once and kept in
 * DATA_DIR/<file> (mode 600) so `npm start` works with no configuration and what the secret protects
 * (tokens, encrypted fields) survives a restart. Production refuses to start without the variable
 * (see environment.ts), so this fallback never runs there.
 */
export function resolveLocalSecret(
  variable: string,
  configured: string | undefined,
  dataDir: string,
  generate: () => string,
): string {
  if (configured) return configured;
  const file = join(dataDir, variable.toLowerCase().replace(/_/g, '-'));
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = generate();
  writeFileSync(file, secret, { mode: 0o600 });
  new Logger('Config').warn(`${variable} is not set: generated one in ${file}`);
  return secret;
}
