import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationTriage, DraftFeedback, DraftMessage, DraftReply, ReplyDraft, ScrapeResult, TriageMessage, TriageReply } from '@/lib/contracts';
import type { SessionContext } from '@/lib/content/session-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { createDraftFeedback } from './draft-feedback';
import { createConversationStore, startConversationSession } from './session';

/** How many times the page was read: a re-read is the cost a churning page makes Pulso pay. */
let scrapes = 0;

/** A toy chat app: one URL, the open chat's id and messages in the DOM (like WhatsApp Web), in #main. */
const adapter: SiteAdapter = {
  crm: 'whatsapp',
  matches: () => true,
  pageKind: () => ({ kind: 'conversation', recordType: 'chat', recordId: '' }),
  readScope: (doc) => doc.getElementById('main') ?? undefined,
  scrape(doc, url): ScrapeResult {
    scrapes++;
    const chat = doc.querySelector('#main');
    const messages = Array.from(doc.querySelectorAll('#main .msg'), (m) => ({
      direction: (m.getAttribute('data-dir') ?? 'in') as 'in' | 'out',
      author: '',
      time: '',
      text: m.textContent ?? '',
    }));
    return {
      crm: 'whatsapp', kind: 'conversation', url, recordType: 'chat', recordId: chat?.getAttribute('data-chat') ?? '',
      fields: {}, rows: [], missing: [],
      ...(chat ? {} : { unrecognised: 'not a conversation page: no open chat' }),
      conversation: { contact: { name: chat?.getAttribute('data-name') ?? '', phone: '', email: '' }, subject: '', status: '', priority: '', messages },
    };
  },
};

const triage = (message: TriageMessage, origin: TriageReply['origin']): TriageReply => ({
  origin,
  latencyMs: 1,
  triage: {
    intent: 'inventory', confidence: 0.8, escalate: false, escalationReason: '', department: '', clarifyingQuestion: '',
    sentiment: 0, conformity: 'high', handoffSummary: `${message.conversation.contact!.name}: ${message.conversation.messages!.length} messages`,
    source: 'rules', flags: [],
    ...(message.conversation.billingLevel ? { retention: { quadrant: 'care', actions: [] } } : {}),
  } satisfies ConversationTriage,
});
const draft = (message: DraftMessage): DraftReply => ({
  origin: 'backend',
  latencyMs: 1,
  draft: { strategy: message.strategy ?? 'technical', language: 'es', text: `para ${message.conversation.contact!.name}${message.tone ? ` (${message.tone})` : ''}`, safety: { ok: true, issues: [] }, source: 'rules' } satisfies ReplyDraft,
});

function setup(options: { feedback?: ReturnType<typeof createDraftFeedback>; prepareComposer?: (composer: HTMLElement | null | undefined) => Promise<boolean> } = {}) {
  const { document } = parseHTML('<html><body><section id="chats"></section><div id="app"></div><textarea id="composer"></textarea></body></html>');
  const ctx: SessionContext = { isInvalid: false, onInvalidated: () => () => {}, setTimeout: (h, t) => setTimeout(h, t) as unknown as number };
  const store = createConversationStore();
  const triages: TriageMessage[] = [];
  const drafts: DraftMessage[] = [];
  const session = startConversationSession({
    ctx, adapter: { ...adapter, findComposer: (doc) => doc.querySelector<HTMLElement>('#composer') }, store, doc: document as unknown as Document, currentUrl: () => 'https://chat.test/', settleMs: 20,
    feedback: options.feedback,
    prepareComposer: options.prepareComposer,
    // linkedom has no selections: the composer's value is set as a paste would.
    insertDraft: async (composer, text) => {
      (composer as HTMLTextAreaElement).value = text;
      return { ok: true };
    },
    triage: async (m) => (triages.push(m), triage(m, m.phase === 'preview' ? 'preview' : 'backend')),
    draft: async (m) => (drafts.push(m), draft(m)),
  });
  const openChat = (id: string, name: string, texts: string[]) => {
    const main = document.createElement('div');
    main.id = 'main';
    main.setAttribute('data-chat', id);
    main.setAttribute('data-name', name);
    for (const text of texts) main.append(Object.assign(document.createElement('p'), { className: 'msg', textContent: text }));
    document.getElementById('app')!.replaceChildren(main);
  };
  const addMessage = (text: string, dir: 'in' | 'out' = 'in') => {
    const message = Object.assign(document.createElement('p'), { className: 'msg', textContent: text });
    message.setAttribute('data-dir', dir);
    document.getElementById('main')!.append(message);
  };
  return { document, store, session, triages, drafts, openChat, addMessage };
}
// The session's timers (settle delays, debounces) run on a fake clock: `tick` moves it on and
// lets every callback and promise due by then run. No real time passes, so a loaded machine
// cannot make a state arrive late.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});
const tick = (ms = 60) => vi.advanceTimersByTimeAsync(ms);

