import { describe, expect, it } from 'vitest';
import { LeadClassificationSchema } from '../../lib/contracts';
import { runCliInProcess as run } from '../testing/cli-in-process';

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
