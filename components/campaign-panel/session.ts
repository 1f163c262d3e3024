import type { PrepareComposer } from '@/lib/composer/ckeditor-bridge-loader';
import type { DraftInsertion, DraftInsertMode, insertDraft } from '@/lib/composer/insert-draft';
import type { insertIntoComposer } from '@/lib/composer/insert-into-composer';
import { LeadSchema, type CampaignMessage, type CampaignPortEvent, type RecordType } from '@/lib/contracts';
import { pageRefOf, type SessionContext } from '@/lib/content/session-context';
import type { SiteAdapter } from '@/lib/sites/types';
import type { CampaignStore } from './store';

/** The records a campaign is written from: people and companies, and their deals. */
export const CAMPAIGN_RECORD_TYPES: readonly RecordType[] = ['contact', 'lead', 'company', 'deal', 'opportunity'];

export interface CampaignSessionOptions {
  ctx: SessionContext;
  adapter: SiteAdapter;
  store: CampaignStore;
  /** One campaign per request (lib/messaging.ts streamCampaign): steps, then the final campaign. Returns a function that stops listening. */
  draft: (message: CampaignMessage, onEvent: (event: CampaignPortEvent) => void) => () => void;
  doc?: Document;
  currentUrl?: () => string;
  /** Readies the email body's insertion path when the campaign is shown (CKEditor: its bridge, lib/content/ckeditor-bridge.ts). */
  prepareComposer?: PrepareComposer;
  /** Fill the body and the subject field (lib/composer, from the UI chunk: components/content-ui/load.ts). */
  insertDraft: typeof insertDraft;
  insertIntoComposer: typeof insertIntoComposer;
}

/**
 * Follows one tab for the campaign panel: on a record page it offers the *Campaign* action; on
 * request it reads the record, its timeline and deal stage from the page (text only), asks the
 * background, and shows the steps as they arrive. A route change drops a campaign that is still
 * being written (its late answer belongs to the previous record). *Insert* fills the CRM's own
 * email composer — the subject field and the body — and never sends.
 */
export function startCampaignSession(options: CampaignSessionOptions) {
  const doc = options.doc ?? document;
  const currentUrl = options.currentUrl ?? (() => location.href);
  const { ctx, adapter, store } = options;
  let route: { url: string; recordId: string } | undefined;
  let generation = 0;
  let stopListening: (() => void) | undefined;

  const stop = () => {
    stopListening?.();
    stopListening = undefined;
  };
  ctx.onInvalidated(stop);

  function onRoute(nextUrl?: string) {
    if (ctx.isInvalid) return;
    const url = nextUrl ?? currentUrl();
    if (route?.url === url) return;
    stop();
    generation++;
    const page = adapter.pageKind(url);
    if (!page || page.kind !== 'record' || !CAMPAIGN_RECORD_TYPES.includes(page.recordType)) {
      route = undefined;
      store.set({ status: 'idle' });
      store.open.set(false);
      return;
    }
    route = { url, recordId: page.recordId };
    store.set({ status: 'ready', recordId: page.recordId });
  }

  /** Reads the record as the page shows it now and asks for a campaign. */
  function run() {
    if (!route || ctx.isInvalid) return;
    const { recordId, url } = route;
    store.open.set(true);
    let lead;
    let context;
    let scrape;
    try {
      scrape = adapter.scrape(doc, url);
      context = adapter.readCampaignContext?.(doc, url);
    } catch (err) {
      store.set({ status: 'error', recordId, message: (err as Error).message });
      return;
    }
    // The page is hostile input: the lead is validated here, once, before it leaves the tab.
    const parsed = LeadSchema.safeParse(scrape.fields);
    if (!parsed.success) {
      store.set({ status: 'error', recordId, message: parsed.error.issues[0]?.message ?? 'invalid lead', noLead: true });
      return;
    }
    lead = parsed.data;
    const mine = ++generation;
    stop();
    store.set({ status: 'running', recordId, steps: [] });
    stopListening = options.draft({ lead, ...(context ? { context } : {}), page: pageRefOf(scrape) }, (event) => {
      if (mine !== generation || ctx.isInvalid) return;
      const state = store.get();
      if (event.type === 'step' && state.status === 'running') store.set({ ...state, steps: [...state.steps, event.step] });
      else if (event.type === 'final') {
        store.set({ status: 'done', recordId, steps: state.status === 'running' ? state.steps : [], reply: event.reply });
        // The rep may press Insert next.
        void options.prepareComposer?.(findBody(url)).catch(() => false);
      }
      else if (event.type === 'error') store.set({ status: 'error', recordId, message: event.message });
    });
  }

  function findBody(url: string): HTMLElement | undefined {
    try {
      return adapter.findEmailComposer?.(doc, url)?.body ?? undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Puts the campaign into the record's email composer: the subject into its subject field
   * (replacing it: a subject is one line), the body after what the rep wrote or over it once
   * they confirm ("ask" first checks). The CRM's send button stays the rep's.
   */
  async function insert(mode: DraftInsertMode): Promise<DraftInsertion> {
    const state = store.get();
    if (!route || state.status !== 'done') return { ok: false, problem: 'noComposer' };
    const composer = adapter.findEmailComposer?.(doc, route.url) ?? null;
    if (!composer) return { ok: false, problem: 'noComposer' };
    const { campaign } = state.reply;
    await options.prepareComposer?.(composer.body).catch(() => false);
    const body = await options.insertDraft(composer.body, campaign.message, mode);
    if (!('ok' in body) || !body.ok) return body;
    if (composer.subject && campaign.subject) {
      const subject = await options.insertIntoComposer(composer.subject, campaign.subject, 'replace');
      if (!subject.ok) return { ok: false, problem: 'notInserted', tried: subject.tried };
    }
    return { ok: true };
  }

  return { onRoute, run, insert, stop };
}
