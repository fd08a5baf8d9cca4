import { randomBytes } from 'node:crypto';
import { resolveLocalSecret } from '@platform/config/local-secret';

/** JWT_SECRET from configuration, or outside production one kept in DATA_DIR/jwt-secret. */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  return resolveLocalSecret('JWT_SECRET', configured, dataDir, () => randomBytes(48).toString('base64url'));
}
