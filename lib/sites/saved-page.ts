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
  return parseHTML(html).document as unknown as Document;
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

