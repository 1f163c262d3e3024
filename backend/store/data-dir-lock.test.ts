import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const lockFile = () => join(mkdtempSync(join(tmpdir(), 'pulso-lock-')), 'pgdata.lock');

describe('one process per embedded database', () => {
  it('a second open in the same process is refused until the first releases', () => {
    const file = lockFile();
    const release = lockDataDir(file, 'the test db');
    expect(readFileSync(file, 'utf8').trim()).toBe(`${process.pid}:${threadId}`);
    expect(() => lockDataDir(file, 'the test db')).toThrow(/already open in this process/);
    release();
    lockDataDir(file, 'the test db')();
  });

  it('a live other process holds it: refused, naming the pid and pointing at DATABASE_URL', async () => {
    const file = lockFile();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(file, `${other.pid}:0\n`);
      expect(() => lockDataDir(file, 'the test db')).toThrow(DataDirLockedError);
      expect(() => lockDataDir(file, 'the test db')).toThrow(new RegExp(`process ${other.pid}.*DATABASE_URL`));
    } finally {
      const gone = new Promise((resolve) => other.once('exit', resolve));
      other.kill('SIGKILL');
      await gone;
    }
    // Its owner is gone (as after kill -9): the lock is stale and taken over.
    lockDataDir(file, 'the test db')();
  });

  it('another thread of this process holds it: refused; a lock naming this very thread is stale (a restarted container is pid 1 again)', () => {
    const file = lockFile();
    writeFileSync(file, `${process.pid}:${threadId + 1}\n`);
    expect(() => lockDataDir(file, 'the test db')).toThrow(DataDirLockedError);
    writeFileSync(file, `${process.pid}:${threadId}\n`);
    lockDataDir(file, 'the test db')();
  });
});
