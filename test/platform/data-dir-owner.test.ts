import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@platform/embedded/free-port';
import { ESCO_FOLDER, GEO_FOLDER } from '@test/support/reference-data';
import { until } from '@test/support/until';

// The compiled service and commands, as `npm start` and `npm run …` run them (`npm test` builds them first).
const DIST = join(__dirname, '..', '..', 'dist', 'src');
const SERVICE = join(DIST, 'main.js');
const COMMANDS: Record<string, string[]> = {
  'user:create': [
    join(DIST, 'identity', 'cli', 'user-create.cli.js'),
    '--email',
    'second.admin@example.org',
    '--org',
    'UWV',
    '--roles',
    'ADMIN',
  ],
  'esco:import': [join(DIST, 'taxonomy', 'esco-import', 'esco-import.cli.js'), ESCO_FOLDER],
  'places:import': [join(DIST, 'sales', 'places', 'places-import.cli.js'), GEO_FOLDER],
  'seed:demo': [join(DIST, 'platform', 'cli', 'seed-demo.cli.js')],
  'migration:run': [join(DIST, 'platform', 'database', 'migrate.cli.js'), 'run'],
};
const PASSWORD = 'a long secret password 2026';

// Each step starts a real process on a fresh embedded database (migrations included): minutes in all.
jest.setTimeout(600_000);

const started: ChildProcess[] = [];

/** The embedded defaults in `dataDir`: no DATABASE_URL, no REDIS_URL. */
function environment(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    USER_PASSWORD: PASSWORD,
    DEMO_PASSWORD: 'demo-password-2026',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

function command(name: string, dataDir: string, args: string[] = []) {
  const began = Date.now();
  const result = spawnSync(process.execPath, [...COMMANDS[name], ...args], {
    env: environment(dataDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - began };
}

async function startService(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [SERVICE], {
    env: environment(dataDir, { PORT: String(port) }),
    stdio: 'ignore',
  });
  started.push(child);
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} during start`);
      const health = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) }).catch(
        () => undefined,
      );
      return health?.status === 200;
    },
    90_000,
    'the service answered /health',
  );
  return { child, port };
}

async function stopService(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  child.kill('SIGTERM');
  return exited;
}

async function logIn(port: number, email: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return response.status;
}

/** The redis-server processes working on this data folder. */
function redisServersOn(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // redis-server rewrites its command line; it runs in its --dir, DATA_DIR/redis.
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return (
          commandLine.startsWith('redis-server') &&
          readlinkSync(`/proc/${pid}/cwd`) === join(dataDir, 'redis') &&
          !state.includes(') Z ')
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('one owner of the embedded database in DATA_DIR', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'matching-owner-'));
  });
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const pid of redisServersOn(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses every command at once while the service runs, with one line saying what to do, and damages nothing', async () => {
    const first = command('user:create', dataDir, ['--email', 'first.admin@example.org']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);

    const { child, port } = await startService(dataDir);
    expect(await logIn(port, 'first.admin@example.org')).toBe(200);
    expect(redisServersOn(dataDir)).toHaveLength(1);

    for (const name of Object.keys(COMMANDS)) {
      const refused = command(name, dataDir);
      expect({ name, status: refused.status }).toEqual({ name, status: 1 });
      const lines = refused.stderr.trim().split('\n');
      expect({ name, lines: lines.length }).toEqual({ name, lines: 1 });
      expect(lines[0]).toMatch(
        new RegExp(
          `The embedded database in ${dataDir} is in use by the service \\(npm start\\) \\(PID ${child.pid}, since .*\\): stop that service first, or do this through the running service \\(the web app or the API\\)`,
        ),
      );
      expect(refused.stdout).not.toContain('Created user');
      // Refused before starting anything: no second redis-server on the same append-only file.
      expect({ name, redisServers: redisServersOn(dataDir).length }).toEqual({ name, redisServers: 1 });
    }

    // The service kept working, and its data survives a restart.
    expect(await logIn(port, 'first.admin@example.org')).toBe(200);
    expect(await stopService(child)).toBe(0);
    expect(existsSync(join(dataDir, 'owner.lock'))).toBe(false);
    const again = await startService(dataDir);
    expect(await logIn(again.port, 'first.admin@example.org')).toBe(200);
    expect(await stopService(again.child)).toBe(0);
  });

  it("takes over a crashed owner's lock and stops the redis-server it left behind", async () => {
    const { child } = await startService(dataDir);
    const [orphan] = redisServersOn(dataDir);
    expect(orphan).toBeDefined();
    child.kill('SIGKILL');
    await new Promise((resolveExit) => child.once('exit', resolveExit));
    // A killed process cleans nothing up: its lock and its redis-server are still there.
    expect(JSON.parse(readFileSync(join(dataDir, 'owner.lock'), 'utf8'))).toMatchObject({ pid: child.pid });
    expect(redisServersOn(dataDir)).toEqual([orphan]);

    const created = command('user:create', dataDir, ['--email', 'after.crash@example.org']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(redisServersOn(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'owner.lock'))).toBe(false);

    const again = await startService(dataDir);
    expect(await logIn(again.port, 'after.crash@example.org')).toBe(200);
    expect(await stopService(again.child)).toBe(0);
  });
});
