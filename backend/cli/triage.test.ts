import { describe, expect, it } from 'vitest';
import { ConversationTriageSchema } from '../../lib/contracts';
import { runCliInProcess as run } from '../testing/cli-in-process';

describe('pulso triage', () => {
  it('one ConversationTriage line per Conversation line; bad lines reported like classify', async () => {
    const input = [
      JSON.stringify({ messages: [{ direction: 'in', text: 'Where is my order 4411?' }] }),
      'not json',
      JSON.stringify({ messages: [{ direction: 'up', text: 'x' }] }),
      '',
      JSON.stringify({ billingLevel: 'low', messages: [{ direction: 'in', text: 'Terrible, unacceptable!!!' }] }),
    ].join('\n');
    const r = await run(['triage'], input);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(4);
    expect(ConversationTriageSchema.parse(r.lines[0]).intent).toBe('order_status');
    expect(r.lines[1]).toEqual({ error: expect.stringMatching(/^line 2: malformed JSON/), line: 2 });
    expect(r.lines[2]).toEqual({ error: expect.stringMatching(/^line 3: messages\.0\.direction/), line: 3 });
    expect(ConversationTriageSchema.parse(r.lines[3]).retention?.quadrant).toBe('let_go');
    expect(r.err).toMatch(/2 of 4 input\(s\) failed/);
  });
  it('usage: at most one FILE', async () => {
    expect((await run(['triage', 'a', 'b'])).code).toBe(2);
  });
});