describe('conversation session', () => {
  it('waits while no chat is open, however long; says it could not read an open chat without messages', async () => {
    const t = setup();
    t.session.onRoute();
    await tick(20_000);
    expect(t.store.get()).toEqual({ status: 'waiting' });
    t.openChat('c1', 'Ana', []);
    t.session.onRoute('https://chat.test/#other');
    await tick(5_100);
    expect(t.store.get()).toEqual({ status: 'unreadable', missing: ['messages'] });
    expect(t.session.reportStructure()).toMatch(/could not read: messages[\s\S]*<div [^>]*id="main"/);
    t.addMessage('hola');
    await tick();
    expect(t.store.get().status).toBe('ready');
  });

  it('triages (preview, then backend) and drafts with the suggested strategy', async () => {
    const t = setup();
    t.openChat('34600111222@c.us', 'María', ['¿Tenéis la silla Ergo en azul?']);
    t.session.onRoute();
    await tick();
    expect(t.triages.map((m) => m.phase)).toEqual(['preview', 'final']);
    const state = t.store.get();
    expect(state.status === 'ready' && state.triage.origin).toBe('backend');
    expect(state.status === 'ready' && state.draft?.draft.text).toBe('para María');
  });

  it('re-triages after new messages, once per quiet spell, never for an unchanged history', async () => {
    const t = setup();
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    t.addMessage('¿precio?');
    t.addMessage('¿y en azul?');
    await tick(100);
    expect(t.triages.filter((m) => m.phase === 'final').map((m) => m.conversation.messages!.length)).toEqual([1, 3]);
    t.document.getElementById('app')!.append(t.document.createElement('span'));
    await tick(100);
    expect(t.triages.filter((m) => m.phase === 'final')).toHaveLength(2);
  });

  it('the page churning outside the open chat costs no re-read; a new message in it is read', async () => {
    const t = setup();
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    const before = scrapes;
    // The chat list beside the chat: 40 nodes a frame for 5 s (previews, presence, unread counts).
    const chats = t.document.getElementById('chats')!;
    for (let frame = 0; frame < 300; frame++) {
      for (let i = 0; i < 40; i++) chats.append(t.document.createElement('div'));
      while (chats.childElementCount > 200) chats.firstElementChild!.remove();
      await tick(16);
    }
    expect(scrapes).toBe(before);
    t.addMessage('¿precio?');
    await tick();
    expect(t.triages.filter((m) => m.phase === 'final').map((m) => m.conversation.messages!.length)).toEqual([1, 2]);
  });

  it('a chat that never goes quiet is read once per longest wait, and its new messages are not lost', async () => {
    const t = setup();
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    const before = scrapes;
    // Something in the chat changes every frame for 3 s (a live "typing…" line); a message arrives at 1.5 s.
    const typing = t.document.createElement('span');
    t.document.getElementById('main')!.append(typing);
    for (let frame = 0; frame < 180; frame++) {
      typing.setAttribute('data-frame', String(frame));
      typing.replaceChildren(t.document.createElement('i'));
      if (frame === 90) t.addMessage('¿precio?');
      await tick(1000 / 60);
    }
    expect(scrapes - before).toBeLessThanOrEqual(4);
    expect(t.triages.filter((m) => m.phase === 'final').map((m) => m.conversation.messages!.length)).toEqual([1, 2]);
  });

  it('a chat switch on the same URL starts afresh and never shows the previous chat', async () => {
    const t = setup();
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    t.openChat('2@c.us', 'Pedro', ['quiero hablar con una persona']);
    await tick(100);
    const state = t.store.get();
    expect(state.status === 'ready' && state.recordId).toBe('2@c.us');
    expect(state.status === 'ready' && state.draft?.draft.text).toBe('para Pedro');
  });

  it('strategy, tone and billing level come from the agent', async () => {
    const t = setup();
    t.openChat('1@c.us', 'María', ['la silla llegó rota']);
    t.session.onRoute();
    await tick();
    t.session.chooseStrategy('compensation');
    await tick();
    expect(t.drafts.at(-1)?.strategy).toBe('compensation');
    t.session.applyTone('more_formal', 'texto editado por el agente');
    await tick();
    expect(t.drafts.at(-1)).toMatchObject({ strategy: 'compensation', tone: 'more_formal', previousText: 'texto editado por el agente' });
    t.session.setBillingLevel('high');
    await tick();
    expect(t.triages.at(-1)?.conversation.billingLevel).toBe('high');
    const state = t.store.get();
    expect(state.status === 'ready' && state.triage.triage.retention?.quadrant).toBe('care');
  });
});

