import {
  linkSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * One process owns the embedded servers' data in DATA_DIR. PGlite is one process's database: a second
 * process opening the same files (a CLI beside `npm start`) corrupts them, and a second redis-server on
 * the same append-only file loses writes. The owner holds `DATA_DIR/owner.lock` (its PID, start time
 * and command); any other process refuses at once. A lock whose process is gone (a crash, a kill -9, a
 * restarted container whose PID 1 is a new process) is taken over, and the private redis-server that
 * the dead owner left running is stopped first.
 */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: OwnerRecord) {
    super(
      `The embedded database in ${dataDir} is in use by ${describeCommand(owner.command)} (PID ${owner.pid}, since ${owner.since}): ` +
        'stop that service first, or do this through the running service (the web app or the API) instead of the command line.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface OwnerRecord {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused PID is not taken for the owner. */
  startTime?: string;
  command: string;
  since: string;
  /** The private redis-server the owner started, stopped when a dead owner's lock is taken over. */
  redisPid?: number;
}

export interface DataDirLease {
  /** Notes the private redis-server's PID in the lock, so a successor can stop it after a crash. */
  recordRedis(pid: number): void;
  release(): void;
}

const LOCK_FILE = 'owner.lock';
const TAKEOVER_GUARD_STALE_MS = 10_000;

/** The leases of this process, per data folder: the embedded PostgreSQL and Redis share one lock. */
const held = new Map<string, { count: number; path: string; record: OwnerRecord }>();

/** Takes ownership of `dataDir` for this process, or throws DataDirInUseError naming the owner. */
export function acquireDataDir(dataDir: string): DataDirLease {
  const directory = resolve(dataDir);
  let entry = held.get(directory);
  if (!entry) {
    mkdirSync(directory, { recursive: true });
    const path = join(directory, LOCK_FILE);
    const record: OwnerRecord = {
      pid: process.pid,
      startTime: startTimeOf(process.pid),
      command: basename(process.argv[1] ?? process.argv0),
      since: new Date().toISOString(),
    };
    takeLock(directory, path, record);
    entry = { count: 0, path, record };
    held.set(directory, entry);
    if (held.size === 1) process.once('exit', releaseAllOnExit);
  }
  entry.count++;
  const lease = entry;
  let released = false;
  return {
    recordRedis(pid) {
      lease.record.redisPid = pid;
      writeAtomically(lease.path, lease.record);
    },
    release() {
      if (released) return;
      released = true;
      if (--lease.count > 0) return;
      held.delete(directory);
      removeIfOurs(lease.path);
    },
  };
}

function takeLock(directory: string, path: string, record: OwnerRecord): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createExclusively(path, record)) return;
    const owner = readRecord(path);
    if (owner && isAlive(owner)) throw new DataDirInUseError(directory, owner);
    takeOver(path, owner);
  }
  throw new Error(`Could not take ${path}: other processes keep replacing it`);
}

/** Writes the record to a temporary file and links it into place: the lock never exists half-written. */
function createExclusively(path: string, record: OwnerRecord): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * Removes a dead owner's lock. Two processes may find the same stale lock at once: a guard file
 * created exclusively lets one of them remove it, so the other cannot remove the winner's new lock.
 */
function takeOver(path: string, stale: OwnerRecord | undefined): void {
  const guard = `${path}.takeover`;
  let descriptor: number;
  try {
    descriptor = openSync(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone is taking over; a guard left by a crash during a takeover is removed after a while.
    if (Date.now() - (statOrUndefined(guard)?.mtimeMs ?? Date.now()) > TAKEOVER_GUARD_STALE_MS) unlinkQuietly(guard);
    sleep(50);
    return;
  }
  try {
    const current = readRecord(path);
    const unchanged =
      current === undefined ? stale === undefined : current.pid === stale?.pid && current.since === stale.since;
    if (!unchanged || (current && isAlive(current))) return;
    if (current?.redisPid) stopOrphanedRedis(current.redisPid, path);
    unlinkQuietly(path);
  } finally {
    closeSync(descriptor);
    unlinkQuietly(guard);
  }
}

function isAlive(owner: OwnerRecord): boolean {
  // Our own PID without our lease: a previous process with the same PID (a restarted container's PID 1).
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startTime = startTimeOf(owner.pid);
  return !(owner.startTime && startTime && owner.startTime !== startTime);
}

/** A dead owner's redis-server still holds the append-only file: stop it before a new one starts. */
function stopOrphanedRedis(pid: number, lockPath: string): void {
  // redis-server rewrites its command line, but it runs in its --dir: that identifies the orphan.
  let commandLine: string;
  let workingDirectory: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    workingDirectory = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return; // gone already (or no /proc: nothing we can check, so leave it)
  }
  if (!commandLine.startsWith('redis-server') || workingDirectory !== join(lockPath, '..', 'redis')) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && isRunning(pid)) sleep(50);
  if (isRunning(pid)) process.kill(pid, 'SIGKILL');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** Field 22 of /proc/PID/stat: when the process started. Undefined where there is no /proc. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function readRecord(path: string): OwnerRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as OwnerRecord;
    return typeof record.pid === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, record: OwnerRecord): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, path);
}

function removeIfOurs(path: string): void {
  if (readRecord(path)?.pid === process.pid) unlinkQuietly(path);
}

function releaseAllOnExit(): void {
  for (const { path } of held.values()) removeIfOurs(path);
  held.clear();
}

function describeCommand(command: string): string {
  if (command === 'main.js') return 'the service (npm start)';
  const cli = /^(.+)\.cli\.js$/.exec(command)?.[1];
  return cli ? `the command ${cli}` : `another process (${command})`;
}

function statOrUndefined(path: string): { mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}
