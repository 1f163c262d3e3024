import type { PrepareComposer } from '@/lib/composer/ckeditor-bridge-loader';
import type { DraftInsertMode, insertDraft } from '@/lib/composer/insert-draft';
import { composerText } from '@/lib/composer/selection';
import { ConversationSchema, type Conversation, type ConversationTriage, type DraftMessage, type DraftReply, type DraftStrategy, type ScrapeResult, type TriageMessage, type TriageReply } from '@/lib/contracts';
import { createSettler, watchRegion, type RegionWatch } from '@/lib/content/dom-watch';
import { pageRefOf, type SessionContext } from '@/lib/content/session-context';
import { createStore } from '@/lib/content/store';
import { hasConversationContent } from '@/lib/sites/page-content';
import { structureReport } from '@/lib/sites/page-skeleton';
import { activeSelectors } from '@/lib/sites/scrape-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { stableStringify } from '@/lib/stable-hash';
import type { DraftFeedbackTracker } from './draft-feedback';

export type DraftTone = NonNullable<DraftMessage['tone']>;

export type ConversationState =
  | { status: 'idle' }
  | { status: 'waiting' }
  /** A chat or ticket is open (its URL or its structure says so) but Pulso read no message in it. */
  | { status: 'unreadable'; missing: string[] }
  | {
      status: 'ready';
      recordId: string;
      scrape: ScrapeResult;
      conversation: Conversation;
      triage: TriageReply;
      triagePending: boolean;
      draft?: DraftReply;
      draftPending: boolean;
      draftError?: string;
    }
  | { status: 'error'; message: string };

export const createConversationStore = () => createStore<ConversationState>({ status: 'idle' });
export type ConversationStore = ReturnType<typeof createConversationStore>;

export interface ConversationSessionOptions {
  ctx: SessionContext;
  adapter: SiteAdapter;
  store: ConversationStore;
  triage: (message: TriageMessage) => Promise<TriageReply>;
  draft: (message: DraftMessage) => Promise<DraftReply>;
  doc?: Document;
  currentUrl?: () => string;
  /** Quiet time after new messages before asking again: typing bursts, not keystrokes. */
  settleMs?: number;
  /** The longest a chat that never goes quiet (presence, receipts, live typing) goes unread: one read per this many ms. */
  maxSettleMs?: number;
  /** What the agent does with each draft, as feedback events (draft-feedback.ts). */
  feedback?: DraftFeedbackTracker;
  /** Puts a draft into the composer (lib/composer/insert-draft.ts, from the UI chunk: components/content-ui/load.ts). */
  insertDraft: typeof insertDraft;
  /**
   * Readies the composer's insertion path before Insert: on CKEditor, the bridge into its model
   * (lib/content/ckeditor-bridge.ts), asked for when a draft is shown so the first Insert does not wait.
   */
  prepareComposer?: PrepareComposer;
  /** How long an open chat or ticket may render without a message Pulso reads before the panel says it could not read it. */
  unreadableAfterMs?: number;
}

/**
 * Follows the open chat or ticket: triage at once from the rules, then the backend's;
 * then a draft with the strategy the triage suggests. New messages re-triage after a
 * quiet spell; an unchanged history never asks again. A chat switch (WhatsApp keeps
 * one URL) shows up as another record id and starts afresh, dropping late answers.
 */
