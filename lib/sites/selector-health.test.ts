/**
 * Selector health, Refined GitHub style: every selector of every fallback chain in the built-in
 * selector pack must find what a reader used on at least one fixture page (the older and the
 * current markup of each app). A selector nothing exercises is a dead fallback: either a page the
 * readers should handle is missing from e2e/fixtures/, or the selector goes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SELECTOR_PACK_SITES } from '../contracts';
import { scrapePage, SITE_ADAPTERS } from '.';
import { ScrapeTrace } from './query';
import { documentFromHtml } from './saved-page';
import { BUILT_IN_SELECTORS, siteQuery, withScrapeOptions } from './scrape-context';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));

/** Every fixture page with the URL it is read at (from its .expected.json). */
function fixturePages(): { path: string; url: string }[] {
  const pages: { path: string; url: string }[] = [];
  for (const app of SELECTOR_PACK_SITES) {
    for (const file of readdirSync(`${FIXTURES}${app}`)) {
      if (!file.endsWith('.expected.json')) continue;
      const { url } = JSON.parse(readFileSync(`${FIXTURES}${app}/${file}`, 'utf8')) as { url: string };
      pages.push({ path: `${app}/${file.replace(/\.expected\.json$/, '.html')}`, url });
    }
  }
  return pages;
}

function traceAllFixtures(): ScrapeTrace {
  const trace = new ScrapeTrace();
  withScrapeOptions({ trace }, () => {
    for (const { path, url } of fixturePages()) {
      const doc = documentFromHtml(readFileSync(`${FIXTURES}${path}`, 'utf8'));
      scrapePage(doc, url);
      // The content script's other uses of the same chains: list badges and the composer.
      const adapter = SITE_ADAPTERS.find((candidate) => candidate.matches(url))!;
      adapter.readListRows?.(doc, url);
      if (adapter.findComposer) {
        const crm = adapter.crm as 'whatsapp' | 'zendesk';
        siteQuery(crm, BUILT_IN_SELECTORS[crm]).first(doc, 'COMPOSER_EDITABLE');
      }
      // A campaign's reads on record pages: the timeline and deal stage, and the CRM's email composer.
      adapter.readCampaignContext?.(doc, url);
      adapter.findEmailComposer?.(doc, url);
    }
  });
  return trace;
}

/**
 * Chains that fence readers out (the signed-in user's chrome) rather than find values: exercised
 * when they match something on a fixture page of their app.
 */
const GUARDS: Partial<Record<(typeof SELECTOR_PACK_SITES)[number], readonly string[]>> = {
  hubspot: ['GLOBAL_CHROME'],
  zendesk: ['GLOBAL_CHROME'],
};

function guardHits(): Set<string> {
  const hits = new Set<string>();
  for (const { path } of fixturePages()) {
    const site = path.split('/')[0] as (typeof SELECTOR_PACK_SITES)[number];
    const doc = documentFromHtml(readFileSync(`${FIXTURES}${path}`, 'utf8'));
    for (const key of GUARDS[site] ?? []) {
      const chain = (BUILT_IN_SELECTORS[site].chains as Record<string, readonly string[]>)[key]!;
      chain.forEach((selector, index) => {
        if (doc.querySelector(selector)) hits.add(`${site}:${key}:${index}`);
      });
    }
  }
  return hits;
}

describe('selector health', () => {
  const trace = traceAllFixtures();
  const used = trace.used();
  const guards = guardHits();

  it('every fixture page has an expected reading', () => {
    expect(fixturePages().length).toBeGreaterThanOrEqual(20);
  });

  for (const site of SELECTOR_PACK_SITES) {
    it(`every ${site} selector finds something on at least one fixture (no dead fallback)`, () => {
      const dead: string[] = [];
      for (const [key, chain] of Object.entries(BUILT_IN_SELECTORS[site].chains)) {
        const guard = GUARDS[site]?.includes(key);
        chain.forEach((selector, index) => {
          const exercised = guard ? guards.has(`${site}:${key}:${index}`) : used.get(`${site}:${key}`)?.has(index);
          if (!exercised) dead.push(`${key}[${index}] ${selector}`);
        });
      }
      expect(dead).toEqual([]);
    });
  }

  it('fails for a selector no fixture exercises', () => {
    const patched = { ...BUILT_IN_SELECTORS.hubspot.chains, HIGHLIGHT_NAME: [...BUILT_IN_SELECTORS.hubspot.chains.HIGHLIGHT_NAME, '[data-test-id="never-rendered"]'] };
    const index = patched.HIGHLIGHT_NAME.length - 1;
    expect(used.get('hubspot:HIGHLIGHT_NAME')?.has(index)).toBe(false);
  });
});
