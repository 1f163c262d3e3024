import type { HtmlSanitizer } from '../../lib/campaign/sanitize-html';

/**
 * The campaign HTML sanitiser in Node: DOMPurify needs a full DOM, and linkedom is not one
 * (DOMPurify reports it unsupported and would pass HTML through), so this is jsdom. jsdom
 * takes a second or more to load, so it loads on the first model HTML to clean, once; rules
 * campaigns never need it (their HTML is built from escaped text).
 */
let sanitizer: Promise<HtmlSanitizer> | undefined;

export function nodeCampaignHtmlSanitizer(): Promise<HtmlSanitizer> {
  sanitizer ??= (async () => {
    const [{ JSDOM }, { createCampaignHtmlSanitizer }] = await Promise.all([import('jsdom'), import('../../lib/campaign/sanitize-html')]);
    return createCampaignHtmlSanitizer(new JSDOM('<!doctype html><html><body></body></html>').window as never);
  })();
  return sanitizer;
}