export function startConversationSession(options: ConversationSessionOptions) {
  const doc = options.doc ?? document;
  const currentUrl = options.currentUrl ?? (() => location.href);
  const settleMs = options.settleMs ?? 150;
  const maxSettleMs = options.maxSettleMs ?? 1000;
  const unreadableAfterMs = options.unreadableAfterMs ?? 5_000;
  const { ctx, adapter, store, feedback } = options;

  let url: string | undefined;
  let watch: RegionWatch | undefined;
  let generation = 0;
  let fingerprint: string | undefined;
  let recordId: string | undefined;
  let billingOverride: Conversation['billingLevel'];
  let strategy: DraftStrategy | undefined;
  // The latest read of the page, with or without messages: what "report page structure" describes.
  let lastRead: ScrapeResult | undefined;
  let routeGeneration = 0;

  // Typing into a <textarea> composer changes no DOM: its input events say the text changed.
  const onInput = () => {
    if (url) schedule(settleMs, maxSettleMs);
  };
  const stop = () => {
    watch?.disconnect();
    watch = undefined;
    doc.removeEventListener('input', onInput, true);
  };
  ctx.onInvalidated(() => {
    feedback?.left();
    stop();
  });
  const schedule = createSettler(ctx, () => check());

  function findComposer(): HTMLElement | undefined {
    try {
      return (url ? adapter.findComposer?.(doc, url) : undefined) ?? undefined;
    } catch {
      return undefined;
    }
  }

  function readComposer(): string | undefined {
    const composer = findComposer();
    return composer ? composerText(composer) : undefined;
  }

  /** A draft is on screen: the agent may press Insert next. */
  const prepareComposer = () => void options.prepareComposer?.(findComposer()).catch(() => false);

  function read(): ScrapeResult | undefined {
    if (!url) return undefined;
    // The SPA may have swapped the chat's or ticket's region since the last read: observe the one shown now.
    watch?.retarget();
    try {
      lastRead = adapter.scrape(doc, url);
      return hasConversationContent(lastRead) ? lastRead : undefined;
    } catch {
      return undefined;
    }
  }

  /** What the panel says it could not read: the messages first, then the contact's fields. */
  const missingOf = (scrape: ScrapeResult): string[] => ['messages', ...scrape.missing];

  /**
   * Nothing read yet: an open chat or ticket (the URL names it, or the reader recognised its
   * structure) is unreadable; WhatsApp with no chat open (the reader says so) is still waiting.
   */
  function unreadable(pageRecordId: string): boolean {
    if (!lastRead || hasConversationContent(lastRead)) return false;
    return pageRecordId !== '' || !lastRead.unrecognised;
  }

  function check(force = false) {
    if (ctx.isInvalid) return;
    const scrape = read();
    if (!scrape?.conversation) {
      const state = store.get();
      if (state.status === 'unreadable' && lastRead) store.set({ status: 'unreadable', missing: missingOf(lastRead) });
      return;
    }
    const conversation = billingOverride ? { ...scrape.conversation, billingLevel: billingOverride } : scrape.conversation;
    const next = stableStringify({ id: scrape.recordId, conversation });
    if (scrape.recordId === recordId) feedback?.composerSeen(readComposer());
    if (!force && next === fingerprint) return;
    if (scrape.recordId !== recordId) {
      // Another chat: nothing of the previous one may stay on screen, and its drafts' stories end.
      feedback?.left();
      recordId = scrape.recordId;
      billingOverride = undefined;
      strategy = undefined;
    }
    else feedback?.conversationSeen(conversation);
    fingerprint = next;
    void run(scrape, conversation);
  }

  async function run(scrape: ScrapeResult, conversation: Conversation) {
    const mine = ++generation;
    const current = () => mine === generation && !ctx.isInvalid;
    const page = pageRefOf(scrape);
    try {
      const preview = await options.triage({ conversation, phase: 'preview', page });
      if (!current()) return;
      const previous = store.get();
      const keepDraft = previous.status === 'ready' && previous.recordId === scrape.recordId ? previous.draft : undefined;
      store.set({ status: 'ready', recordId: scrape.recordId, scrape, conversation, triage: preview, triagePending: true, draft: keepDraft, draftPending: true });
      const final = await options.triage({ conversation, phase: 'final', page });
      if (!current()) return;
      update({ triage: final, triagePending: false });
      await requestDraft(mine, { conversation, page, strategy, triage: final.triage }, final.triage);
    } catch (err) {
      if (current()) store.set({ status: 'error', message: (err as Error).message });
    }
  }

  async function requestDraft(mine: number, message: DraftMessage, triage: ConversationTriage) {
    update({ draftPending: true, draftError: undefined });
    try {
      const reply = await options.draft(message);
      if (mine === generation && !ctx.isInvalid) {
        feedback?.shown(reply.draft, { conversation: ConversationSchema.parse(message.conversation), triage }, Boolean(message.tone));
        update({ draft: reply, draftPending: false });
        prepareComposer();
      }
    } catch (err) {
      if (mine === generation && !ctx.isInvalid) update({ draftPending: false, draftError: (err as Error).message });
    }
  }

  function update(patch: Partial<Extract<ConversationState, { status: 'ready' }>>) {
    const state = store.get();
    if (state.status === 'ready') store.set({ ...state, ...patch });
  }

  function onRoute(nextUrl?: string) {
    if (ctx.isInvalid) return;
    const next = nextUrl ?? currentUrl();
    if (next === url) return;
    stop();
    feedback?.left();
    generation++;
    fingerprint = undefined;
    recordId = undefined;
    const page = adapter.pageKind(next);
    if (!page || page.kind !== 'conversation') {
      url = undefined;
      store.set({ status: 'idle' });
      return;
    }
    url = next;
    lastRead = undefined;
    store.set({ status: 'waiting' });
    const mine = ++routeGeneration;
    ctx.setTimeout(() => {
      if (mine !== routeGeneration || ctx.isInvalid || store.get().status !== 'waiting') return;
      check();
      if (store.get().status === 'waiting' && lastRead && unreadable(page.recordId)) store.set({ status: 'unreadable', missing: missingOf(lastRead) });
    }, unreadableAfterMs);
    // Only the open chat's or ticket's region (and what could swap it) is observed; Pulso's own hosts are skipped.
    watch = watchRegion(doc, () => adapter.readScope?.(doc, next), { childList: true, subtree: true, characterData: true }, () =>
      fingerprint ? schedule(settleMs, maxSettleMs) : schedule(50, 50),
    );
    if (feedback) doc.addEventListener('input', onInput, true);
    check();
  }

  return {
    onRoute,
    stop,
    /** The agent picked another strategy. */
    chooseStrategy(next: DraftStrategy) {
      strategy = next;
      const state = store.get();
      if (state.status !== 'ready') return;
      // A switch is feedback too: the draft on screen ends as "switched" when the new one arrives.
      if (state.draft && state.draft.draft.strategy !== next) feedback?.switching();
      void requestDraft(generation, { conversation: state.conversation, page: pageRefOf(state.scrape), strategy: next, triage: state.triage.triage }, state.triage.triage);
    },
    /** Shorter, more formal, friendlier, translate: applied to the draft on screen. */
    applyTone(tone: DraftTone, currentText: string) {
      const state = store.get();
      if (state.status !== 'ready') return;
      void requestDraft(
        generation,
        {
          conversation: state.conversation,
          page: pageRefOf(state.scrape),
          strategy: state.draft?.draft.strategy ?? strategy,
          tone,
          previousText: currentText,
          triage: state.triage.triage,
        },
        state.triage.triage,
      );
    },
    /** The agent knows the customer's billing level when the CRM does not say. */
    setBillingLevel(level: 'high' | 'low') {
      billingOverride = level;
      check(true);
    },
    refresh() {
      feedback?.regenerating();
      check(true);
    },
    /** "Report page structure": the page's anonymised skeleton with what could not be read (no text). */
    reportStructure: (): string =>
      structureReport(doc.body, {
        url: url ?? currentUrl(),
        scrape: lastRead && (hasConversationContent(lastRead) ? lastRead : { ...lastRead, missing: missingOf(lastRead) }),
        selectorsVersion: activeSelectors().version,
      }),
    /** Insert: the draft into the open chat's or ticket's composer (never sent). */
    async insert(text: string, mode: DraftInsertMode) {
      const composer = adapter.findComposer?.(doc, url ?? currentUrl());
      await options.prepareComposer?.(composer).catch(() => false);
      const result = await options.insertDraft(composer, text, mode);
      const state = store.get();
      if ('ok' in result && result.ok && state.status === 'ready') feedback?.inserted(readComposer() ?? text, state.conversation);
      return result;
    },
    /** The agent copied the draft out of the panel. */
    copied: () => feedback?.copied(),
    /** Thumbs up or down on the draft on screen, with an optional reason. */
    rate: (rating: 1 | -1, reason?: string) => feedback?.rate(rating, reason),
  };
}
