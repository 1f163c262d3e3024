/** Test support: read a fixture page from e2e/fixtures/ (Node only, like saved-page.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentFromHtml } from './saved-page';

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
