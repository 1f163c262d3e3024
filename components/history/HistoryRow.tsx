import { LEAD_FIELDS, type Priority } from '@/lib/contracts';
import type { HistoryEntry } from '@/lib/history';
import { siteOf } from '@/lib/sites/registry';
import { useContext } from 'react';
import { UiLanguageContext } from '@/components/ui/use-translate';
import { usePageTranslate } from '@/components/ui/use-page-translate';

// Darker than the panel's badges: white text on them passes WCAG AA contrast.
const PRIORITY_CLASS: Record<Priority, string> = {
  P1: 'bg-red-700 text-white',
  P2: 'bg-orange-700 text-white',
  P3: 'bg-sky-700 text-white',
  P4: 'bg-slate-600 text-white',
};

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** A link only for web addresses: the URL was read from a page, and a javascript: one must not become clickable. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** One result: everything read from the page is rendered as text, never as markup. */
export function HistoryRow({ entry, onDelete }: { entry: HistoryEntry; onDelete: (name: string) => void }) {
  const t = usePageTranslate();
  const lang = useContext(UiLanguageContext);
  const name = entry.input.fullName || entry.input.company || entry.input.email || t('history.noName');
  const href = safeHref(entry.url);
  const crm = siteOf(entry.crm).shortLabel;
  const fields = LEAD_FIELDS.filter((field) => entry.input[field] !== undefined && String(entry.input[field]).trim() !== '');

  return (
    <tr data-testid="history-row" data-history-id={entry.id} className="border-t border-slate-200 align-top">
      <td className="px-3 py-2 whitespace-nowrap">
        <time dateTime={new Date(entry.createdAt).toISOString()} data-testid="history-when">
          {new Date(entry.createdAt).toLocaleString(lang)}
        </time>
      </td>
      <td className="px-3 py-2">
        <div className="font-semibold" data-testid="history-crm" data-crm={entry.crm}>
          {crm}
        </div>
        <div className="text-xs text-slate-600" data-testid="history-kind" data-kind={entry.kind}>
          {t(`history.kind.${entry.kind}`)}
        </div>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="history-record" data-record-id={entry.recordId}
            aria-label={t('history.openRecord', { recordType: entry.recordType, recordId: entry.recordId, crm })}
            className={`text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
            {entry.recordType} {entry.recordId}
          </a>
        ) : (
          <span data-testid="history-record" data-record-id={entry.recordId}>
            {entry.recordType} {entry.recordId}
          </span>
        )}
      </td>
      <td className="max-w-xs px-3 py-2">
        <details>
          <summary className={`cursor-pointer rounded ${focusRing}`}>
            <span className="font-semibold" data-testid="history-name">{name}</span>
            {entry.input.company && entry.input.company !== name && <span className="text-slate-600"> · {entry.input.company}</span>}
            <span className="sr-only"> — {t('history.showInput')}</span>
          </summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs" data-testid="history-input">
            {fields.map((field) => (
              <div key={field} className="contents">
                <dt className="font-semibold text-slate-600">{field}</dt>
                <dd className="break-words whitespace-pre-wrap">{String(entry.input[field])}</dd>
              </div>
            ))}
          </dl>
        </details>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <span className="mr-1 inline-block rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-bold text-indigo-800" data-testid="history-stage">
          {entry.stage}
        </span>
        <span className={`mr-1 inline-block rounded px-1.5 py-0.5 text-xs font-bold ${PRIORITY_CLASS[entry.priority]}`} data-testid="history-priority">
          {entry.priority}
        </span>
        <span className="text-xs text-slate-700">{t('history.sla', { hours: entry.result.slaHours })}</span>
      </td>
      <td className="px-3 py-2 text-xs">
        <div className="font-semibold" data-testid="history-source" data-source={entry.source}>
          {t(`history.source.${entry.source}`)}
        </div>
        <div className="text-slate-600" data-testid="history-origin" data-origin={entry.origin}>
          {t(`history.origin.${entry.origin}`)} · {t('history.latency', { ms: Math.round(entry.latencyMs) })}
        </div>
      </td>
      <td className="px-3 py-2">
        <button type="button" data-testid="history-delete" aria-label={t('history.deleteRow', { name })} onClick={() => onDelete(name)}
          className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-red-700 hover:bg-red-50 ${focusRing}`}>
          {t('history.delete')}
        </button>
      </td>
    </tr>
  );
}
