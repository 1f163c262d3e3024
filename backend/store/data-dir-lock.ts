import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { processAlive as alive } from '../process-alive';

/**
 * One process at a time may open an embedded database: PGlite is PostgreSQL in single-user
 * mode, so two processes on one directory would corrupt it. The lock is a file holding the
 * owner's pid and thread; a lock whose owner is gone (a crash, `kill -9`) is taken over.
 * In a container the server is pid 1 after every restart, so a lock naming our own pid and
 * thread that this process does not hold is stale too.
 */
const held = new Set<string>();

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

function owner(file: string): { pid: number; thread: number } | undefined {
  try {
    const [pid, thread] = readFileSync(file, 'utf8').trim().split(':').map(Number);
    return Number.isInteger(pid) && Number.isInteger(thread) ? { pid: pid!, thread: thread! } : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DataDirLockedError naming the holder; returns the release function. */
export function lockDataDir(file: string, what: string): () => void {
  if (held.has(file)) throw new DataDirLockedError(`${what} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid}:${threadId}\n`);
      } finally {
        closeSync(fd);
      }
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = owner(file);
    const stale =
      !holder || !alive(holder.pid) || (holder.pid === process.pid && holder.thread === threadId);
    if (!stale) {
      throw new DataDirLockedError(
        `${what} is in use by process ${holder.pid}; the embedded database serves one process. ` +
          'Run several replicas on PostgreSQL (DATABASE_URL).',
      );
    }
    rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`could not lock ${what}`);
}
