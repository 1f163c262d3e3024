/**
 * Sessions observe only an adapter's read scope (lib/content/dom-watch.ts watchRegion), so the
 * scope must hold everything the readers read: on every fixture page that has one, the page with
 * all else taken away reads exactly as the whole page does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SELECTOR_PACK_SITES } from '../contracts';
import { adapterForUrl } from '.';
import { documentFromHtml } from './saved-page';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));

/** Keeps `scope`, its ancestors and what is inside it; removes every other element of the body. */
function keepOnly(scope: Element): void {
  for (let node: Element = scope; node.parentElement; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.children)) if (sibling !== node && node.parentElement.localName !== 'html') sibling.remove();
  }
}

const read = (doc: Document, url: string) => {
  const adapter = adapterForUrl(url)!;
  const { fields, rows, conversation, recordId } = adapter.scrape(doc, url);
  const listed = adapter.readListRows?.(doc, url).map((row) => [row.recordId, row.fields, row.columns]);
  return { fields, rows, conversation, recordId, listed };
};

const pages = SELECTOR_PACK_SITES.flatMap((app) =>
  readdirSync(`${FIXTURES}${app}`)
    .filter((name) => name.endsWith('.expected.json'))
    .map((file) => ({
      name: `${app}/${file.replace(/\.expected\.json$/, '.html')}`,
      url: (JSON.parse(readFileSync(`${FIXTURES}${app}/${file}`, 'utf8')) as { url: string }).url,
      html: readFileSync(`${FIXTURES}${app}/${file.replace(/\.expected\.json$/, '.html')}`, 'utf8'),
    })),
);

describe('the read scope holds everything the page is read from', () => {
  for (const { name, url, html } of pages) {
    it(name, () => {
      const whole = documentFromHtml(html);
      const cut = documentFromHtml(html);
      const scope = adapterForUrl(url)!.readScope?.(cut, url);
      if (!scope) return; // the session observes the whole body: nothing to hold
      expect(scope).not.toBe(cut.body);
      keepOnly(scope);
      expect(read(cut, url)).toEqual(read(whole, url));
    });
  }

  it('every app narrows what is observed on its fixture pages', () => {
    const scoped = new Set(pages.filter(({ url, html }) => adapterForUrl(url)!.readScope?.(documentFromHtml(html), url)).map(({ name }) => name.split('/')[0]));
    expect([...scoped].sort()).toEqual([...SELECTOR_PACK_SITES].sort());
  });
});
