import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern` (rejects if the child exits first). */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray>;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs a TypeScript file of the repo (through tsx) as a child process, reading its stdout line by line. */
export function runTsChild(file: string, args: string[] = [], env: Record<string, string> = {}): Child {
  return runNodeChild(['--import', 'tsx', file, ...args], env);
}

/** `node <args>` from the repo root (e.g. `bin/pulso.js serve`), reading its stdout line by line. */
export function runNodeChild(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  let err = '';
  let pending = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8_000)));
  child.stdout!.on('data', (d: Buffer) => {
    pending += d.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        const m = w.pattern.exec(line);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    lines,
    stderr: () => err,
    exited,
    waitForLine(pattern) {
      const seen = lines.map((l) => pattern.exec(l)).find(Boolean);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before printing ${pattern}: ${err}`)));
      });
    },
  };
}

/** SIGKILL, and wait until the process is gone. */
export async function killHard(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}
