import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClassifyLeadMessage, LeadEarlyFields, LeadPortEvent, LeadResultReply, ScrapeResult } from '@/lib/contracts';
import type { SessionContext } from '@/lib/content/session-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { startLeadRecordSession } from './session';
import { createPanelStore, type PanelState } from './store';

/** How many times the page was read: a re-read is the cost a churning page makes Pulso pay. */
let scrapes = 0;

/** A toy CRM: the record id lives in the URL, the contact's name and email in the DOM, inside #app. */
const adapter: SiteAdapter = {
  crm: 'hubspot',
  matches: (url) => url.startsWith('https://crm.test/'),
  pageKind(url) {
    const id = /\/record\/(\w+)$/.exec(url)?.[1];
    return id ? { kind: 'record', recordType: 'contact', recordId: id } : undefined;
  },
  readScope: (doc) => doc.getElementById('app') ?? undefined,
  scrape(doc, url): ScrapeResult {
    scrapes++;
    const name = doc.querySelector('#name')?.textContent?.trim();
    const email = doc.querySelector('#email')?.textContent?.trim();
    const fields = { ...(name ? { fullName: name } : {}), ...(email ? { email } : {}) };
    const missing = (['fullName', 'email'] as const).filter((field) => !(field in fields));
    return { crm: 'hubspot', kind: 'record', url, recordType: 'contact', recordId: this.pageKind(url)!.recordId, fields, rows: [], missing };
  },
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

function reply(message: ClassifyLeadMessage, origin: LeadResultReply['origin']): LeadResultReply {
  return {
    origin,
    engine: 'rules:test',
    latencyMs: 1,
    result: {
      stage: 'MQL', priority: 'P3', slaHours: 24,
      scores: { fit: 50, urgency: 20, opportunity: 30, dataQuality: 70 },
      contact: { seniority: 'MANAGER', roleType: 'INFLUENCER', decisionPower: 'MEDIUM', emailType: 'CORPORATE' },
      // The summary echoes the lead so a test can tell which record an answer belongs to.
      summary: `summary of ${message.lead.fullName}`,
      detectedNeeds: [], matchedServices: [], nextSteps: [], recommendedOwner: 'SDR', rationale: '', source: 'rules', flags: [],
    },
  };
}

function setup() {
  const { document } = parseHTML('<html><body><section id="feed"></section><main id="app"></main></body></html>');
  let url = 'https://crm.test/home';
  const invalidators: (() => void)[] = [];
  const ctx: SessionContext = {
    isInvalid: false,
    onInvalidated: (cb) => (invalidators.push(cb), () => {}),
    setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
  };
  const store = createPanelStore();
  const states: PanelState[] = [];
  store.subscribe(() => states.push(store.get()));
  // A stand-in for the lead port: the preview at once, the final when the test resolves it.
  const finals = new Map<string, ReturnType<typeof deferred<LeadResultReply>>>();
  const requests: ClassifyLeadMessage[] = [];
  const partials = new Map<ClassifyLeadMessage, (event: LeadPortEvent) => void>();
  const classify = (message: ClassifyLeadMessage, onEvent: (event: LeadPortEvent) => void) => {
    requests.push(message);
    partials.set(message, onEvent);
    void Promise.resolve().then(() => onEvent({ type: 'preview', reply: reply(message, 'preview') }));
    const pending = deferred<LeadResultReply>();
    finals.set(message.page.recordId, pending);
    void pending.promise.then((final) => onEvent({ type: 'final', reply: final }));
    return () => {};
  };
  const session = startLeadRecordSession({ ctx, adapter, store, classify, doc: document as unknown as Document, currentUrl: () => url, settleMs: 10 });
  const render = (name: string, email: string) => {
    const h1 = Object.assign(document.createElement('h1'), { id: 'name', textContent: name });
    const span = Object.assign(document.createElement('span'), { id: 'email', textContent: email });
    document.getElementById('app')!.replaceChildren(h1, span);
  };
  // Like WXT's event: the new URL is announced before `location` changes.
  const navigate = (next: string) => {
    session.onRoute(next);
    url = next;
  };
  const invalidate = () => {
    ctx.isInvalid = true;
    invalidators.forEach((cb) => cb());
  };
  // The model's early fields, pushed on the port of a given request.
  const partial = (request: ClassifyLeadMessage, early: LeadEarlyFields) => partials.get(request)?.({ type: 'partial', ...early });
  return { document, store, states, finals, requests, session, render, navigate, invalidate, partial };
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
const tick = (ms = 40) => vi.advanceTimersByTimeAsync(ms);

describe('lead record session', () => {
  it('stays idle off record pages and waits for the record to render', async () => {
    const t = setup();
    t.session.onRoute();
    expect(t.store.get().status).toBe('idle');
    t.navigate('https://crm.test/record/101');
    expect(t.store.get()).toEqual({ status: 'waiting', recordId: '101' });
    await tick();
    expect(t.requests).toHaveLength(0);
  });

  it('says what it could not read when a record page renders none of its fields, and recovers when they appear', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.document.getElementById('app')!.innerHTML = '<h2 class="renamed-hook">Ana</h2>';
    await tick(4_900);
    expect(t.store.get().status).toBe('waiting');
    await tick(200);
    expect(t.store.get()).toEqual({ status: 'unreadable', recordId: '101', missing: ['fullName', 'email'] });
    expect(t.session.reportStructure()).toMatch(/could not read: fullName, email[\s\S]*<h2 class="renamed-hook">/);
    expect(t.session.reportStructure()).not.toContain('Ana');
    t.render('Ana Ruiz', 'ana@acme.test');
    await tick();
    expect(t.store.get()).toMatchObject({ status: 'ready', recordId: '101' });
    expect(t.requests).toHaveLength(1);
  });

  it('the unreadable notice belongs to its route: a later record gets its own wait', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    await tick(3_000);
    t.navigate('https://crm.test/record/202');
    await tick(2_500);
    expect(t.store.get()).toEqual({ status: 'waiting', recordId: '202' });
    await tick(2_600);
    expect(t.store.get()).toEqual({ status: 'unreadable', recordId: '202', missing: ['fullName', 'email'] });
  });

  it('paints the rules preview first, then the final answer', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    const afterPreview = t.store.get();
    expect(afterPreview.status === 'ready' && afterPreview.reply.origin).toBe('preview');
    expect(afterPreview.status === 'ready' && afterPreview.pending).toBe(true);
    const final = t.requests[0]!;
    t.finals.get('101')!.resolve(reply(final, 'backend'));
    await tick();
    const done = t.store.get();
    expect(done.status === 'ready' && done.reply.origin).toBe('backend');
    expect(done.status === 'ready' && done.pending).toBe(false);
  });

  it('never shows a late answer for the previous record on the next one', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    const first = t.requests[0]!;
    // SPA navigation: the URL changes while the old record is still on screen.
    t.navigate('https://crm.test/record/202');
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    expect(t.requests).toHaveLength(1);
    expect(t.store.get()).toEqual({ status: 'waiting', recordId: '202' });
    // The old record's answer arrives late: it must be dropped.
    t.finals.get('101')!.resolve(reply(first, 'backend'));
    await tick();
    expect(t.store.get().status).toBe('waiting');
    // The new record renders: its own answer is shown.
    t.render('Peter Novak', 'peter@northwind.com');
    await tick();
    const second = t.requests[1]!;
    expect(second.page.recordId).toBe('202');
    expect(second.lead.fullName).toBe('Peter Novak');
    t.finals.get('202')!.resolve(reply(second, 'backend'));
    await tick();
    const shown = t.store.get();
    expect(shown.status === 'ready' && shown.recordId).toBe('202');
    expect(shown.status === 'ready' && shown.reply.result.summary).toBe('summary of Peter Novak');
    expect(t.states.some((s) => s.status === 'ready' && s.recordId === '202' && s.reply.result.summary.includes('Ana'))).toBe(false);
  });

  it('re-classifies when late fields change the record, and refresh skips the cache', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.render('Ana Ruiz', '');
    await tick();
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    const finals = t.requests;
    expect(finals.map((r) => r.lead.email)).toEqual([undefined, 'ana@andina.com']);
    t.session.refresh();
    await tick();
    expect(t.requests.at(-1)?.refresh).toBe(true);
  });

  it("a page churning outside the record's region costs no re-read; a change in the record is read", async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    expect(t.requests).toHaveLength(1);
    const before = scrapes;
    // A live feed beside the record: 40 nodes a frame for 5 s.
    const feed = t.document.getElementById('feed')!;
    for (let frame = 0; frame < 300; frame++) {
      for (let i = 0; i < 40; i++) feed.append(t.document.createElement('div'));
      while (feed.childElementCount > 200) feed.firstElementChild!.remove();
      await tick(16);
    }
    expect(scrapes).toBe(before);
    t.document.getElementById('email')!.textContent = 'ana@acme.test';
    await tick();
    expect(t.requests.map((r) => r.lead.email)).toEqual(['ana@andina.com', 'ana@acme.test']);
  });

  it('follows the record when the SPA replaces its whole region', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    const swapped = Object.assign(t.document.createElement('main'), { id: 'app' });
    t.document.getElementById('app')!.replaceWith(swapped);
    t.render('Ana Ruiz', 'ana@acme.test');
    await tick();
    t.render('Ana Ruiz', 'ana.ruiz@acme.test'); // and its later changes, in the new region
    await tick();
    expect(t.requests.map((r) => r.lead.email)).toEqual(['ana@andina.com', 'ana@acme.test', 'ana.ruiz@acme.test']);
  });

  it('stops observing when the extension context is invalidated', async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.invalidate();
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    expect(t.requests).toHaveLength(0);
  });

  it("shows the model's early stage and priority for the current request only", async () => {
    const t = setup();
    t.navigate('https://crm.test/record/101');
    t.render('Ana Ruiz', 'ana@andina.com');
    await tick();
    const final = t.requests[0]!;
    // The fields change: a new request; the superseded one pushes its early fields late and is ignored.
    t.render('Peter Novak', 'peter@northwind.com');
    await tick();
    const [earlier, current] = [final, t.requests[1]!];
    t.partial(earlier, { stage: 'SQL', priority: 'P1', slaHours: 1 });
    expect(t.store.get().status === 'ready' && t.store.get()).not.toHaveProperty('partial');
    t.partial(current, { stage: 'SQL', priority: 'P1', slaHours: 1 });
    const early = t.store.get();
    expect(early.status === 'ready' && early.partial).toEqual({ stage: 'SQL', priority: 'P1', slaHours: 1 });
    t.finals.get('101')!.resolve(reply(current, 'backend'));
    await tick();
    const done = t.store.get();
    expect(done.status === 'ready' && done.pending).toBe(false);
    // A partial arriving after the final answer changes nothing.
    t.partial(current, { stage: 'Review', priority: 'P4', slaHours: 72 });
    expect(t.store.get()).toBe(done);
  });
});
