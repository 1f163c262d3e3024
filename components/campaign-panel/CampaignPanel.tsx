import { useEffect, useRef } from 'react';
import type { DraftInsertion, DraftInsertMode } from '@/lib/composer/insert-draft';
import { useStore } from '../ui/use-store';
import { useTranslate } from '../ui/use-translate';
import { CampaignResult } from './CampaignResult';
import { CampaignSteps } from './CampaignSteps';
import type { CampaignStore } from './store';

export interface CampaignPanelProps {
  store: CampaignStore;
  onRun: () => void;
  onInsert: (mode: DraftInsertMode) => Promise<DraftInsertion>;
}

const BUTTON = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50';

/**
 * The *Campaign* action and its drawer. The drawer docks on the left, away from the lead panel
 * (right) and from the CRMs' email composers (bottom right), so the rep sees the email being
 * inserted. Escape closes it and gives focus back to the action.
 */
export function CampaignPanel({ store, onRun, onInsert }: CampaignPanelProps) {
  const t = useTranslate();
  const state = useStore(store);
  const open = useStore(store.open);
  const launcherRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      store.open.set(false);
      launcherRef.current?.focus();
    };
    const root = launcherRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    root?.addEventListener('keydown', onKey as EventListener);
    return () => root?.removeEventListener('keydown', onKey as EventListener);
  }, [open, store]);

  if (state.status === 'idle') return null;
  const running = state.status === 'running';
  const launch = () => {
    // A campaign already made (or being made) for this record is shown again; otherwise it is written now.
    if (state.status === 'done' || running) store.open.set(true);
    else onRun();
  };

  return (
    <div className="font-sans text-slate-900">
      <button
        ref={launcherRef}
        type="button"
        data-testid="pulso-campaign-open"
        aria-label={t('campaign.openHint')}
        aria-expanded={open}
        aria-controls="pulso-campaign-drawer"
        onClick={launch}
        className="pointer-events-auto fixed bottom-4 left-4 z-[2147483000] rounded-full bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800"
      >
        ✉ {t('campaign.open')}
      </button>
      {open && (
        <aside
          id="pulso-campaign-drawer"
          aria-label={t('campaign.region')}
          data-testid="pulso-campaign-panel"
          data-state={state.status}
          className="pointer-events-auto fixed top-0 left-0 z-[2147483001] flex h-full w-[420px] max-w-full flex-col border-r border-slate-200 bg-slate-50 shadow-xl"
        >
          <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 py-2">
            <h2 className="text-base font-bold text-indigo-700">{t('campaign.title')}</h2>
            <div className="flex gap-2">
              <button type="button" className={BUTTON} data-testid="pulso-campaign-again" disabled={running} onClick={onRun}>
                {t('campaign.again')}
              </button>
              <button
                type="button"
                className={BUTTON}
                data-testid="pulso-campaign-close"
                aria-label={t('campaign.close')}
                onClick={() => {
                  store.open.set(false);
                  launcherRef.current?.focus();
                }}
              >
                ×
              </button>
            </div>
          </header>
          {/* Focusable so keyboard users can scroll a long campaign. */}
          <div className="min-h-0 flex-1 space-y-3 overflow-y-auto p-3" tabIndex={0} role="region" aria-label={t('campaign.region')} aria-live="polite" aria-busy={running}>
            {state.status === 'error' && (
              <p role="alert" className="text-sm text-red-700" data-testid="pulso-campaign-error">
                {state.noLead ? t('campaign.noLead') : t('campaign.error', { message: state.message })}
              </p>
            )}
            {/* While it is written, the steps as they arrive; once done, the campaign's own (a rescue's are its template's, not the failed model's). */}
            {(state.status === 'running' || state.status === 'done') && <CampaignSteps steps={state.status === 'done' ? state.reply.campaign.steps : state.steps} running={running} />}
            {state.status === 'done' && <CampaignResult reply={state.reply} onInsert={onInsert} />}
          </div>
        </aside>
      )}
    </div>
  );
}