describe('conversation session: the composer is readied before Insert', () => {
  it('when a draft is shown (so the first Insert does not wait), and again at Insert, with the open ticket’s composer', async () => {
    const prepared: (string | undefined)[] = [];
    const t = setup({ prepareComposer: async (composer) => (prepared.push(composer?.id), true) });
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    expect(t.store.get()).toMatchObject({ status: 'ready', draft: { draft: { text: 'para María' } } });
    expect(prepared).toEqual(['composer']);
    expect(await t.session.insert('para María', 'append')).toEqual({ ok: true });
    expect(prepared).toEqual(['composer', 'composer']);
  });

  it('a composer that could not be readied is still filled: the insertion takes its other way', async () => {
    const t = setup({ prepareComposer: async () => Promise.reject(new Error('no bridge')) });
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    expect(await t.session.insert('para María', 'append')).toEqual({ ok: true });
    expect((t.document.getElementById('composer') as unknown as HTMLTextAreaElement).value).toBe('para María');
  });
});

describe('conversation session: what the agent does with the draft is feedback', () => {
  function withFeedback() {
    const events: DraftFeedback[] = [];
    const feedback = createDraftFeedback({ send: (e) => events.push(...e) });
    return { ...setup({ feedback }), events };
  }

  it('insert, edit in the composer, send: one "edited" event for the draft, in its context', async () => {
    const t = withFeedback();
    t.openChat('1@c.us', 'María', ['la silla llegó rota, ¿tenéis otra?']);
    t.session.onRoute();
    await tick();
    expect(await t.session.insert('para María', 'ask')).toEqual({ ok: true });
    const composer = t.document.getElementById('composer') as unknown as HTMLTextAreaElement;
    composer.value = 'para María y su familia, con cariño';
    composer.dispatchEvent(new t.document.defaultView!.Event('input', { bubbles: true }) as unknown as Event);
    await tick();
    // The agent sends: the composer empties and the message appears in the chat.
    composer.value = '';
    t.addMessage('para María y su familia, con cariño', 'out');
    await tick(100);
    expect(t.events).toEqual([expect.objectContaining({ kind: 'draft', strategy: 'technical', intent: 'inventory', segment: 'satisfied', outcome: 'edited' })]);
    expect(t.events[0]!.editRatio).toBeGreaterThan(0.3);
  });

  it('a strategy switch is feedback on the strategy shown', async () => {
    const t = withFeedback();
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    t.session.chooseStrategy('empathetic');
    await tick();
    expect(t.events.map((e) => [e.strategy, e.outcome])).toEqual([['technical', 'switched']]);
  });

  it('copy plus thumbs down, then another chat: "copied" with the rating and reason', async () => {
    const t = withFeedback();
    t.openChat('1@c.us', 'María', ['hola']);
    t.session.onRoute();
    await tick();
    t.session.copied();
    t.session.rate(-1, 'too long');
    t.openChat('2@c.us', 'Pedro', ['otra cosa']);
    await tick(100);
    expect(t.events).toEqual([expect.objectContaining({ outcome: 'copied', rating: -1, reason: 'too long' })]);
  });
});

