import type { DraftInsertion, DraftInsertMode } from '@/lib/composer/insert-draft';
import type { DraftStrategy } from '@/lib/contracts';
import type { Store } from '@/lib/content/store';
import { CouldNotRead } from '../ui/CouldNotRead';
import { PanelFrame } from '../ui/PanelFrame';
import { SourceBadge } from '../ui/SourceBadge';
import { useStore } from '../ui/use-store';
import { useTranslate } from '../ui/use-translate';
import { DraftCard } from './DraftCard';
import type { ConversationStore, DraftTone } from './session';
import { TriageView } from './TriageView';

export interface ConversationPanelProps {
  store: ConversationStore;
  /** Lives outside React so the toggle-panel keyboard command can flip it. */
  collapsed: Store<boolean>;
  onRefresh: () => void;
  onBillingLevel: (level: 'high' | 'low') => void;
  onStrategy: (strategy: DraftStrategy) => void;
  onTone: (tone: DraftTone, text: string) => void;
  onInsert: (text: string, mode: DraftInsertMode) => Promise<DraftInsertion>;
  /** Feedback: the draft was copied out; the agent's thumbs (and why). */
  onCopied?: () => void;
  onRate?: (rating: 1 | -1, reason?: string) => void;
  /** The page's anonymised structure, for "report page structure". */
  reportStructure: () => string;
}

/** The support agent's panel: triage of the open chat or ticket, and a reply draft to insert. */
export function ConversationPanel(props: ConversationPanelProps) {
  const t = useTranslate();
  const state = useStore(props.store);
  if (state.status === 'idle') return null;
  const busy = state.status === 'waiting' || (state.status === 'ready' && state.triagePending);

  return (
    <PanelFrame
      regionLabel={t('conv.region')}
      dataState={state.status}
      collapsed={props.collapsed}
      onRefresh={props.onRefresh}
      busy={busy}
    >
      {state.status === 'waiting' && <p className="text-sm text-slate-500">{t('conv.waiting')}</p>}
      {state.status === 'unreadable' && <CouldNotRead missing={state.missing} report={props.reportStructure} />}
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
            onCopied={props.onCopied}
            onRate={props.onRate}
          />
        </div>
      )}
    </PanelFrame>
  );
}
