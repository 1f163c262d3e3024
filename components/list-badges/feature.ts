import type { BatchReply, LeadClassification } from '@/lib/contracts';
import { createStore, type Store } from '@/lib/content/store';
import { translatePage } from '@/lib/i18n/page';
import type { UiLanguage } from '@/lib/i18n/translate';
import { requestBatchResults, requestOutreachDraft } from '@/lib/messaging';
import { defineSiteFeature } from '../site-feature';
import type { ListSnapshot } from './ListToolbar';
import { BADGE_TAG, createPriorityBadge, hasLimitedEvidence, paintPriorityBadge } from './priority-badge';
import { RowFilter, type PriorityFilter } from './row-filter';
import { startListBadgesSession, type BadgePainter, type BatchAnswer } from './session';

function badgeLabel(lang: UiLanguage, result: LeadClassification, offline?: string): string {
  if (hasLimitedEvidence(result)) return translatePage(lang, 'badge.limited', { reasons: (result.limitedEvidence?.reasons ?? []).join(' ').slice(0, 400) });
  const reason = result.rationale.split('\n')[0] || result.summary;
  const label = translatePage(lang, 'badge.label', { stage: result.stage, priority: result.priority, reason: reason.slice(0, 200) });
  // Like the record panel's origin line: a rules answer given because the backend did not answer says so.
  return offline === undefined ? label : `${label}\n${translatePage(lang, 'origin.offline')} (${offline.slice(0, 200)})`;
}

/** The background's reply as the session's answers: an offline result carries why. */
const answersOf = (reply: BatchReply): BatchAnswer[] =>
  reply.items.map((item) => ('result' in item ? { recordId: item.recordId, result: item.result, ...(item.origin === 'offline' ? { offline: item.error ?? '' } : {}) } : item));

/** Draws the badges into the CRM's rows (each in its own tiny shadow root), in the current language. */
function priorityBadgePainter(language: Store<UiLanguage>): BadgePainter<HTMLElement> {
  return {
    find: (anchor) => (anchor.querySelector(BADGE_TAG) as HTMLElement | null) ?? undefined,
    create(anchor) {
      const badge = createPriorityBadge(document);
      anchor.append(badge);
      return badge;
    },
    loading: (badge, recordId) => paintPriorityBadge(badge, { recordId, status: 'loading' }),
    ready: (badge, recordId, result, offline) => paintPriorityBadge(badge, { recordId, status: 'ready', result, label: badgeLabel(language.get(), result, offline) }),
    failed: (badge, recordId, message) => paintPriorityBadge(badge, { recordId, status: 'error', label: translatePage(language.get(), 'badge.error', { message }) }),
    recordIdOf: (badge) => badge.dataset.recordId,
    all: (doc) => Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG)),
    remove: (badge) => badge.remove(),
  };
}

/**
 * Priority badges on every visible row of a list view, and the manager's toolbar. Badges
 * painted so far keep their text when the language changes, until the next answer.
 */
export const listBadges = defineSiteFeature({
  name: 'pulso-list-toolbar',
  start({ ctx, adapter, language }) {
    const rows = createStore<ListSnapshot>({ rows: [] });
    const filter = createStore<PriorityFilter>('all');
    const rowFilter = new RowFilter();
    const painter = priorityBadgePainter(language);
    const session = startListBadgesSession({
      ctx,
      adapter,
      painter,
      classifyBatch: async (items, page) => answersOf(await requestBatchResults({ items, page })),
      classifyCached: async (items, page) => answersOf(await requestBatchResults({ items, page, cachedOnly: true })),
      onRowsChanged: (next) => rows.set({ rows: next }),
    });
    const refilter = () =>
      rowFilter.apply(
        rows.get().rows.map(({ row }) => ({ element: row.rowElement, recordId: row.recordId })),
        filter.get(),
        (recordId) => {
          const result = session.results.get(recordId);
          // A row without enough data is not a P1–P2 to call first: the filter hides it like the
          // lowest rank (it is never shown as P4; only rows still loading stay visible).
          if (!result) return undefined;
          return hasLimitedEvidence(result) ? 'P4' : result.priority;
        },
      );
    rows.subscribe(refilter);
    filter.subscribe(refilter);
    return {
      props: {
        store: rows,
        filter,
        onShowRow: (row) => row.rowElement.scrollIntoView({ block: 'center' }),
        draftOutreach: (candidate) => requestOutreachDraft({ candidate: { ...candidate, language: language.get() } }),
      },
      onRoute(url) {
        filter.set('all');
        session.onRoute(url);
      },
      stop() {
        session.stop();
        for (const badge of painter.all(document)) painter.remove(badge);
        rowFilter.apply([], 'all', () => undefined);
      },
    };
  },
  shows: 'list',
  view: 'list-toolbar',
  // The toolbar shows nothing before the first rows are badged: its chunk waits for them.
  drawnWithoutView: ({ store }) => store,
});
