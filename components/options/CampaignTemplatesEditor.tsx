import { useId, useState } from 'react';
import { DEFAULT_CAMPAIGN_TEMPLATES } from '@/lib/campaign/templates';
import { CAMPAIGN_SEGMENTS, CAMPAIGN_SLOTS, type CampaignSegment, type CampaignTemplate } from '@/lib/contracts';
import type { MessageKey } from '@/lib/i18n';
import { usePageTranslate } from '../ui/use-page-translate';
import { BUTTON, INPUT, TextField } from './fields';
import type { CampaignTemplatesDraft } from './profile-draft';

const LANGUAGES = ['es', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const FIELDS = ['subject', 'preheader', 'body', 'callToAction'] as const;

/**
 * The pre-approved campaign templates (rules mode and the rescue when the model fails), per
 * segment and language. Shown filled with the default until the admin changes one; published
 * with the team profile, so every rep, the backend and `pulso campaign` fill the same wording.
 * Validated with the profile (CampaignTemplatesSchema: known slots, no empty subject, body or
 * call to action); each error shows under its field, and the list above names the templates that
 * have one.
 */
export function CampaignTemplatesEditor({
  value,
  onChange,
  errors,
}: {
  value: CampaignTemplatesDraft;
  onChange: (next: CampaignTemplatesDraft) => void;
  /** Errors by path under campaignTemplates.segments ("hot.es.subject"). */
  errors: Record<string, string>;
}) {
  const t = usePageTranslate();
  const segmentId = useId();
  const [segment, setSegment] = useState<CampaignSegment>('hot');
  const [language, setLanguage] = useState<Language>('es');
  const custom = value[segment]?.[language];
  const shown: CampaignTemplate = custom ?? DEFAULT_CAMPAIGN_TEMPLATES[segment][language];
  const err = (field: string) => errors[`${segment}.${language}.${field}`];
  const withErrors = Object.keys(errors).map((path) => path.split('.').slice(0, 2).join('.'));

  const edit = (field: (typeof FIELDS)[number], text: string) => onChange({ ...value, [segment]: { ...value[segment], [language]: { ...shown, [field]: text } } });
  const reset = () => {
    const { [language]: _dropped, ...rest } = value[segment] ?? {};
    onChange({ ...value, [segment]: rest });
  };

  return (
    <fieldset className="space-y-2" data-testid="campaign-templates">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t('options.campaign.title')}</legend>
      <p className="text-xs text-slate-600">{t('options.campaign.intro')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={segmentId} className="mb-1 block text-sm font-medium text-slate-700">
            {t('options.campaign.segment')}
          </label>
          <select id={segmentId} className={INPUT} value={segment} onChange={(e) => setSegment(e.target.value as CampaignSegment)} data-testid="campaign-template-segment">
            {CAMPAIGN_SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`campaign.segment.${s}` as MessageKey)}
                {value[s]?.es || value[s]?.en ? ` · ${t('options.campaign.custom')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div role="radiogroup" aria-label={t('options.campaign.language')} className="flex gap-1">
          {LANGUAGES.map((l) => (
            <button key={l} type="button" role="radio" aria-checked={language === l} className={`${BUTTON} ${language === l ? 'bg-indigo-50 font-semibold' : ''}`} onClick={() => setLanguage(l)} data-testid={`campaign-template-lang-${l}`}>
              {l === 'es' ? 'Español' : 'English'}
            </button>
          ))}
        </div>
        <span className="text-xs text-slate-600" data-testid="campaign-template-state">
          {custom ? t('options.campaign.custom') : t('options.campaign.default')}
        </span>
        {custom && (
          <button type="button" className={BUTTON} onClick={reset} data-testid="campaign-template-reset">
            {t('options.campaign.reset')}
          </button>
        )}
      </div>
      {withErrors.length > 0 && (
        <p role="alert" className="text-xs text-red-700" data-testid="campaign-template-errors">
          {t('options.campaign.invalid', { templates: [...new Set(withErrors)].map((key) => key.replace('.', ' · ')).join(', ') })}
        </p>
      )}
      <TextField label={t('options.campaign.subject')} value={shown.subject} onChange={(v) => edit('subject', v)} error={err('subject')} testId="campaign-template-subject" />
      <TextField label={t('options.campaign.preheader')} value={shown.preheader} onChange={(v) => edit('preheader', v)} error={err('preheader')} testId="campaign-template-preheader" />
      <TextField label={t('options.campaign.body')} value={shown.body} onChange={(v) => edit('body', v)} error={err('body')} multiline testId="campaign-template-body" />
      <TextField label={t('options.campaign.cta')} value={shown.callToAction} onChange={(v) => edit('callToAction', v)} error={err('callToAction')} testId="campaign-template-cta" />
      <p className="text-xs text-slate-600">{t('options.campaign.slots', { slots: CAMPAIGN_SLOTS.map((s) => `{${s}}`).join(' ') })}</p>
    </fieldset>
  );
}
