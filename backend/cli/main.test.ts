import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LeadClassificationSchema } from '../../lib/contracts';
import { main } from './main';

/** Runs main() in-process with string stdin and captured stdout/stderr. */
async function run(argv: string[], input = '', env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d));
  stderr.on('data', (d: Buffer) => (err += d));
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([input]), env: { LOG_LEVEL: 'silent', ...env } });
  const lines = () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, out, err, get lines() { return lines(); } };
}

describe('main (in-process)', () => {
  it('classify keeps one output line per input and marks bad ones {error, line}', async () => {
    const input = ['{"fullName":"Ana","company":"Acme"}', 'not json', '{"company":"B","annualRevenue":true}'].join('\n');
    const r = await run(['classify'], input);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(3);
    expect(LeadClassificationSchema.safeParse(r.lines[0]).success).toBe(true);
    expect(r.lines[1]).toEqual({ error: expect.stringMatching(/^line 2: malformed JSON/), line: 2 });
    expect(r.lines[2]).toEqual({ error: expect.stringMatching(/^line 3: annualRevenue: /), line: 3 });
    expect(r.err).toMatch(/2 of 3 input\(s\) failed/);
  });

  it('classify reads CSV when the first line is not JSON', async () => {
    const r = await run(['classify'], 'fullName,email\n"Doe, J",j@x.com\n');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(LeadClassificationSchema.parse(r.lines[0]).source).toBe('rules');
  });

  it('empty input → no output, exit 0', async () => {
    const r = await run(['classify'], '');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['classify', 'a', 'b'])).code).toBe(2);
    expect((await run(['classify', '--bogus'])).code).toBe(2);
    expect((await run(['help'])).code).toBe(0);
  });
});
