// `npm run secrets:generate [-- <file>]`: writes the secrets a production start needs (JWT_SECRET,
// BSN_ENCRYPTION_KEY, BSN_HASH_KEY) to .env.docker (the docker compose stack reads it as env_file),
// mode 0600, never into the repository. A secret already in the file is kept: replacing the BSN
// encryption key would make every stored BSN unreadable.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? '.env.docker';
const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
const present = new Set(
  existing
    .split('\n')
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*\S/.exec(line)?.[1])
    .filter(Boolean),
);
const secrets = {
  JWT_SECRET: () => randomBytes(48).toString('base64url'),
  BSN_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  BSN_HASH_KEY: () => randomBytes(32).toString('base64'),
};
const added = Object.entries(secrets)
  .filter(([name]) => !present.has(name))
  .map(([name, generate]) => `${name}=${generate()}`);
if (added.length === 0) {
  process.stdout.write(`${file} has every secret already; nothing changed\n`);
} else {
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writeFileSync(file, `${existing}${separator}${added.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  process.stdout.write(`${file}: added ${added.map((line) => line.split('=')[0]).join(', ')}\n`);
}
