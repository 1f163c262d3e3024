import { describe, expect, it } from 'vitest';
import type { ConversationTriage, ScrapeResult, TriageReply } from '@/lib/contracts';
import { conversationGlance } from './glance';
import type { ConversationState } from './session';

const triage = (patch: Partial<ConversationTriage> = {}): TriageReply => ({
  triage: {
    intent: 'order_status', confidence: 0.8, escalate: false, escalationReason: '', department: '', clarifyingQuestion: '', sentiment: -0.25,
    conformity: 'high', handoffSummary: '', source: 'rules', flags: [], ...patch,
  },
  origin: 'preview', latencyMs: 3,
});
const scrape = { crm: 'whatsapp', kind: 'conversation', url: 'https://web.whatsapp.com/', recordId: 'chat-1', fields: {}, rows: [], missing: [] } as unknown as ScrapeResult;
const ready = (reply: TriageReply, triagePending = true): ConversationState => ({
  status: 'ready', recordId: 'chat-1', scrape, conversation: { channel: 'whatsapp', messages: [] } as never, triage: reply, triagePending, draftPending: true,
});

describe('conversationGlance', () => {
  it('shows nothing while idle or collapsed, and the state line while waiting', () => {
    expect(conversationGlance({ status: 'idle' }, false, 'en')).toBeNull();
    expect(conversationGlance(ready(triage()), true, 'en')).toBeNull();
    expect(conversationGlance({ status: 'waiting' }, false, 'en')).toMatchObject({ state: 'waiting', note: 'Waiting for the conversation to load…' });
    expect(conversationGlance({ status: 'unreadable', missing: ['messages'] }, false, 'en')?.note).toBe('Pulso could not read: messages');
  });

  it('shows what the customer wants and their mood, with the preview origin while the backend answers', () => {
    const content = conversationGlance(ready(triage()), false, 'en')!;
    expect(content.alert).toBeUndefined();
    expect(content.origin).toMatchObject({ origin: 'preview', pending: true });
    // The catalogue's words, not the intent's code.
    expect(content.facts?.map((fact) => [fact.testId, fact.value])).toEqual([
      ['pulso-intent', 'Order status'],
      ['pulso-glance-sentiment', '-0.25'],
    ]);
  });

  it('puts a hand-off first, naming the department', () => {
    const content = conversationGlance(ready({ ...triage({ escalate: true, department: 'Billing' }), origin: 'backend' }, false), false, 'en')!;
    expect(content.alert).toBe('Hand this one to a human · Department: Billing');
    expect(content.origin).toMatchObject({ origin: 'backend', pending: false });
    expect(conversationGlance(ready(triage({ escalate: true })), false, 'en')?.alert).toBe('Hand this one to a human');
  });
});
