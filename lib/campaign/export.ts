import type { CampaignHistoryEntry } from '../contracts';
import { toCsv } from '../history/export';
import { escapeHtml, previewDocument, renderCampaignHtml } from './html';
import type { HtmlSanitizer } from './sanitize-html';

/**
 * Campaign runs as the history keeps and exports them: JSON (as stored), CSV (one row per run,
 * the same CSV-injection-safe writer as the classification history) and HTML (one
 * self-contained file of the previews, under a policy that forbids scripts and remote loads).
 */
export { CampaignHistoryEntrySchema, type CampaignHistoryEntry } from '../contracts';

export const CAMPAIGN_CSV_COLUMNS = [
  'createdAt',
  'crm',
  'recordType',
  'recordId',
  'url',
  'fullName',
  'company',
  'email',
  'segment',
  'suggestedProduct',
  'subject',
  'preheader',
  'callToAction',
  'message',
  'language',
  'source',
  'rescue',
  'flags',
  'missing',
] as const;
export type CampaignCsvColumn = (typeof CAMPAIGN_CSV_COLUMNS)[number];

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function campaignCsvRow(entry: CampaignHistoryEntry): Record<CampaignCsvColumn, string> {
  const c = entry.campaign;
  return {
    createdAt: new Date(entry.createdAt).toISOString(),
    crm: text(entry.crm),
    recordType: text(entry.recordType),
    recordId: entry.recordId,
    url: entry.url,
    fullName: text(entry.input.fullName),
    company: text(entry.input.company),
    email: text(entry.input.email),
    segment: c.segment,
    suggestedProduct: c.suggestedProduct,
    subject: c.subject,
    preheader: c.preheader,
    callToAction: c.callToAction,
    message: c.message,
    language: c.language,
    source: c.source,
    rescue: c.rescue ? 'yes' : '',
    flags: (c.flags ?? []).join(' '),
    missing: (c.missing ?? []).join(' '),
  };
}

export function campaignsToCsv(entries: readonly CampaignHistoryEntry[]): string {
  return toCsv(CAMPAIGN_CSV_COLUMNS, entries.map(campaignCsvRow));
}

export function campaignsToJson(entries: readonly CampaignHistoryEntry[], exportedAt = Date.now()): string {
  return JSON.stringify({ format: 'pulso-campaigns', version: 1, exportedAt: new Date(exportedAt).toISOString(), entries }, null, 2);
}

export interface CampaignHtmlExportOptions {
  title: string;
  language: 'es' | 'en';
  /** With a sanitiser (the extension's window), each preview is the campaign's HTML sanitised again; without one, its text rendered by Pulso's template. */
  sanitize?: HtmlSanitizer;
  exportedAt?: number;
}

const META = 'font:13px/1.4 Arial,Helvetica,sans-serif;color:#57606a;margin:0 0 6px';
const SECTION = 'max-width:680px;margin:24px auto;background:#ffffff;border:1px solid #d0d7de;border-radius:8px;padding:16px';

/** One self-contained HTML file of the previews: no script, no remote load, every text escaped. */
export function campaignsToHtml(entries: readonly CampaignHistoryEntry[], options: CampaignHtmlExportOptions): string {
  const sections = entries.map((entry) => {
    const c = entry.campaign;
    const who = [entry.input.fullName, entry.input.company, entry.input.email].filter((v) => v !== undefined && String(v).trim() !== '').map((v) => escapeHtml(String(v)));
    const body = options.sanitize ? options.sanitize(c.html).html : renderCampaignHtml(c);
    const source = c.rescue ? `${c.source} (rescue)` : c.source;
    return [
      `<section style="${SECTION}">`,
      `<p style="${META}">${escapeHtml(new Date(entry.createdAt).toISOString())} · ${who.join(' · ')}</p>`,
      `<p style="${META}">${escapeHtml(c.segment)} · ${escapeHtml(c.suggestedProduct)} · ${escapeHtml(source)} · ${escapeHtml(c.language)}</p>`,
      `<h2 style="font:bold 18px Arial,Helvetica,sans-serif;margin:8px 0 4px">${escapeHtml(c.subject)}</h2>`,
      c.preheader ? `<p style="${META}">${escapeHtml(c.preheader)}</p>` : '',
      body,
      '</section>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const exportedAt = new Date(options.exportedAt ?? Date.now()).toISOString();
  const header = `<h1 style="font:bold 20px Arial,Helvetica,sans-serif;text-align:center;margin:24px 0 0">${escapeHtml(options.title)}</h1><p style="${META};text-align:center">${escapeHtml(exportedAt)} · ${entries.length}</p>`;
  return previewDocument([header, ...sections].join('\n'), { title: options.title, language: options.language });
}
