import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../config';

/**
 * A config from an env map (defaults everywhere else), LOG_LEVEL silent, a 5 ms retry backoff
 * and the store in memory (a fresh schema per server on one cluster per test file) unless given.
 */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', LLM_RETRY_BACKOFF_MS: '5', PULSO_DATA_DIR: 'memory://', ...env });
}

/** A log destination that keeps every line, for asserting what reached the logs. */
export function captureLogs(): { stream: Writable; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { stream, lines, text: () => lines.join('\n') };
}

/** The sum of every sample of one metric in the app's /metrics text (all label sets). */
export async function metricSum(app: { inject: (o: { method: 'GET'; url: string }) => Promise<{ body: string }> }, name: string): Promise<number> {
  const { body } = await app.inject({ method: 'GET', url: '/metrics' });
  let sum = 0;
  for (const line of body.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Polls `probe` (a state, never a duration) until it holds; the test's own timeout bounds the wait. */
export async function until(probe: () => boolean | Promise<boolean>, everyMs = 10): Promise<void> {
  while (!(await probe())) await new Promise((r) => setTimeout(r, everyMs));
}
