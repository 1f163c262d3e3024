import { useContext, useMemo, useState } from 'react';
import { campaignPhrases } from '@/lib/campaign/phrases';
import type { DraftInsertion, DraftInsertMode } from '@/lib/composer/insert-draft';
import { CAMPAIGN_SEGMENTS, LEAD_FIELDS, type CampaignReply, type LeadField } from '@/lib/contracts';
import type { PanelMessageKey } from '@/lib/i18n/panel';
import { Card } from '../ui/Card';
import { CopyButton } from '../ui/CopyButton';
import { UiLanguageContext, useTranslate } from '../ui/use-translate';
import { campaignPreviewDocument, safeCampaignHtml } from '@/lib/campaign/safe-html';

const BUTTON = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50';
/** Flags the rep is told about in words; the rest (rescue reasons, removed HTML parts) show elsewhere or are for exports. */
const EXPLAINED_FLAGS = ['product_replaced', 'product_first_listed', 'no_product_in_profile', 'possible_injection', 'truncated_to_max_words', 'html_sanitized', 'html_rendered'] as const;

type InsertStatus = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'done' } | { kind: 'failed'; reason: string };

/** The campaign with its source labelled (model, rules, rescue), the sandboxed preview, and Copy / Insert (never Send). */
export function CampaignResult({ reply, onInsert }: { reply: CampaignReply; onInsert: (mode: DraftInsertMode) => Promise<DraftInsertion> }) {
  const t = useTranslate();
  const uiLanguage = useContext(UiLanguageContext);
  const c = reply.campaign;
  const [status, setStatus] = useState<InsertStatus>({ kind: 'idle' });
  const html = useMemo(() => safeCampaignHtml(c), [c]);
  const preview = useMemo(() => campaignPreviewDocument(c), [c]);
  const source = c.rescue ? 'rescue' : c.source;
  const rescueReason = c.flags?.find((f) => f.startsWith('rescue:'))?.slice('rescue:'.length) ?? reply.error ?? '';
  const fieldName = campaignPhrases(uiLanguage).fieldNames;
  const missing = (c.missing ?? []).filter((f): f is LeadField => (LEAD_FIELDS as readonly string[]).includes(f)).map((f) => fieldName[f]);
  const notes = EXPLAINED_FLAGS.filter((flag) => c.flags?.includes(flag));
  const segmentKey = (CAMPAIGN_SEGMENTS as readonly string[]).includes(c.segment) ? (`campaign.segment.${c.segment}` as PanelMessageKey) : undefined;

  const insert = async (mode: DraftInsertMode) => {
    const result = await onInsert(mode);
    if ('needsConfirmation' in result) setStatus({ kind: 'confirm' });
    else if (result.ok) setStatus({ kind: 'done' });
    else setStatus({ kind: 'failed', reason: result.problem === 'noComposer' ? t('campaign.noComposer') : result.tried.join(', ') || 'no strategy applies' });
  };

  return (
    <Card title={t('campaign.title')} id="pulso-campaign-result">
      <div className="space-y-3 text-sm" data-testid="pulso-campaign-result" data-source={source}>
        <div className="space-y-1">
          <span
            data-testid="pulso-campaign-source"
            data-source={source}
            className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${source === 'llm' ? 'bg-violet-100 text-violet-800' : source === 'rescue' ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-800'}`}
          >
            {source === 'rescue' ? t('campaign.source.rescue', { reason: rescueReason }) : t(source === 'llm' ? 'campaign.source.llm' : 'campaign.source.rules')}
          </span>
          <p className="text-xs text-slate-600" data-testid="pulso-campaign-origin" data-origin={reply.origin}>
            {t(reply.origin === 'offline' ? 'campaign.origin.offline' : 'campaign.origin.backend', { ms: Math.round(reply.latencyMs) })}
          </p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
          <dt className="font-semibold text-slate-600">{t('campaign.segment')}</dt>
          <dd data-testid="pulso-campaign-segment" data-segment={c.segment}>
            {segmentKey ? t(segmentKey) : c.segment}
          </dd>
          <dt className="font-semibold text-slate-600">{t('campaign.product')}</dt>
          <dd data-testid="pulso-campaign-product">{c.suggestedProduct}</dd>
          <dt className="font-semibold text-slate-600">{t('campaign.subject')}</dt>
          <dd data-testid="pulso-campaign-subject" lang={c.language}>
            {c.subject}
          </dd>
          {c.preheader && (
            <>
              <dt className="font-semibold text-slate-600">{t('campaign.preheader')}</dt>
              <dd lang={c.language}>{c.preheader}</dd>
            </>
          )}
          <dt className="font-semibold text-slate-600">{t('campaign.cta')}</dt>
          <dd lang={c.language}>{c.callToAction}</dd>
        </dl>
        {missing.length > 0 && (
          <p className="rounded border border-amber-300 bg-amber-50 p-2" data-testid="pulso-campaign-missing">
            {t('campaign.missing', { fields: missing.join(', ') })}
          </p>
        )}
        {notes.length > 0 && (
          <section aria-labelledby="pulso-campaign-notes">
            <h4 id="pulso-campaign-notes" className="text-xs font-semibold text-slate-500 uppercase">
              {t('campaign.notes')}
            </h4>
            <ul className="list-disc pl-5" data-testid="pulso-campaign-notes">
              {notes.map((flag) => (
                <li key={flag} data-flag={flag}>
                  {t(`campaign.flag.${flag}`)}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="pulso-campaign-preview-title" className="space-y-1">
          <h4 id="pulso-campaign-preview-title" className="text-xs font-semibold text-slate-500 uppercase">
            {t('campaign.preview')}
          </h4>
          {/* sandbox="" : no scripts, no forms, no popups, no navigation, an opaque origin; the document's own CSP forbids every remote load. */}
          <iframe
            data-testid="pulso-campaign-preview"
            title={t('campaign.previewFrame')}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={preview}
            className="h-72 w-full rounded border border-slate-200 bg-white"
          />
          <details>
            <summary className="cursor-pointer text-xs text-slate-600">{t('campaign.message')}</summary>
            <p className="mt-1 whitespace-pre-wrap" lang={c.language} data-testid="pulso-campaign-message">
              {c.message}
            </p>
          </details>
        </section>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            data-testid="pulso-campaign-insert"
            onClick={() => void insert('ask')}
            className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800"
          >
            {t('campaign.insert')}
          </button>
          <CopyButton text={c.subject} label={t('campaign.copySubject')} testId="pulso-campaign-copy-subject" />
          <CopyButton text={c.message} label={t('campaign.copyBody')} testId="pulso-campaign-copy-body" />
          <CopyButton text={c.message} html={html} label={t('campaign.copyHtml')} testId="pulso-campaign-copy-html" />
        </div>
        {status.kind === 'confirm' && (
          <div role="alertdialog" aria-label={t('campaign.confirmTitle')} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-2">
            <p className="font-semibold">{t('campaign.confirmTitle')}</p>
            <div className="flex flex-wrap gap-1">
              <button type="button" className={BUTTON} data-testid="pulso-campaign-insert-append" onClick={() => void insert('append')}>
                {t('campaign.append')}
              </button>
              <button type="button" className={BUTTON} data-testid="pulso-campaign-insert-replace" onClick={() => void insert('replace')}>
                {t('campaign.replace')}
              </button>
              <button type="button" className={BUTTON} onClick={() => setStatus({ kind: 'idle' })}>
                {t('campaign.cancel')}
              </button>
            </div>
          </div>
        )}
        {status.kind === 'done' && (
          <p role="status" className="text-emerald-700" data-testid="pulso-campaign-inserted">
            {t('campaign.inserted')}
          </p>
        )}
        {status.kind === 'failed' && (
          <p role="alert" className="text-red-700" data-testid="pulso-campaign-insert-failed">
            {t('campaign.insertFailed', { reason: status.reason })}
          </p>
        )}
        <p className="text-xs text-slate-500">{t('campaign.neverSent')}</p>
      </div>
    </Card>
  );
}
