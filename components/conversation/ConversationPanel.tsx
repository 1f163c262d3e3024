import { useSyncExternalStore } from 'react';
import type { DraftStrategy } from '@/lib/contracts';
import type { ConversationStore, DraftTone } from '@/lib/content/conversation-session';
import { PanelFrame } from '../panel/PanelFrame';
import { SourceBadge } from '../panel/SourceBadge';
import { useTranslate } from '../panel/use-translate';
import { DraftCard, type InsertResult } from './DraftCard';
import { TriageView } from './TriageView';

export interface ConversationPanelProps {
  store: ConversationStore;
  /** Lives outside React so the toggle-panel keyboard command can flip it. */
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  onRefresh: () => void;
  onBillingLevel: (level: 'high' | 'low') => void;
  onStrategy: (strategy: DraftStrategy) => void;
  onTone: (tone: DraftTone, text: string) => void;
  onInsert: (text: string, mode: 'ask' | 'append' | 'replace') => Promise<InsertResult>;
}

/** The support agent's panel: triage of the open chat or ticket, and a reply draft to insert. */
export function ConversationPanel(props: ConversationPanelProps) {
  const t = useTranslate();
  const state = useSyncExternalStore(props.store.subscribe, props.store.get, props.store.get);
  if (state.status === 'idle') return null;
  const busy = state.status === 'waiting' || (state.status === 'ready' && state.triagePending);

  return (
    <PanelFrame
      regionLabel={t('conv.region')}
      dataState={state.status}
      collapsed={props.collapsed}
      onToggle={() => props.onCollapsedChange(!props.collapsed)}
      onCollapse={() => props.onCollapsedChange(true)}
      busy={busy}
      headerAction={
        <button
          type="button"
          data-testid="pulso-refresh"
          onClick={props.onRefresh}
          disabled={busy}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
        >
          {t('panel.refresh')}
        </button>
      }
    >
      {state.status === 'waiting' && <p className="text-sm text-slate-500">{t('conv.waiting')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="text-sm text-red-700">
          {t('error.generic', { message: state.message })}
        </p>
      )}
      {state.status === 'ready' && (
        <div className="space-y-3" data-testid="pulso-conversation" data-record-id={state.recordId} data-message-count={state.conversation.messages.length}>
          <SourceBadge
            reply={{ ...state.triage, source: state.triage.triage.source }}
            pending={state.triagePending}
            partial={false}
          />
          <TriageView triage={state.triage.triage} billingKnown={Boolean(state.conversation.billingLevel)} onBillingLevel={props.onBillingLevel} />
          <DraftCard
            draft={state.draft}
            pending={state.draftPending}
            error={state.draftError}
            onStrategy={props.onStrategy}
            onTone={props.onTone}
            onInsert={props.onInsert}
          />
        </div>
      )}
    </PanelFrame>
  );
}
