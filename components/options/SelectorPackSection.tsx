import { useContext, useEffect, useState } from 'react';
import type { SelectorPackStatus } from '@/lib/contracts';
import { requestSelectorPackPull, requestSelectorPackStatus } from '@/lib/messaging';
import { Card } from '../ui/Card';
import { usePageTranslate } from '../ui/use-page-translate';
import { UiLanguageContext } from '../ui/use-translate';
import { BUTTON, StatusMessage } from './fields';

/** Which selector pack the page readers use, and why the last one from the backend was refused, if it was. */
export function SelectorPackSection() {
  const t = usePageTranslate();
  const lang = useContext(UiLanguageContext);
  const [status, setStatus] = useState<SelectorPackStatus>();
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    void requestSelectorPackStatus().then(setStatus, () => undefined);
  }, []);

  async function check() {
    setChecking(true);
    try {
      setStatus(await requestSelectorPackPull());
    } finally {
      setChecking(false);
    }
  }

  const lines: string[] = [];
  if (status?.checkedAt) lines.push(t('options.selectors.checked', { when: new Date(status.checkedAt).toLocaleString(lang) }));
  if (status?.served === 'unreachable') lines.push(t('options.selectors.served.unreachable', { error: status.error ?? '' }));
  else if (status?.served) lines.push(t(`options.selectors.served.${status.served}`));

  return (
    <Card title={t('options.selectors.title')} id="options-selectors">
      <p className="text-sm text-slate-600">{t('options.selectors.intro')}</p>
      {status && (
        <p className="mt-2 text-sm" data-testid="selector-pack-active" data-version={status.active.version} data-source={status.active.source}>
          {t('options.selectors.active', { version: status.active.version, source: t(`options.selectors.source.${status.active.source}`) })}
        </p>
      )}
      {lines.length > 0 && (
        <ul className="mt-1 text-xs text-slate-600" data-testid="selector-pack-check">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {status?.refused && (
        <StatusMessage
          testId="selector-pack-refused"
          status={{
            kind: 'error',
            text: t('options.selectors.refused', { version: status.refused.version ?? '?', reason: t(`options.selectors.refused.${status.refused.reason}`) }),
            lines: [status.refused.message, t('options.selectors.refusedKept', { version: status.active.version })],
          }}
        />
      )}
      <button type="button" className={`${BUTTON} mt-2`} disabled={checking} onClick={() => void check()} data-testid="selector-pack-check-now">
        {checking ? t('options.selectors.checking') : t('options.selectors.check')}
      </button>
    </Card>
  );
}
