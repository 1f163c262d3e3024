import { previewDocument, renderCampaignHtml } from '@/lib/campaign/html';
import { createCampaignHtmlSanitizer, type HtmlSanitizer } from '@/lib/campaign/sanitize-html';
import type { Campaign } from '@/lib/contracts';

/** One sanitiser per window (DOMPurify binds to it); null where DOMPurify cannot run. */
const sanitizers = new WeakMap<object, HtmlSanitizer | null>();

function sanitizerFor(win: Window | undefined): HtmlSanitizer | null {
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
 * The campaign's HTML made safe where it is shown: sanitised again here, in the page's window
 * (DOMPurify needs a real DOM; the service worker has none), whatever the backend already did.
 * Where DOMPurify cannot run, the email is rendered from its text by Pulso's own template
 * (every text escaped) — never shown unsanitised.
 */
export function safeCampaignHtml(campaign: Pick<Campaign, 'html' | 'subject' | 'preheader' | 'message' | 'callToAction' | 'language'>, win: Window | undefined = globalThis.window): string {
  const sanitizer = sanitizerFor(win);
  if (!sanitizer) return renderCampaignHtml(campaign);
  const clean = sanitizer(campaign.html).html;
  return clean.trim() ? clean : renderCampaignHtml(campaign);
}

/** The sandboxed preview's whole document (its own Content Security Policy: no scripts, no remote loads, no forms). */
export function campaignPreviewDocument(campaign: Parameters<typeof safeCampaignHtml>[0], win: Window | undefined = globalThis.window): string {
  return previewDocument(safeCampaignHtml(campaign, win), { title: campaign.subject, language: campaign.language });
}
