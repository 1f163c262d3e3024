import { describe, expect, it } from 'vitest';
import { SHORT_TEXT_MAX } from '../contracts/lead';
import { adapterForUrl } from '.';
import { isVisible, normalizeLabel, textOf } from './dom';
import { columnMap, MAX_ROW_COLUMNS, readTableRows, type ListTableOptions } from './list-table';
import { documentFromHtml, fixtureDocument } from './saved-page';

function listRows(fixture: string, url: string) {
  return adapterForUrl(url)!.readListRows!(fixtureDocument(fixture), url);
}

describe('ListRow.columns: every shown cell by its column label', () => {
  it('HubSpot (2026 index table): the columns no Lead field reads, values from the value node only', () => {
    const [first] = listRows('hubspot/contacts-list-2026.html', 'https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list');
    expect(first?.columns).toMatchObject({
      name: 'Camila Aguirre', // not "Camila Aguirre Preview", not the avatar's initials
      'contact owner': 'Hannah Kowalski', // "(email)" dropped, as in fields.owner
      'lifecycle stage': 'Lead',
      'lead status': 'New',
      'create date (gmt-3)': 'Dec 1, 2026 9:00 AM',
    });
    // The checkbox column has no label: not a column.
    expect(Object.keys(first!.columns!)).not.toContain('');
  });

  it('Salesforce (cells labelled by their headers) and Zendesk (Spanish headers, an empty priority kept as empty)', () => {
    const [lead] = listRows('salesforce/lead-list.html', 'https://nubeandina.lightning.force.com/lightning/o/Lead/list?filterName=00B5g00000MyOpenLeads');
    expect(lead?.columns).toMatchObject({ name: 'Carla Ruiz', 'lead status': 'Open - Not Contacted', 'owner alias': 'lmend' });
    const [ticket] = listRows('zendesk/view-open-tickets.html', 'https://nubeandina.zendesk.com/agent/filters/360001234567');
    expect(ticket?.columns).toMatchObject({ estado: 'Abierto', prioridad: '', actualizado: 'hace 1 h' });
  });

  /** A plain table: first column links to the record; headers in <th>. */
  function plainTable(headers: string[], cells: string[]): Element {
    const th = headers.map((label) => `<th>${label}</th>`).join('');
    const td = cells.map((cell) => `<td>${cell}</td>`).join('');
    const doc = documentFromHtml(`<table><thead><tr>${th}</tr></thead><tbody><tr><td><a href="/r/7">Ana</a></td>${td}</tr></tbody></table>`);
    return doc.querySelector('table')!;
  }
  const plainOptions: ListTableOptions = {
    recordType: 'contact',
    columns: columnMap([[{ field: 'fullName' }, ['name']]]),
    rows: (table) => Array.from(table.querySelectorAll('tr')),
    headers: (table) => Array.from(table.querySelectorAll('th')),
    cells: (row) => Array.from(row.children),
    record: (row) => {
      const link = row.querySelector('a[href^="/r/"]');
      return link ? { recordId: link.getAttribute('href')!.slice(3), link } : undefined;
    },
    headerLabel: (header) => textOf(header),
    cellText: (cell) => textOf(cell),
    isShown: (el) => isVisible(el),
  };

  it('is bounded: at most MAX_ROW_COLUMNS columns, each text at most SHORT_TEXT_MAX', () => {
    const count = MAX_ROW_COLUMNS + 20;
    const headers = ['Name', ...Array.from({ length: count }, (_, i) => `Col ${i}`)];
    const cells = Array.from({ length: count }, (_, i) => (i === 0 ? 'x'.repeat(SHORT_TEXT_MAX * 3) : `v${i}`));
    const [row] = readTableRows(plainTable(headers, cells), plainOptions);
    expect(Object.keys(row!.columns!)).toHaveLength(MAX_ROW_COLUMNS);
    expect(row!.columns!['col 0']).toHaveLength(SHORT_TEXT_MAX);
    expect(row!.fields.fullName).toBe('Ana');
  });

  it('leaves out hidden cells, keeps the first of two columns with one label, and a "__proto__" label is a plain key', () => {
    const table = plainTable(['Name', 'Last contacted', 'Last contacted', 'Secret', '__proto__'], ['Yesterday', 'Today', '<span hidden>x</span>', 'y']);
    table.querySelectorAll('td')[3]!.setAttribute('hidden', '');
    const [row] = readTableRows(table, plainOptions);
    expect(row!.columns).toEqual({ name: 'Ana', 'last contacted': 'Yesterday', ['__proto__']: 'y' });
    expect(Object.getPrototypeOf(row!.columns)).toBe(Object.prototype);
    expect(normalizeLabel('Last contacted:')).toBe('last contacted');
  });
});
