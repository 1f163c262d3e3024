import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { PanelStore } from '@/lib/content/panel-store';
import { LeadResultView } from './LeadResultView';
import { useTranslate } from './use-translate';

export interface LeadPanelProps {
  store: PanelStore;
  onRefresh: () => void;
}

/** The docked side panel: a collapsible region with a header, and the result for the open record. */
export function LeadPanel({ store, onRefresh }: LeadPanelProps) {
  const t = useTranslate();
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  // Collapsed lives in the store: the toggle-panel keyboard command flips it from outside React.
  const collapsed = useSyncExternalStore(store.subscribe, store.isCollapsed, store.isCollapsed);
  const setCollapsed = store.setCollapsed;
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Escape closes the panel and gives focus back to its toggle, like a dialog would.
  useEffect(() => {
    if (collapsed) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setCollapsed(true);
        toggleRef.current?.focus();
      }
    };
    const root = toggleRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    root?.addEventListener('keydown', onKey as EventListener);
    return () => root?.removeEventListener('keydown', onKey as EventListener);
  }, [collapsed]);

  if (state.status === 'idle') return null;
  const refreshing = state.status === 'ready' && state.pending;

  return (
    <aside
      aria-label={t('panel.region')}
      data-testid="pulso-panel"
      data-state={state.status}
      className={`pointer-events-auto fixed top-0 right-0 z-[2147483000] flex h-full font-sans text-slate-900 ${collapsed ? '' : 'w-[360px]'}`}
    >
      <button
        ref={toggleRef}
        type="button"
        data-testid="pulso-toggle"
        aria-expanded={!collapsed}
        aria-controls="pulso-panel-body"
        aria-label={collapsed ? t('panel.expand') : t('panel.collapse')}
        onClick={store.toggleCollapsed}
        className="mt-24 h-12 w-8 shrink-0 self-start rounded-l-lg bg-indigo-600 text-sm font-bold text-white shadow-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800"
      >
        {collapsed ? '‹' : '›'}
      </button>
      {!collapsed && (
        <div id="pulso-panel-body" className="flex h-full min-w-0 flex-1 flex-col border-l border-slate-200 bg-slate-50 shadow-xl">
          <header className="flex items-center justify-between border-b border-slate-200 bg-white px-3 py-2">
            <h2 className="text-base font-bold text-indigo-700">{t('panel.title')}</h2>
            <button
              type="button"
              data-testid="pulso-refresh"
              onClick={onRefresh}
              disabled={state.status === 'waiting' || refreshing}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
            >
              {refreshing ? t('panel.refreshing') : t('panel.refresh')}
            </button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto p-3" aria-live="polite" aria-busy={state.status === 'waiting' || refreshing}>
            {state.status === 'waiting' && (
              <p className="text-sm text-slate-500" data-testid="pulso-waiting">
                {t('panel.waiting')}
              </p>
            )}
            {state.status === 'error' && (
              <p role="alert" className="text-sm text-red-700" data-testid="pulso-error">
                {t('error.generic', { message: state.message })}
              </p>
            )}
            {state.status === 'ready' && (
              <LeadResultView reply={state.reply} scrape={state.scrape} pending={state.pending} partial={state.partial} />
            )}
          </div>
        </div>
      )}
    </aside>
  );
}
