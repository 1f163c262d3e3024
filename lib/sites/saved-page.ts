import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

/**
 * Parse a saved HTML page into a Document for the adapters (the CLI's
 * `pulso scrape --url URL FILE.html`, and the fixture tests). Node only: the
 * rest of lib/sites runs in a content script and must not import this file.
 * linkedom has no layout, so visibility falls back to the app's own markers
 * (see dom.ts).
 */
export function documentFromHtml(html: string): Document {
  // linkedom leaves a page without an <html> element with no documentElement at all, and then
  // every query throws: a fragment or bare text is parsed as the body of an empty page instead.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const document = parseHTML(page).document as unknown as Document;
  return document.documentElement ? document : (parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document);
}

/**
 * Why `bytes` cannot be a saved web page, in words for the person who gave the file, or undefined
 * when it looks like one: empty, binary (an image, a PDF, an archive), or text with no HTML tags.
 */
export function savedPageProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0 || new TextDecoder().decode(bytes).trim() === '') {
    return 'the file is empty — save the page from the browser (Ctrl+S / Cmd+S, "Webpage, Complete" or "HTML only") and pass that file';
  }
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, '%PDF')) return 'the file is a PDF, not a saved web page';
  if (startsWith(head, 'PK\u0003\u0004')) return 'the file is a ZIP archive (a .docx, .xlsx or .zip?), not a saved web page';
  if (head.includes(0)) return 'the file is binary (an image or an archive?), not a saved web page';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if ((text.match(/\uFFFD/g) ?? []).length > text.length / 20) return 'the file is not UTF-8 text, so not a saved web page';
  if (!/<(?:!doctype\s+html|html|head|body|div|main|table|span|section)[\s>]/i.test(text) && !/<[a-z][\w-]*[\s>]/i.test(new TextDecoder().decode(bytes))) {
    return 'the file has no HTML tags — it is plain text, not a saved web page';
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i += 1) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/* Fixture pages (e2e/fixtures/) for the adapters' tests and benchmarks. */

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));

export function fixtureHtml(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export function fixtureDocument(path: string): Document {
  return documentFromHtml(fixtureHtml(path));
}

/** The signed-in rep every fixture shows in the CRM's chrome. */
export const SIGNED_IN_USER = ['Andrea Salazar', 'andrea.salazar@nubeandina.io', 'nubeandina.io'];

