import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { generateCampaignByRules } from '@/lib/campaign/generate';
import type { CampaignMessage, CampaignPortEvent, CampaignReply, RecordType, ScrapeResult } from '@/lib/contracts';
import type { SessionContext } from '@/lib/content/session-context';
import { DEMO_PROFILE } from '@/lib/profile/demo-profile';
import type { SiteAdapter } from '@/lib/sites/types';
import { insertDraft } from '@/lib/composer/insert-draft';
import { insertIntoComposer } from '@/lib/composer/insert-into-composer';
import { startCampaignSession } from './session';
import { createCampaignStore } from './store';

/** A toy CRM: /record/<type>/<id>; the name, company and timeline in the DOM. */
const adapter: SiteAdapter = {
  crm: 'hubspot',
  matches: (url) => url.startsWith('https://crm.test/'),
  pageKind(url) {
    const m = /\/record\/(\w+)\/(\w+)$/.exec(url);
    return m ? { kind: 'record', recordType: m[1] as RecordType, recordId: m[2]! } : undefined;
  },
  scrape(doc, url): ScrapeResult {
    const name = doc.querySelector('#name')?.textContent?.trim();
    const company = doc.querySelector('#company')?.textContent?.trim();
    const fields = { ...(name ? { fullName: name } : {}), ...(company ? { company } : {}) };
    const page = this.pageKind(url)!;
    return { crm: 'hubspot', kind: 'record', url, recordType: page.recordType, recordId: page.recordId, fields, rows: [], missing: [] };
  },
  readCampaignContext(doc) {
    return { timeline: Array.from(doc.querySelectorAll('.note')).map((n) => ({ kind: 'note' as const, text: n.textContent ?? '' })) };
  },
};

function setup(body: string, prepareComposer?: (composer: HTMLElement | null | undefined) => Promise<boolean>) {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  const ctx: SessionContext = { isInvalid: false, onInvalidated: () => () => {}, setTimeout: (h, t) => setTimeout(h, t) as unknown as number };
  const store = createCampaignStore();
  const sent: { message: CampaignMessage; emit: (e: CampaignPortEvent) => void; stopped: boolean }[] = [];
  const session = startCampaignSession({
    ctx,
    adapter,
    store,
    doc: document as unknown as Document,
    currentUrl: () => 'https://crm.test/home',
    prepareComposer,
    insertDraft,
    insertIntoComposer,
    draft: (message, emit) => {
      const request = { message, emit, stopped: false };
      sent.push(request);
      return () => (request.stopped = true);
    },
  });
  return { store, session, sent, document };
}

const finalOf = (message: CampaignMessage): CampaignReply => ({ campaign: generateCampaignByRules({ lead: message.lead, context: message.context }, DEMO_PROFILE), origin: 'backend', latencyMs: 3 });

describe('campaign session', () => {
  it('offers the action on contact, lead, company and deal records only', () => {
    const { store, session } = setup('');
    session.onRoute('https://crm.test/record/contact/1');
    expect(store.get()).toEqual({ status: 'ready', recordId: '1' });
    for (const type of ['lead', 'company', 'deal', 'opportunity']) {
      session.onRoute(`https://crm.test/record/${type}/2`);
      expect(store.get().status).toBe('ready');
    }
    for (const url of ['https://crm.test/record/ticket/3', 'https://crm.test/record/case/4', 'https://crm.test/list']) {
      session.onRoute(url);
      expect(store.get()).toEqual({ status: 'idle' });
    }
  });

  it('reads the record and its timeline from the page, shows each step as it arrives, then the campaign', () => {
    const { store, session, sent } = setup('<h1 id="name">Lucía Gómez</h1><p id="company">Norte Logística</p><div class="note">Pidió una auditoría</div>');
    session.onRoute('https://crm.test/record/contact/7');
    session.run();
    expect(store.open.get()).toBe(true);
    expect(sent).toHaveLength(1);
    const { message, emit } = sent[0]!;
    expect(message).toMatchObject({ lead: { fullName: 'Lucía Gómez', company: 'Norte Logística' }, context: { timeline: [{ kind: 'note', text: 'Pidió una auditoría' }] }, page: { recordId: '7', recordType: 'contact' } });
    const final = finalOf(message);
    emit({ type: 'step', step: final.campaign.steps[0]! });
    expect(store.get()).toMatchObject({ status: 'running', steps: [{ name: 'read' }] });
    emit({ type: 'step', step: final.campaign.steps[1]! });
    expect(store.get()).toMatchObject({ status: 'running', steps: [{ name: 'read' }, { name: 'enrich' }] });
    emit({ type: 'final', reply: final });
    expect(store.get()).toMatchObject({ status: 'done', recordId: '7', reply: final });
  });

  it('a record with no name, email or company is not sent: the panel says what is missing', () => {
    const { store, session, sent } = setup('<div class="note">hola</div>');
    session.onRoute('https://crm.test/record/contact/8');
    session.run();
    expect(sent).toHaveLength(0);
    expect(store.get()).toMatchObject({ status: 'error', noLead: true });
  });

  it("moving to another record drops the first one's campaign still being written", () => {
    const { store, session, sent } = setup('<h1 id="name">Ana</h1>');
    session.onRoute('https://crm.test/record/contact/1');
    session.run();
    session.onRoute('https://crm.test/record/contact/2');
    expect(sent[0]!.stopped).toBe(true);
    sent[0]!.emit({ type: 'final', reply: finalOf(sent[0]!.message) });
    expect(store.get()).toEqual({ status: 'ready', recordId: '2' });
  });

  it('insert without an email composer on the page says so; with one it fills subject and body, asking before replacing text', async () => {
    const { store, session, sent, document } = setup('<h1 id="name">Ana</h1>');
    session.onRoute('https://crm.test/record/contact/1');
    expect(await session.insert('ask')).toEqual({ ok: false, problem: 'noComposer' });
    session.run();
    sent[0]!.emit({ type: 'final', reply: finalOf(sent[0]!.message) });
    expect(await session.insert('ask')).toEqual({ ok: false, problem: 'noComposer' });
    const body = document.createElement('div');
    body.textContent = 'Texto del comercial';
    (adapter as { findEmailComposer?: SiteAdapter['findEmailComposer'] }).findEmailComposer = () => ({ subject: null, body: body as unknown as HTMLElement });
    try {
      expect(await session.insert('ask')).toEqual({ needsConfirmation: true });
    } finally {
      delete (adapter as { findEmailComposer?: unknown }).findEmailComposer;
    }
    expect(store.get().status).toBe('done');
  });

  it('readies the email body when the campaign is shown, and again at Insert', async () => {
    const prepared: unknown[] = [];
    const { session, sent, document } = setup('<h1 id="name">Ana</h1>', async (composer) => (prepared.push(composer), true));
    const body = document.createElement('div');
    (adapter as { findEmailComposer?: SiteAdapter['findEmailComposer'] }).findEmailComposer = () => ({ subject: null, body: body as unknown as HTMLElement });
    try {
      session.onRoute('https://crm.test/record/contact/1');
      session.run();
      expect(prepared).toEqual([]);
      sent[0]!.emit({ type: 'final', reply: finalOf(sent[0]!.message) });
      expect(prepared).toEqual([body]);
      await session.insert('append');
      expect(prepared).toEqual([body, body]);
    } finally {
      delete (adapter as { findEmailComposer?: unknown }).findEmailComposer;
    }
  });
});
