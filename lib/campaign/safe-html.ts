import type { Campaign } from '../contracts';
import { previewDocument, renderCampaignHtml } from './html';
import { createCampaignHtmlSanitizer, type HtmlSanitizer } from './sanitize-html';

/** One sanitiser per window (DOMPurify binds to it); null where DOMPurify cannot run. */
const sanitizers = new WeakMap<object, HtmlSanitizer | null>();

export function campaignHtmlSanitizerFor(win: Window | undefined): HtmlSanitizer | null {
  if (!win) return null;
  let sanitizer = sanitizers.get(win);
  if (sanitizer === undefined) {
    try {
      sanitizer = createCampaignHtmlSanitizer(win as never);
    } catch {
      sanitizer = null;
    }
    sanitizers.set(win, sanitizer);
  }
  return sanitizer;
}

/**
 * The campaign's HTML made safe where it is shown: sanitised again in the showing page's window
 * (the panel's CRM page, the history page; DOMPurify needs a real DOM and the service worker has
 * none), whatever the backend already did.
 * Where DOMPurify cannot run, the email is rendered from its text by Pulso's own template
 * (every text escaped) — never shown unsanitised.
 */
export function safeCampaignHtml(campaign: Pick<Campaign, 'html' | 'subject' | 'preheader' | 'message' | 'callToAction' | 'language'>, win: Window | undefined = globalThis.window): string {
  const sanitizer = campaignHtmlSanitizerFor(win);
  if (!sanitizer) return renderCampaignHtml(campaign);
  const clean = sanitizer(campaign.html).html;
  return clean.trim() ? clean : renderCampaignHtml(campaign);
}

/** The sandboxed preview's whole document (its own Content Security Policy: no scripts, no remote loads, no forms). */
export function campaignPreviewDocument(campaign: Parameters<typeof safeCampaignHtml>[0], win: Window | undefined = globalThis.window): string {
  return previewDocument(safeCampaignHtml(campaign, win), { title: campaign.subject, language: campaign.language });
}
