import { describe, expect, it } from 'vitest';
import { DraftFeedbackSchema, type Conversation, type ConversationTriage, type DraftFeedback, type ReplyDraft } from '@/lib/contracts';
import { createDraftFeedback } from './draft-feedback';

const triage: ConversationTriage = {
  intent: 'complaint',
  confidence: 0.9,
  escalate: false,
  escalationReason: '',
  department: '',
  clarifyingQuestion: '',
  sentiment: -0.6,
  conformity: 'low',
  retention: { quadrant: 'retain', actions: [] },
  handoffSummary: '',
  source: 'rules',
  flags: [],
  language: 'en',
};
const chat = (...out: string[]): Conversation => ({
  contact: { name: 'Customer', phone: '', email: '' },
  subject: '',
  status: '',
  priority: '',
  billingLevel: 'high',
  messages: [{ direction: 'in', author: 'Customer', time: '', text: 'My order arrived broken' }, ...out.map((text) => ({ direction: 'out' as const, author: 'Agent', time: '', text }))],
});
const TEXT = 'Hello, I am sorry your order arrived broken. We will send a replacement today and a prepaid label for the damaged one.';
const draft = (over: Partial<ReplyDraft> = {}): ReplyDraft => ({
  strategy: 'empathetic',
  language: 'en',
  text: TEXT,
  safety: { ok: true, issues: [] },
  source: 'rules',
  ...over,
});

function tracker() {
  const sent: DraftFeedback[] = [];
  let n = 0;
  const feedback = createDraftFeedback({
    send: (events) => sent.push(...events.map((e) => DraftFeedbackSchema.parse(e))),
    newId: () => `id-${++n}`,
    now: () => new Date('2026-03-02T10:00:00Z'),
  });
  return { feedback, sent };
}

describe('draft feedback', () => {
  it('inserted and sent as is → inserted, edit ratio 0, in the draft context', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.inserted(TEXT, chat());
    feedback.conversationSeen(chat(TEXT));
    expect(sent).toEqual([
      {
        kind: 'draft',
        eventId: 'draft-id-1',
        strategy: 'empathetic',
        intent: 'complaint',
        segment: 'retain',
        outcome: 'inserted',
        editRatio: 0,
        wasSuggested: false,
        at: '2026-03-02T10:00:00.000Z',
      },
    ]);
  });

  it('inserted then edited in the composer → edited, with how much changed', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.inserted(TEXT, chat());
    const edited = TEXT.replace('today', 'tomorrow morning');
    feedback.composerSeen(edited);
    feedback.conversationSeen(chat(edited));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ outcome: 'edited' });
    expect(sent[0]!.editRatio).toBeGreaterThan(0);
    expect(sent[0]!.editRatio).toBeLessThan(0.2);
  });

  it('inserted and left unsent: measured against the composer text last seen', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.inserted(TEXT, chat());
    feedback.composerSeen('Completely different words from the agent here.');
    feedback.composerSeen(''); // the composer is gone (another chat): the last text stays
    feedback.left();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ outcome: 'edited' });
    expect(sent[0]!.editRatio).toBeGreaterThan(0.8);
  });

  it('the inserted draft is followed until the agent sends, even after a new draft replaced it on screen', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.inserted(TEXT, chat());
    // The customer writes again: a new draft is shown while the inserted one is still in the composer.
    feedback.shown(draft({ strategy: 'technical', text: 'Another text' }), { conversation: chat(), triage });
    expect(sent).toEqual([]);
    feedback.conversationSeen(chat(TEXT));
    expect(sent.map((e) => [e.eventId, e.outcome])).toEqual([['draft-id-1', 'inserted']]);
  });

  it('copied out: copied; with the edit ratio when the agent then sent it here', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.copied();
    feedback.conversationSeen(chat(TEXT));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ outcome: 'copied', editRatio: 0 });
  });

  it('a switch away from the suggested strategy: switched on it, and the chosen draft remembers the suggestion', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft({ strategy: 'compensation', suggested: true }), { conversation: chat(), triage });
    feedback.switching();
    feedback.shown(draft({ strategy: 'technical' }), { conversation: chat(), triage });
    expect(sent).toEqual([expect.objectContaining({ strategy: 'compensation', outcome: 'switched', wasSuggested: true })]);
    feedback.inserted(TEXT, chat());
    feedback.conversationSeen(chat(TEXT));
    expect(sent[1]).toMatchObject({ strategy: 'technical', outcome: 'inserted', wasSuggested: false, suggested: 'compensation' });
  });

  it('refresh on an unused draft: regenerated', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.regenerating();
    feedback.shown(draft(), { conversation: chat(), triage });
    expect(sent.map((e) => e.outcome)).toEqual(['regenerated']);
  });

  it('the agent sends a reply of their own instead: discarded', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.conversationSeen(chat('I wrote this myself.'));
    expect(sent.map((e) => e.outcome)).toEqual(['discarded']);
  });

  it('an untouched draft that another replaces says nothing', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.shown(draft({ text: 'newer' }), { conversation: chat(), triage });
    feedback.left();
    expect(sent).toEqual([]);
  });

  it('a thumbs and its reason ride on the event; rated and let go → discarded with the rating', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.rate(-1, '  promises a refund we do not give  ');
    feedback.left();
    expect(sent).toEqual([expect.objectContaining({ outcome: 'discarded', rating: -1, reason: 'promises a refund we do not give' })]);
  });

  it('a tone action keeps the draft and measures edits against the toned text', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    const shorter = 'Sorry about the broken order: a replacement ships today.';
    feedback.shown(draft({ text: shorter }), { conversation: chat(), triage }, true);
    feedback.inserted(shorter, chat());
    feedback.conversationSeen(chat(shorter));
    expect(sent).toEqual([expect.objectContaining({ eventId: 'draft-id-1', outcome: 'inserted', editRatio: 0 })]);
  });

  it('one event per draft, whatever happens after', () => {
    const { feedback, sent } = tracker();
    feedback.shown(draft(), { conversation: chat(), triage });
    feedback.inserted(TEXT, chat());
    feedback.conversationSeen(chat(TEXT));
    feedback.conversationSeen(chat(TEXT, 'and more'));
    feedback.rate(1);
    feedback.left();
    expect(sent).toHaveLength(1);
  });

  it("carries the judge's reading only when it says who judged", () => {
    const judge = { npsExpected: 8, engagementProb: 0.6, churnProb: 0.1, rationale: 'fits' };
    for (const [given, expected] of [
      [{ ...judge, source: 'llm' as const }, { npsExpected: 8, engagementProb: 0.6, churnProb: 0.1, source: 'llm' }],
      [judge, undefined],
    ] as const) {
      const { feedback, sent } = tracker();
      feedback.shown(draft({ judge: given }), { conversation: chat(), triage });
      feedback.copied();
      feedback.left();
      expect(sent[0]!.judge).toEqual(expected);
    }
  });

  it('the segment falls back to the conformity when the billing level is unknown', () => {
    const { feedback, sent } = tracker();
    const { retention: _none, ...noQuadrant } = triage;
    feedback.shown(draft(), { conversation: { ...chat(), billingLevel: undefined }, triage: noQuadrant });
    feedback.copied();
    feedback.left();
    expect(sent[0]!.segment).toBe('unhappy');
  });
});
