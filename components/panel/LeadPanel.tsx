import { useSyncExternalStore } from 'react';
import type { PanelStore } from '@/lib/content/panel-store';
import { LeadResultView } from './LeadResultView';
import { PanelFrame } from './PanelFrame';
import { useTranslate } from './use-translate';

export interface LeadPanelProps {
  store: PanelStore;
  onRefresh: () => void;
}

/** The lead side panel: the result for the open record, in the shared docked frame. */
export function LeadPanel({ store, onRefresh }: LeadPanelProps) {
  const t = useTranslate();
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  // Collapsed lives in the store: the toggle-panel keyboard command flips it from outside React.
  const collapsed = useSyncExternalStore(store.collapsed.subscribe, store.collapsed.get, store.collapsed.get);
  if (state.status === 'idle') return null;
  const refreshing = state.status === 'ready' && state.pending;

  return (
    <PanelFrame
      regionLabel={t('panel.region')}
      dataState={state.status}
      collapsed={collapsed}
      onToggle={() => store.collapsed.update((was) => !was)}
      onCollapse={() => store.collapsed.set(true)}
      busy={state.status === 'waiting' || refreshing}
      headerAction={
        <button
          type="button"
          data-testid="pulso-refresh"
          onClick={onRefresh}
          disabled={state.status === 'waiting' || refreshing}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
        >
          {refreshing ? t('panel.refreshing') : t('panel.refresh')}
        </button>
      }
    >
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
      {state.status === 'ready' && <LeadResultView reply={state.reply} scrape={state.scrape} pending={state.pending} partial={state.partial} />}
    </PanelFrame>
  );
}
