// One writer for the embedded database (ADR 0039). PGlite keeps its files in a folder and must
// have one process using them; a second process opening the same folder would write over the
// first's work (or the first would write over its). The process that opens the folder holds a
// lock file beside it, `<folder>.lock`, made with O_EXCL and naming its process (pid, start
// time, role) and, once the database answers, the port of its wire-protocol socket. Another
// process finds it there: a server refuses to start; a command reaches the database through
// the running server's socket instead of opening the files. A lock whose process is gone (a
// crash, SIGKILL) is stale and taken over.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export type HolderRole = 'server' | 'command';

export interface LockHolder {
  pid: number;
  /** The process's start, from /proc (Linux): a pid used again by another process is not it. */
  started: string | null;
  host: string;
  role: HolderRole;
  since: string;
  /** The embedded database's socket (127.0.0.1), once it answers. */
  port?: number;
}

/** A command or server refused because of who holds the folder; nothing was done. */
export class FolderRefusal extends Error {}

/** The folder is held by another live process; the message says which and what to do. */
export class DataFolderInUse extends FolderRefusal {
  readonly holder: LockHolder;
  constructor(folder: string, holder: LockHolder, message?: string) {
    super(
      message ??
        `The embedded database in ${folder} is in use by ${holder.role === 'server' ? 'the Cooperate server' : 'another cooperate command'} (process ${holder.pid} since ${holder.since}). ` +
          (holder.role !== 'server'
            ? 'Wait for it to finish, or use another DATA_DIR.'
            : holder.port
              ? 'Stop it first (SIGTERM), or use another DATA_DIR.'
              : 'It is starting: try again in a moment, or stop it first (SIGTERM).'),
    );
    this.holder = holder;
  }
}

export const lockPath = (folder: string) => `${folder}.lock`;

/** When the process started, as the kernel counts it (field 22 of /proc/<pid>/stat), or null. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in brackets and may hold spaces: count after its end
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(holder: LockHolder): boolean {
  // Another machine's process (a shared folder) cannot be checked: taken as alive.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(holder.pid);
  return !(holder.started && started && holder.started !== started);
}

/** Who holds the folder, or undefined when nobody does (no lock, or a stale one). */
export function lockHolder(folder: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(lockPath(folder), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return alive(holder) ? holder : undefined;
  } catch {
    // Being written this instant (a few bytes): held. Left empty by a process that died
    // between making and writing it: stale after a few seconds.
    const age = Date.now() - (statSync(lockPath(folder), { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > 3000) return undefined;
    return { pid: 0, started: null, host: hostname(), role: 'command', since: 'just now' };
  }
}

export interface FolderLock {
  readonly holder: LockHolder;
  /** Records the socket's port for other processes to reach the database through. */
  setPort(port: number): void;
  release(): void;
}

/**
 * Takes the folder's lock for this process, or throws DataFolderInUse naming the live holder.
 * A stale lock (its process gone) is moved aside and taken over.
 */
export function acquireFolderLock(folder: string, role: HolderRole): FolderLock {
  const path = lockPath(folder);
  const holder: LockHolder = {
    pid: process.pid,
    started: processStart(process.pid),
    host: hostname(),
    role,
    since: new Date().toISOString(),
  };
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 5) throw error;
      const current = lockHolder(folder);
      if (current) throw new DataFolderInUse(folder, current);
      // stale: moved aside under a name of our own (only one process's rename wins), then retried
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
        rmSync(aside, { force: true });
      } catch {
        // another process took it over first: try again, and find theirs
      }
      continue;
    }
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    break;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      const current = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      if (current.pid === process.pid) rmSync(path, { force: true });
    } catch {
      // gone already
    }
  };
  // a process.exit() without a close still frees the folder
  process.on('exit', release);
  return {
    holder,
    setPort(port: number) {
      holder.port = port;
      writeFileSync(`${path}.${process.pid}`, JSON.stringify(holder), { mode: 0o600 });
      renameSync(`${path}.${process.pid}`, path);
    },
    release,
  };
}
