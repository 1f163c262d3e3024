import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { HOT_LEAD } from '../testing/fixtures';
import { MAX_DEFAULT_WORKERS, workerConfig, workerCount } from './workers';
import { loadConfig } from '../config';

const BIN = resolve(import.meta.dirname, '../../bin/pulso.js');
const ADMIN = 'admin-token-for-cluster-tests';

interface Served {
  child: ChildProcess;
  /** Every log line so far, parsed. */
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** `pulso serve` as a user starts it, with `env`; resolves once it says it is ready (or exits). */
function serve(env: Record<string, string>): Promise<Served & { ready: Record<string, unknown> }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: tmpdir(),
    env: { ...process.env, LLM_BASE_URL: '', HOST: '127.0.0.1', LOG_LEVEL: 'info', PULSO_ADMIN_TOKEN: ADMIN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolveReady, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      buffer += c;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          lines.push(parsed);
          if (parsed.msg === 'pulso backend ready') resolveReady({ child, lines, exited, ready: parsed });
        } catch {
          /* not a log line */
        }
      }
    });
    void exited.then((code) => reject(Object.assign(new Error(`pulso serve exited ${code} before it was ready: ${stderr.slice(-400)}`), { code, lines })));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** A request on a connection of its own, so the cluster may hand it to any worker. */
const fresh = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { connection: 'close', authorization: `Bearer ${ADMIN}`, ...init.headers } });

describe('pulso serve with several workers (node:cluster) on the embedded database', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  // Each test starts three Node processes compiling TypeScript: the time-out is a fail-safe for a loaded machine, not a pace.
  it('answers from every worker, shares one store through the primary, sums /metrics, and shuts down cleanly on SIGTERM', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulso-cluster-'));
    const port = await freePort();
    const served = await serve({ PORT: String(port), PULSO_WORKERS: '2', PULSO_DATA_DIR: dataDir, LLM_MAX_CONCURRENCY: '6' });
    cleanup.push(() => {
      served.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    const base = `http://127.0.0.1:${port}`;
    expect(served.ready).toMatchObject({ workers: 2, mode: 'rules', store: 'pglite', address: base });

    // Every worker answers: the log names the process of each request.
    for (let i = 0; i < 12; i++) {
      const res = await fresh(`${base}/v1/leads/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lead: { ...HOT_LEAD, fullName: `Lead ${i}` } }) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ source: 'rules' });
    }
    await expect.poll(() => new Set(served.lines.filter((l) => (l.req as { url?: string } | undefined)?.url === '/v1/leads/classify').map((l) => l.pid)).size).toBe(2);

    // A profile published through one worker is the one every worker reads (GET /v1/profile reads the store).
    const profile = { ...DEMO_PROFILE, name: 'Cluster Test Co' };
    const published = await fresh(`${base}/v1/profile`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile }) });
    expect(published.status).toBe(200);
    for (let i = 0; i < 6; i++) expect(((await (await fresh(`${base}/v1/profile`)).json()) as { profile: { name: string } }).profile.name).toBe('Cluster Test Co');

    // /metrics is every worker's, summed: each worker holds 3 of the 6 upstream slots.
    const metrics = await (await fresh(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^pulso_llm_max_concurrency 6$/m);

    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.lines.filter((l) => l.msg === 'worker shutting down')).toHaveLength(2);
    // The embedded database was closed and its lock released: the data dir can be opened again.
    expect(existsSync(join(dataDir, 'pgdata.lock'))).toBe(false);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('a worker that cannot start (the port is taken) stops the whole backend with status 1', { timeout: 180_000 }, async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => taken.close());
    const port = (taken.address() as AddressInfo).port;
    const failed = await serve({ PORT: String(port), PULSO_WORKERS: '2', PULSO_DATA_DIR: 'memory://' }).then(
      () => undefined,
      (err: { code: number | null; lines: Array<Record<string, unknown>> }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.lines.some((l) => l.msg === 'a worker exited before the backend was ready')).toBe(true);
  });
});

describe('how many workers', () => {
  const rules = loadConfig({});
  const llm = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:8000/v1', LLM_MAX_CONCURRENCY: '16', LLM_MAX_QUEUE: '32' });

  it('rules mode: one per core, at most MAX_DEFAULT_WORKERS; with an LLM: one; PULSO_WORKERS decides when set', () => {
    expect(workerCount(rules, 2)).toBe(2);
    expect(workerCount(rules, 64)).toBe(MAX_DEFAULT_WORKERS);
    expect(workerCount(llm, 16)).toBe(1);
    expect(workerCount(loadConfig({ PULSO_WORKERS: '3' }), 16)).toBe(3);
    expect(workerCount(loadConfig({ PULSO_WORKERS: '1' }), 16)).toBe(1);
    expect(() => loadConfig({ PULSO_WORKERS: '0' })).toThrow(/PULSO_WORKERS/);
  });

  it('the workers split the upstream caps, each keeping a slot: the backend never sends more than LLM_MAX_CONCURRENCY', () => {
    expect(workerConfig(llm, 1).admission).toEqual({ maxConcurrency: 16, maxQueue: 32 });
    expect(workerConfig(llm, 4).admission).toEqual({ maxConcurrency: 4, maxQueue: 8 });
    expect(workerConfig(llm, 3).admission).toEqual({ maxConcurrency: 5, maxQueue: 10 });
  });
});
