/**
 * The list badges read a list a slice at a time (SiteAdapter.listRowReader): the row elements
 * found at once, each row read when its slice's turn comes. On every list fixture, read that
 * way — in slices, with the page changed elsewhere between two of them — the rows are exactly
 * those `readListRows` reads at once; off list pages there is no reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SELECTOR_PACK_SITES } from '../contracts';
import { adapterForUrl } from '.';
import { documentFromHtml } from './saved-page';
import type { ListRow } from './types';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));

const pages = SELECTOR_PACK_SITES.flatMap((app) =>
  readdirSync(`${FIXTURES}${app}`)
    .filter((name) => name.endsWith('.expected.json'))
    .map((file) => ({
      name: `${app}/${file.replace(/\.expected\.json$/, '.html')}`,
      url: (JSON.parse(readFileSync(`${FIXTURES}${app}/${file}`, 'utf8')) as { url: string }).url,
      html: readFileSync(`${FIXTURES}${app}/${file.replace(/\.expected\.json$/, '.html')}`, 'utf8'),
    })),
);
const lists = pages.filter(({ url }) => adapterForUrl(url)!.pageKind(url)?.kind === 'list');

const shape = (row: ListRow) => ({ ...row, rowElement: row.rowElement.outerHTML.length, badgeAnchor: row.badgeAnchor.tagName });

describe('reading a list a slice at a time', () => {
  it('every site with lists has list fixtures to read', () => {
    expect(new Set(lists.map(({ name }) => name.split('/')[0]))).toEqual(new Set(['hubspot', 'salesforce', 'zendesk']));
  });

  for (const { name, url, html } of lists) {
    it(`${name}: slices of 3, the page changed elsewhere in between, read the same rows as all at once`, () => {
      const adapter = adapterForUrl(url)!;
      const whole = adapter.readListRows!(documentFromHtml(html), url);
      expect(whole.length).toBeGreaterThan(3);

      const doc = documentFromHtml(html);
      const reader = adapter.listRowReader!(doc, url)!;
      const read: ListRow[] = [];
      for (let start = 0; start < reader.rows.length; start += 3) {
        // The page's turn: it changes something outside the list (a toast, the nav).
        doc.body.append(doc.createElement('div'));
        for (const element of reader.rows.slice(start, start + 3)) {
          const row = reader.read(element);
          if (row) read.push(row);
        }
      }
      expect(read.map(shape)).toEqual(whole.map(shape));
      // The row elements are the list's: a read row's element is one of them.
      expect(read.every((row) => reader.rows.includes(row.rowElement))).toBe(true);
    });
  }

  it('a record read once is not read again by the same reader (a stale duplicate row)', () => {
    const { url, html } = lists.find(({ name }) => name === 'hubspot/contacts-list.html')!;
    const reader = adapterForUrl(url)!.listRowReader!(documentFromHtml(html), url)!;
    const first = reader.rows.map((element) => reader.read(element)).find(Boolean)!;
    expect(reader.read(first.rowElement)).toBeUndefined();
  });

  it('off list pages, and on a list URL without its table, there is no reader', () => {
    for (const { url, html } of pages.filter((page) => !lists.includes(page))) {
      expect(adapterForUrl(url)!.listRowReader?.(documentFromHtml(html), url)).toBeUndefined();
    }
    for (const { url } of lists) expect(adapterForUrl(url)!.listRowReader!(documentFromHtml('<html><body><main></main></body></html>'), url)?.rows ?? []).toEqual([]);
  });
});
