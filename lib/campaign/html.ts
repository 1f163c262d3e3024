/**
 * The campaign's HTML, made from its plain text by a fixed template: every piece of text is
 * escaped, there are no links, images, scripts or remote loads, and the styles are inline (what
 * email clients keep). And the document a preview or an export wraps it in, whose Content
 * Security Policy forbids scripts, remote loads, forms and frames even if something slipped in.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface CampaignText {
  subject: string;
  preheader: string;
  message: string;
  callToAction: string;
  language: 'es' | 'en';
}

const WRAPPER = 'font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.55;color:#1f2328;max-width:600px;margin:0 auto;padding:24px';
const PREHEADER = 'display:none;max-height:0;overflow:hidden;opacity:0;color:transparent';
const PARAGRAPH = 'margin:0 0 14px';
const BUTTON = 'display:inline-block;padding:10px 18px;background-color:#0b5cad;color:#ffffff;border-radius:6px;font-weight:bold';

/** Paragraphs from blank lines, line breaks inside one as <br>. */
function paragraphsHtml(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="${PARAGRAPH}">${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}

export function renderCampaignHtml(campaign: CampaignText): string {
  return [
    `<div lang="${campaign.language}" style="${WRAPPER}">`,
    campaign.preheader ? `<span style="${PREHEADER}">${escapeHtml(campaign.preheader)}</span>` : '',
    paragraphsHtml(campaign.message),
    campaign.callToAction ? `<p style="margin:22px 0 0"><span style="${BUTTON}">${escapeHtml(campaign.callToAction)}</span></p>` : '',
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** What a preview or an export may load: inline styles and data: images, nothing else. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-src 'none'";

/** A whole HTML document around already-safe body HTML (the sandboxed preview's srcdoc, an export). */
export function previewDocument(bodyHtml: string, options: { title: string; language: 'es' | 'en' }): string {
  return [
    '<!doctype html>',
    `<html lang="${options.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(options.title)}</title>`,
    '</head>',
    '<body style="margin:0;background:#f6f8fa">',
    bodyHtml,
    '</body>',
    '</html>',
  ].join('\n');
}
