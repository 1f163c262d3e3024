import { parseHTML } from 'linkedom';

/**
 * Parse a saved HTML page into a Document for the adapters (the CLI's
 * `pulso scrape --url URL FILE.html`, and the fixture tests). Node only: the
 * rest of lib/sites runs in a content script and must not import this file.
 * linkedom has no layout, so visibility falls back to the app's own markers
 * (see dom.ts).
 */
export function documentFromHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
