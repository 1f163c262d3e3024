import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LeadClassification } from '@/lib/contracts';
import { startListBadgesSession, type BadgePainter } from '@/lib/content/list-badges-session';
import { createStore } from '@/lib/content/store';
import { translate, type UiLanguage } from '@/lib/i18n';
import { requestBatchResults } from '@/lib/messaging';
import type { SiteKey } from '@/lib/settings';
import type { SiteAdapter } from '@/lib/sites/types';
import { UiLanguageContext } from '../panel/use-translate';
import { mountReactShadowUi } from '../shadow-ui';
import { runWhileSiteEnabled, type SiteFeature } from '../site-switch';
import { ListToolbar, type ListSnapshot } from './ListToolbar';
import { BADGE_TAG, createPriorityBadge, paintPriorityBadge } from './priority-badge';
import { RowFilter, type PriorityFilter } from './row-filter';

function badgeLabel(lang: UiLanguage, result: LeadClassification): string {
  const reason = result.rationale.split('\n')[0] || result.summary;
  return translate(lang, 'badge.label', { stage: result.stage, priority: result.priority, reason: reason.slice(0, 200) });
}

/**
 * Priority badges on every visible row of a list view, and the manager's toolbar — while the
 * site is turned on in the options (checked at start and on change), in the chosen language.
 */
export async function mountListBadges(ctx: ContentScriptContext, adapter: SiteAdapter) {
  await runWhileSiteEnabled(ctx, adapter.crm as SiteKey, (initialLang, isCurrent) => start(initialLang, isCurrent));

  async function start(initialLang: UiLanguage, isCurrent: () => boolean): Promise<SiteFeature> {
    let lang = initialLang;
    const store = createStore<ListSnapshot>({ rows: [] });
    let filter: PriorityFilter = 'all';
    const rowFilter = new RowFilter();
    const refilter = () =>
      rowFilter.apply(
        store.get().rows.map(({ row }) => ({ element: row.rowElement, recordId: row.recordId })),
        filter,
        (recordId) => session.results.get(recordId)?.priority,
      );

    const painter: BadgePainter<HTMLElement> = {
      find: (anchor) => (anchor.querySelector(BADGE_TAG) as HTMLElement | null) ?? undefined,
      create(anchor) {
        const badge = createPriorityBadge(document);
        anchor.append(badge);
        return badge;
      },
      loading: (badge, recordId) => paintPriorityBadge(badge, { recordId, status: 'loading' }),
      ready: (badge, recordId, result) => paintPriorityBadge(badge, { recordId, status: 'ready', result, label: badgeLabel(lang, result) }),
      failed: (badge, recordId, message) => paintPriorityBadge(badge, { recordId, status: 'error', label: translate(lang, 'badge.error', { message }) }),
      recordIdOf: (badge) => badge.dataset.recordId,
      all: (doc) => Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG)),
      remove: (badge) => badge.remove(),
    };

    const session = startListBadgesSession({
      ctx,
      adapter,
      painter,
      async classifyBatch(items, url) {
        const reply = await requestBatchResults({ items, page: { crm: adapter.crm, url, recordType: adapter.pageKind(url)?.recordType ?? 'contact' } });
        return reply.items;
      },
      onRowsChanged(rows) {
        store.set({ rows });
        refilter();
      },
    });

    let render = () => {};
    const instance: SiteFeature = {
      stop() {
        session.stop();
        for (const badge of painter.all(document)) painter.remove(badge);
        rowFilter.apply([], 'all', () => undefined);
        ui.remove();
      },
      onRoute(url?: string) {
        filter = 'all';
        session.onRoute(url);
      },
      // Badges painted so far keep their text until the next answer; the toolbar re-renders now.
      setLanguage(next) {
        lang = next;
        render();
      },
    };
    const ui = await mountReactShadowUi(ctx, 'pulso-list-toolbar', (root) => {
      render = () =>
        root.render(
          <UiLanguageContext.Provider value={lang}>
            <ListToolbar
              store={store}
              filter={filter}
              onFilter={(next) => {
                filter = next;
                refilter();
                render();
              }}
              onShowRow={(row) => row.rowElement.scrollIntoView({ block: 'center' })}
            />
          </UiLanguageContext.Provider>,
        );
      render();
    });
    if (isCurrent()) session.onRoute();
    return instance;
  }
}
