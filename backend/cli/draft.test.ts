import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplyDraftSchema } from '../../lib/contracts';
import { SHOP } from '../../lib/rules/drafts/test-fixtures';
import { runCliInProcess as run } from '../testing/cli-in-process';

const dir = mkdtempSync(join(tmpdir(), 'pulso-draft-'));
const PROFILE = join(dir, 'profile.json');
writeFileSync(PROFILE, JSON.stringify(SHOP));

describe('pulso draft', () => {
  it('one ReplyDraft line per Conversation line; bad lines reported like classify', async () => {
    const input = [
      JSON.stringify({ contact: { name: 'Ana' }, messages: [{ direction: 'in', text: '¿Cuánto cuesta el router wifi 6?' }] }),
      'not json',
      JSON.stringify({ messages: [{ direction: 'sideways', text: 'x' }] }),
      JSON.stringify({ contact: { name: 'John' }, messages: [{ direction: 'in', text: 'My order arrived broken, I am really upset.' }] }),
    ].join('\n');
    const r = await run(['draft', '--profile', PROFILE], input);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(4);
    const first = ReplyDraftSchema.parse(r.lines[0]);
    expect(first.language).toBe('es');
    expect(first.text).toContain('89.99');
    expect(r.lines[1]).toEqual({ error: expect.stringMatching(/^line 2: malformed JSON/), line: 2 });
    expect(r.lines[2]).toEqual({ error: expect.stringMatching(/^line 3: messages\.0\.direction/), line: 3 });
    expect(ReplyDraftSchema.parse(r.lines[3]).language).toBe('en');
    expect(r.err).toMatch(/2 of 4 input\(s\) failed/);
  });

  it('--strategy and --tone', async () => {
    const input = JSON.stringify({ contact: { name: 'Ana' }, messages: [{ direction: 'in', text: 'El pedido llegó tarde.' }] });
    const r = await run(['draft', '--profile', PROFILE, '--strategy', 'compensation', '--tone', 'more_formal'], input);
    expect(r.code).toBe(0);
    const d = ReplyDraftSchema.parse(r.lines[0]);
    expect(d.strategy).toBe('compensation');
    expect(d.text).toMatch(/^Buenos días, Ana:/);
    expect(d.text).toMatch(/le ofrecemos un cupón de 10/i);
  });

  it('unknown strategy or tone → usage error (exit 2)', async () => {
    expect((await run(['draft', '--strategy', 'bribe'])).code).toBe(2);
    expect((await run(['draft', '--tone', 'louder'])).code).toBe(2);
  });
});
