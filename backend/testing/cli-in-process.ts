import { PassThrough, Readable } from 'node:stream';
import { main } from '../cli/main';

/** For tests: runs the CLI's main() in-process with a string stdin and captured stdout / stderr. */
export async function runCliInProcess(argv: string[], input = '', env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d));
  stderr.on('data', (d: Buffer) => (err += d));
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([input]), env: { LOG_LEVEL: 'silent', ...env } });
  return {
    code,
    out,
    err,
    /** stdout's JSON lines. */
    get lines() {
      return out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}
