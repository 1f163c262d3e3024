import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import { UI_LANGUAGE_SETTINGS, updateSettings, type Settings, type UiLanguageSetting } from '@/lib/settings';
import { SITES } from '@/lib/sites/registry';
import { Card } from '../ui/Card';
import { usePageTranslate } from '../ui/use-page-translate';
import { BUTTON, Checkbox, StatusMessage, TextField, type Status } from './fields';

/** Which CRMs Pulso draws on; the content scripts follow the change at once. */
export function SitesSection({ settings }: { settings: Settings }) {
  const t = usePageTranslate();
  // Optimistic: the box follows the click at once; the stored value (and other tabs) follow.
  const [sites, setSites] = useState(settings.sites);
  useEffect(() => setSites(settings.sites), [settings.sites]);
  return (
    <Card title={t('options.sites.title')} id="options-sites">
      <div className="space-y-2">
        {SITES.map(({ key, label }) => (
          <Checkbox
            key={key}
            label={label}
            checked={sites[key]}
            testId={`site-${key}`}
            onChange={(on) => {
              const next = { ...sites, [key]: on };
              setSites(next);
              void updateSettings({ sites: next });
            }}
          />
        ))}
      </div>
    </Card>
  );
}

export function PrivacySection({ settings }: { settings: Settings }) {
  const t = usePageTranslate();
  const [days, setDays] = useState(String(settings.privacy.historyRetentionDays));
  const [daysError, setDaysError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState(false);
  const [mask, setMask] = useState(settings.privacy.maskContacts);
  useEffect(() => setMask(settings.privacy.maskContacts), [settings.privacy.maskContacts]);

  async function saveDays() {
    const n = Number(days.trim());
    if (!Number.isInteger(n) || n < 1 || n > 3_650) {
      setDaysError(t('options.privacy.retentionInvalid'));
      return;
    }
    setDaysError(undefined);
    await updateSettings({ privacy: { ...settings.privacy, historyRetentionDays: n } });
    setStatus({ kind: 'ok', text: t('options.privacy.retentionSaved', { days: n }) });
  }

  return (
    <Card title={t('options.privacy.title')} id="options-privacy">
      <div className="space-y-3">
        <Checkbox
          label={t('options.privacy.mask')}
          hint={t('options.privacy.maskHint')}
          checked={mask}
          testId="privacy-mask"
          onChange={(maskContacts) => {
            setMask(maskContacts);
            void updateSettings({ privacy: { ...settings.privacy, maskContacts } });
          }}
        />
        <div className="flex items-end gap-2">
          <div className="w-40">
            <TextField label={t('options.privacy.retention')} inputMode="numeric" value={days} onChange={setDays} error={daysError} testId="privacy-retention" />
          </div>
          <button type="button" className={BUTTON} onClick={() => void saveDays()} data-testid="privacy-retention-save">
            {t('options.save')}
          </button>
        </div>
        {!confirming ? (
          <button type="button" className={BUTTON} onClick={() => setConfirming(true)} data-testid="privacy-clear">
            {t('options.privacy.clear')}
          </button>
        ) : (
          <div role="group" aria-label={t('options.privacy.clear')} className="space-y-2 rounded-md border border-red-300 bg-red-50 p-2">
            <p className="text-sm text-red-900">{t('options.privacy.clearConfirm')}</p>
            <div className="flex gap-2">
              <button
                type="button"
                className="rounded-md bg-red-700 px-3 py-1 text-sm font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
                data-testid="privacy-clear-confirm"
                onClick={() =>
                  void sendMessage('clearLocalData', undefined)
                    .then(() => setStatus({ kind: 'ok', text: t('options.privacy.cleared') }))
                    .catch((error: Error) => setStatus({ kind: 'error', text: error.message }))
                    .finally(() => setConfirming(false))
                }
              >
                {t('options.privacy.clearYes')}
              </button>
              <button type="button" className={BUTTON} onClick={() => setConfirming(false)}>
                {t('options.cancel')}
              </button>
            </div>
          </div>
        )}
        <StatusMessage status={status} testId="privacy-status" />
      </div>
    </Card>
  );
}

export function LanguageSection({ settings }: { settings: Settings }) {
  const t = usePageTranslate();
  return (
    <Card title={t('options.language.title')} id="options-language">
      <label htmlFor="options-language-select" className="mb-1 block text-sm font-medium text-slate-700">
        {t('options.language.label')}
      </label>
      <select
        id="options-language-select"
        data-testid="language"
        value={settings.language}
        onChange={(event) => void updateSettings({ language: event.target.value as UiLanguageSetting })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {UI_LANGUAGE_SETTINGS.map((lang) => (
          <option key={lang} value={lang}>
            {t(`options.language.${lang}`)}
          </option>
        ))}
      </select>
    </Card>
  );
}
