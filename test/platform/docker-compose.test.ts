import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { findFreePort } from '@platform/embedded/free-port';
import { until } from '@test/support/until';

// What `docker compose up` runs, without Docker (none runs here): the built service with the api
// service's environment from docker-compose.yml, on top of the image's ENV from the Dockerfile, plus
// the secrets `npm run secrets:generate` writes to the env_file. Only what cannot be the same here is
// replaced: the postgres and redis host names (and the compose database's name and user, which exist
// in its own container) become this test's PostgreSQL database and Redis, the fixed port a free one,
// and the queue prefix this test file's (the Redis is shared with other test files).
const ROOT = resolve(__dirname, '..', '..');
const SERVICE = join(ROOT, 'dist', 'src', 'main.js');

interface ComposeFile {
  services: { api: { environment: Record<string, string | number>; env_file?: string | string[] } };
}

function dockerfileEnvironment(): Record<string, string> {
  const stages = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split(/^FROM /m);
  const runtime = stages.at(-1)!;
  const environment: Record<string, string> = {};
  for (const line of runtime.split('\n').filter((row) => row.startsWith('ENV '))) {
    for (const [, name, value] of line.slice(4).matchAll(/([A-Z_]+)=(\S+)/g)) environment[name] = value!;
  }
  return environment;
}

function generatedSecrets(directory: string, envFile: string): Record<string, string> {
  const file = join(directory, envFile);
  const result = spawnSync(process.execPath, [join(ROOT, 'tools', 'generate-secrets.mjs'), file], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function onLocalServers(environment: Record<string, string>): Record<string, string> {
  const database = new URL(environment.DATABASE_URL);
  expect(database.hostname).toBe('postgres');
  const redis = new URL(environment.REDIS_URL);
  expect(redis.hostname).toBe('redis');
  const local = new URL(process.env.DATABASE_URL!);
  return {
    ...environment,
    DATABASE_URL: local.toString(),
    REDIS_URL: `redis://127.0.0.1:${new URL(process.env.REDIS_URL!).port || 6379}`,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
  };
}

// The compose stack runs on PostgreSQL; the embedded test database serves one connection at a time.
const withServer = process.env.TEST_ADMIN_DATABASE_URL ? describe : describe.skip;

withServer('the docker compose stack', () => {
  let service: ChildProcess | undefined;
  let directory: string;
  afterEach(() => {
    if (service?.exitCode === null) service.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it('starts with the api service environment and the generated secrets, and serves /health and /docs over http', async () => {
    directory = mkdtempSync(join(tmpdir(), 'matching-compose-'));
    const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
    const api = compose.services.api;
    expect(api.env_file).toBe('.env.docker');
    const composeEnvironment = Object.fromEntries(
      Object.entries(api.environment).map(([name, value]) => [name, String(value)]),
    );
    const environment = {
      ...dockerfileEnvironment(),
      ...generatedSecrets(directory, api.env_file as string),
      ...onLocalServers(composeEnvironment),
    };
    expect(environment).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    const port = await findFreePort();
    // The image's working directory holds config/ (COPY config ./config) and no .env.
    symlinkSync(join(ROOT, 'config'), join(directory, 'config'));

    let output = '';
    service = spawn(process.execPath, [SERVICE], {
      cwd: directory,
      env: { PATH: process.env.PATH, ...environment, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      async () => {
        if (service!.exitCode !== null)
          throw new Error(
            `the service stopped: ${output
              .split('\n')
              .filter((line) => !line.includes('"level":30'))
              .join('\n')
              .slice(-3000)}`,
          );
        const health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        return health?.status === 200;
      },
      90_000,
      'GET /health answered 200',
    );

    // As a browser on another machine asks for it: plain http, a host name that is not localhost.
    const docs = await fetch(`http://127.0.0.1:${port}/docs`, { headers: { host: 'matching.example.org:3000' } });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui-bundle.js');
    expect(docs.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const bundle = await fetch(`http://127.0.0.1:${port}/docs/swagger-ui-bundle.js`, {
      headers: { host: 'matching.example.org:3000' },
    });
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1000);

    const exited = new Promise((resolveExit) => service!.once('exit', resolveExit));
    service.kill('SIGTERM');
    const code = await exited;
    expect({ code, output: code === 0 ? '' : output.slice(-1500) }).toEqual({ code: 0, output: '' });
  });
});
