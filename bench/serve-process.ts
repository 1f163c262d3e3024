import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server under test; PULSO_BENCH_BIN measures another checkout's (before → after figures). */
const PULSO_BIN = process.env.PULSO_BENCH_BIN ?? fileURLToPath(new URL('../bin/pulso.js', import.meta.url));
const START_BOUND_MS = 300_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Backend {
  base: string;
  child: ChildProcess;
  /** What the server said when it was ready (mode, workers…). */
  ready: Record<string, unknown>;
  /** Peak resident set size so far (kB), from /proc: the server process plus its workers, each at its own peak. */
  peakRssKb(): number;
  stop(): Promise<void>;
}

function peakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * `pulso serve` on a free loopback port, exactly as a user starts it (`npm start` runs it): the
 * default number of workers unless `env` sets PULSO_WORKERS. Resolves once it says it is ready
 * ("pulso backend ready": every worker listening). Each server has its own embedded database on
 * disk, as deployed (one process per data dir), unless `env` says PULSO_DATA_DIR.
 */
export async function serve(env: Record<string, string>, bin = PULSO_BIN): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulso-bench-'));
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', PULSO_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  const { base, ready } = await new Promise<{ base: string; ready: Record<string, unknown> }>((resolve, reject) => {
    let out = '';
    let base: string | undefined;
    // A bound, not a pace: a first start without the template creates the embedded database
    // (initdb), minutes on a loaded machine. A server that never starts is stopped, not left behind.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`pulso serve did not start within ${START_BOUND_MS / 1000} s: ${stderr.slice(-500)}`));
    }, START_BOUND_MS);
    const seekReady = (c: Buffer) => {
      out += c;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        base ??= /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (!line.includes('"pulso backend ready"')) continue;
        clearTimeout(timer);
        // From now on only drain stdout (one log line per request) so the server never blocks on
        // a full pipe, at no cost to the machine the figures are measured on.
        child.stdout!.off('data', seekReady).on('data', () => {});
        const said = JSON.parse(line) as Record<string, unknown>;
        resolve({ base: (said.address as string | undefined) ?? base!, ready: said });
        return;
      }
    };
    child.stdout!.on('data', seekReady);
    child.once('exit', (code) => reject(new Error(`pulso serve exited ${code}: ${stderr.slice(-500)}`)));
  });
  return {
    base,
    child,
    ready,
    peakRssKb: () => [child.pid!, ...childrenOf(child.pid!)].reduce((sum, pid) => sum + peakKb(pid), 0),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
