import { CouldNotRead } from '../ui/CouldNotRead';
import { PanelFrame } from '../ui/PanelFrame';
import { useStore } from '../ui/use-store';
import { useTranslate } from '../ui/use-translate';
import { LeadResultView, type LeadResultViewProps } from './LeadResultView';
import type { PanelStore } from './store';

export interface LeadPanelProps {
  store: PanelStore;
  onRefresh: () => void;
  onCorrect?: LeadResultViewProps['onCorrect'];
  /** The page's anonymised structure, for "report page structure". */
  reportStructure: () => string;
}

/** The lead side panel: the result for the open record, in the shared docked frame. */
export function LeadPanel({ store, onRefresh, onCorrect, reportStructure }: LeadPanelProps) {
  const t = useTranslate();
  const state = useStore(store);
  if (state.status === 'idle') return null;
  const refreshing = state.status === 'ready' && state.pending;

  return (
    <PanelFrame
      regionLabel={t('panel.region')}
      dataState={state.status}
      collapsed={store.collapsed}
      onRefresh={onRefresh}
      refreshing={refreshing}
      busy={state.status === 'waiting' || refreshing}
    >
      {state.status === 'waiting' && (
        <p className="text-sm text-slate-500" data-testid="pulso-waiting">
          {t('panel.waiting')}
        </p>
      )}
      {state.status === 'unreadable' && <CouldNotRead missing={state.missing} report={reportStructure} />}
      {state.status === 'error' && (
        <p role="alert" className="text-sm text-red-700" data-testid="pulso-error">
          {t('error.generic', { message: state.message })}
        </p>
      )}
      {state.status === 'ready' && <LeadResultView reply={state.reply} scrape={state.scrape} pending={state.pending} partial={state.partial} onCorrect={onCorrect} reportStructure={reportStructure} />}
    </PanelFrame>
  );
}
