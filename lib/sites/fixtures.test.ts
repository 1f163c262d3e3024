/**
 * Every fixture page reads exactly as its .expected.json says (the older and the current markup of
 * each app). scripts/scrape-accuracy.ts turns the same files into per-app accuracy figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SELECTOR_PACK_SITES, ScrapeResultSchema } from '../contracts';
import { scrapePage } from '.';
import { documentFromHtml } from './saved-page';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));

interface Expected {
  url: string;
  kind: 'record' | 'list' | 'conversation';
  fields?: Record<string, unknown>;
  rows?: { recordId: string; fields: Record<string, unknown> }[];
  conversation?: Record<string, unknown>;
}

for (const app of SELECTOR_PACK_SITES) {
  describe(`${app} fixture pages read as expected`, () => {
    for (const file of readdirSync(`${FIXTURES}${app}`).filter((name) => name.endsWith('.expected.json'))) {
      const page = file.replace(/\.expected\.json$/, '.html');
      it(page, () => {
        const expected = JSON.parse(readFileSync(`${FIXTURES}${app}/${file}`, 'utf8')) as Expected;
        const result = scrapePage(documentFromHtml(readFileSync(`${FIXTURES}${app}/${page}`, 'utf8')), expected.url);
        expect(ScrapeResultSchema.parse(result)).toEqual(result);
        expect(result.kind).toBe(expected.kind);
        if (expected.fields) expect(result.fields).toEqual(expected.fields);
        if (expected.rows) expect(result.rows).toEqual(expected.rows);
        if (expected.conversation) expect(result.conversation).toMatchObject(expected.conversation);
      });
    }
  });
}
