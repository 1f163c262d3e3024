import { useContext, useState } from 'react';
import { campaignsToCsv, campaignsToHtml, campaignsToJson } from '@/lib/campaign/export';
import { campaignHtmlSanitizerFor, campaignPreviewDocument } from '@/lib/campaign/safe-html';
import type { CampaignHistoryEntry } from '@/lib/contracts';
import { siteOf } from '@/lib/sites/registry';
import { usePageTranslate } from '@/components/ui/use-page-translate';
import { UiLanguageContext } from '@/components/ui/use-translate';

export type StoredCampaign = CampaignHistoryEntry & { id: number };

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const button = `rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 hover:bg-slate-100 disabled:opacity-50 ${focusRing}`;

/**
 * The campaigns beside the classifications: who, what (segment, product, subject), how it was
 * made (model, rules, rescue; backend or offline), a sandboxed preview on demand, and the
 * exports — one self-contained HTML file of the previews (sanitised again in this page), JSON
 * and CSV — of what the filters show.
 */
export function CampaignHistory({
  entries,
  total,
  download,
  onDelete,
  onExported,
}: {
  entries: StoredCampaign[];
  total: number;
  download: (fileName: string, mimeType: string, text: string) => void;
  onDelete: (id: number, name: string) => void;
  onExported: (count: number) => void;
}) {
  const t = usePageTranslate();
  const lang = useContext(UiLanguageContext);

  function exportAs(format: 'html' | 'json' | 'csv') {
    const stamp = new Date().toISOString().slice(0, 10);
    const name = `pulso-campaigns-${stamp}.${format}`;
    if (format === 'csv') download(name, 'text/csv;charset=utf-8', campaignsToCsv(entries));
    else if (format === 'json') download(name, 'application/json', campaignsToJson(entries));
    else download(name, 'text/html;charset=utf-8', campaignsToHtml(entries, { title: t('history.campaigns.exportTitle'), language: lang, sanitize: campaignHtmlSanitizerFor(globalThis.window) ?? undefined }));
    onExported(entries.length);
  }

  return (
    <section aria-labelledby="history-campaigns-title" className="space-y-2" data-testid="history-campaigns">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="history-campaigns-title" className="mr-auto text-lg font-semibold text-indigo-700">
          {t('history.campaigns.title')} <span className="text-sm font-normal text-slate-600" data-testid="history-campaigns-count">{t('history.campaigns.count', { shown: entries.length, total })}</span>
        </h2>
        {(['html', 'json', 'csv'] as const).map((format) => (
          <button key={format} type="button" data-testid={`history-campaigns-export-${format}`} className={button} disabled={entries.length === 0} onClick={() => exportAs(format)}>
            {t(`history.campaigns.export.${format}`)}
          </button>
        ))}
      </div>
      {entries.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-left text-sm" data-testid="history-campaigns-table">
            <caption className="sr-only">{t('history.campaigns.table')}</caption>
            <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase">
              <tr>
                {(['when', 'where', 'recipient', 'campaign', 'source', 'actions'] as const).map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-semibold">
                    {t(`history.campaigns.col.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <CampaignRow key={entry.id} entry={entry} onDelete={onDelete} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CampaignRow({ entry, onDelete }: { entry: StoredCampaign; onDelete: (id: number, name: string) => void }) {
  const t = usePageTranslate();
  const lang = useContext(UiLanguageContext);
  const [previewing, setPreviewing] = useState(false);
  const c = entry.campaign;
  const name = entry.input.fullName || entry.input.company || entry.input.email || t('history.noName');
  const source = c.rescue ? 'rescue' : c.source;
  return (
    <tr data-testid="history-campaign-row" data-campaign-id={entry.id} className="border-t border-slate-200 align-top">
      <td className="px-3 py-2 whitespace-nowrap">
        <time dateTime={new Date(entry.createdAt).toISOString()}>{new Date(entry.createdAt).toLocaleString(lang)}</time>
      </td>
      <td className="px-3 py-2">
        <div className="font-semibold">{entry.crm ? siteOf(entry.crm).shortLabel : '—'}</div>
        <div className="text-xs text-slate-600">
          {entry.recordType} {entry.recordId}
        </div>
      </td>
      <td className="max-w-xs px-3 py-2">
        <span className="font-semibold" data-testid="history-campaign-name">
          {name}
        </span>
        {entry.input.company && entry.input.company !== name && <span className="text-slate-600"> · {entry.input.company}</span>}
      </td>
      <td className="max-w-md px-3 py-2">
        <div className="text-xs text-slate-600">
          {c.segment} · {c.suggestedProduct}
        </div>
        <div className="font-semibold" lang={c.language} data-testid="history-campaign-subject">
          {c.subject}
        </div>
        <details onToggle={(event) => setPreviewing((event.target as HTMLDetailsElement).open)}>
          <summary className={`cursor-pointer rounded text-xs text-indigo-700 ${focusRing}`}>{t('history.campaigns.preview')}</summary>
          {previewing && (
            <iframe title={t('campaign.previewFrame')} sandbox="" referrerPolicy="no-referrer" srcDoc={campaignPreviewDocument(c)} className="mt-1 h-64 w-full rounded border border-slate-200" data-testid="history-campaign-preview" />
          )}
        </details>
      </td>
      <td className="px-3 py-2 text-xs">
        <div className="font-semibold" data-testid="history-campaign-source" data-source={source}>
          {t(`history.campaigns.source.${source}`)}
        </div>
        <div className="text-slate-600">
          {entry.origin ? t(`history.origin.${entry.origin}`) : ''}
          {entry.latencyMs !== undefined ? ` · ${t('history.latency', { ms: Math.round(entry.latencyMs) })}` : ''}
        </div>
      </td>
      <td className="px-3 py-2">
        <button type="button" data-testid="history-campaign-delete" aria-label={t('history.campaigns.deleteRow', { name })} onClick={() => onDelete(entry.id, name)}
          className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-red-700 hover:bg-red-50 ${focusRing}`}>
          {t('history.delete')}
        </button>
      </td>
    </tr>
  );
}
