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

/** Median time (ms) of `runs` calls after `warm` warm-up calls. */
export function medianMs(fn: () => void, runs = 25, warm = 10): number {
  for (let i = 0; i < warm; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
