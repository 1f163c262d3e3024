import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../config';

/** A config from an env map (defaults everywhere else), LOG_LEVEL silent and a 5 ms retry backoff unless given. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', LLM_RETRY_BACKOFF_MS: '5', ...env });
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
