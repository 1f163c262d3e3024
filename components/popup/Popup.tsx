import { useEffect, useState, type ReactNode } from 'react';
import type { BackendStatus, LocalCounts } from '@/lib/contracts';
import { siteOf } from '@/lib/sites/registry';
import { usePageTranslate } from '@/components/ui/use-page-translate';
import type { TabStatus } from './tab-status';

export interface PopupInfo {
  backend?: BackendStatus;
  tab?: TabStatus;
  counts?: LocalCounts;
  /** The toggle-panel shortcut as bound (browser.commands.getAll); '' when the user removed it. */
  shortcut?: string;
}

export interface PopupProps {
  /** Each piece arrives on its own: a slow /healthz must not hold up the counts. */
  load: { [K in keyof PopupInfo]-?: () => Promise<PopupInfo[K]> };
  historyUrl: string;
  /** The team page (what the team's feedback taught the policy); absent: no link. */
  teamUrl?: string;
  openOptions: () => void;
  initial?: PopupInfo;
}

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h2>
      {children}
    </section>
  );
}

/** The toolbar popup: backend status, what this tab is, local counts, the panel shortcut, links. */
export function Popup({ load, historyUrl, teamUrl, openOptions, initial = {} }: PopupProps) {
  const t = usePageTranslate();
  const [info, setInfo] = useState<PopupInfo>(initial);

  useEffect(() => {
    for (const key of Object.keys(load) as (keyof PopupInfo)[]) {
      void load[key]()
        .then((value) => setInfo((current) => ({ ...current, [key]: value })))
        .catch(() => {});
    }
  }, [load]);

  const { backend, tab, counts, shortcut } = info;
  return (
    <main className="w-80 space-y-2 bg-slate-50 p-3 font-sans text-slate-900">
      <h1 className="text-base font-bold text-indigo-700">{t('popup.title')}</h1>

      <Section title={t('popup.backend')} testId="popup-backend">
        {!backend ? (
          <p className="text-sm text-slate-600">{t('popup.checking')}</p>
        ) : (
          <div className="space-y-0.5 text-sm" data-reachable={backend.reachable ? 'true' : 'false'} data-testid="popup-backend-status">
            <p className={`font-semibold ${backend.reachable ? 'text-emerald-800' : 'text-red-700'}`}>
              <span aria-hidden="true">{backend.reachable ? '● ' : '○ '}</span>
              {t(backend.reachable ? 'popup.reachable' : 'popup.unreachable')}
            </p>
            {backend.reachable && (
              <p data-testid="popup-backend-mode" data-mode={backend.mode}>
                {backend.mode === 'llm' ? t('popup.modeLlm', { model: backend.model ?? backend.engine ?? '' }) : t('popup.modeRules')}
              </p>
            )}
            <p className="text-xs break-all text-slate-600">{backend.backendUrl}</p>
            {!backend.reachable && backend.error && <p className="text-xs break-words text-red-700">{backend.error}</p>}
          </div>
        )}
      </Section>

      <Section title={t('popup.tab')} testId="popup-tab">
        {tab && (
          <p className="text-sm" data-testid="popup-tab-status" data-status={tab.status}>
            {tab.status === 'supported'
              ? t('popup.tabSupported', { crm: siteOf(tab.crm).shortLabel, kind: t(`popup.kind.${tab.kind}`), recordType: tab.recordType })
              : tab.status === 'otherPage'
                ? t('popup.tabOtherPage', { crm: siteOf(tab.crm).shortLabel })
                : t(tab.status === 'unsupported' ? 'popup.tabUnsupported' : 'popup.tabUnknown')}
          </p>
        )}
      </Section>

      <Section title={t('popup.stored')} testId="popup-counts">
        <dl className="grid grid-cols-[1fr_auto] gap-x-2 text-sm">
          <dt>{t('popup.cacheCount')}</dt>
          <dd className="text-right font-semibold" data-testid="popup-cache-count">{counts ? counts.cache : '…'}</dd>
          <dt>{t('popup.historyCount')}</dt>
          <dd className="text-right font-semibold" data-testid="popup-history-count">{counts ? counts.history : '…'}</dd>
        </dl>
      </Section>

      <Section title={t('popup.shortcut')} testId="popup-shortcut">
        {shortcut !== undefined && (
          <p className="text-sm">
            {shortcut ? (
              <kbd data-testid="popup-shortcut-keys" className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
                {shortcut}
              </kbd>
            ) : (
              t('popup.shortcutUnset')
            )}
          </p>
        )}
      </Section>

      <nav className="flex gap-2 pt-1" aria-label={t('popup.title')}>
        <a href={historyUrl} target="_blank" rel="noopener" data-testid="popup-open-history"
          className={`flex-1 rounded-md bg-indigo-700 px-2 py-1.5 text-center text-sm font-semibold text-white hover:bg-indigo-800 ${focusRing}`}>
          {t('popup.openHistory')}
        </a>
        {teamUrl && (
          <a href={teamUrl} target="_blank" rel="noopener" data-testid="popup-open-team" title={t('team.openHint')}
            className={`flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-center text-sm hover:bg-slate-100 ${focusRing}`}>
            {t('team.open')}
          </a>
        )}
        <button type="button" onClick={openOptions} data-testid="popup-open-options"
          className={`flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-100 ${focusRing}`}>
          {t('popup.openOptions')}
        </button>
      </nav>
    </main>
  );
}
