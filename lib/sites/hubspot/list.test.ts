import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../contracts';
import { scrapePage } from '..';
import { SIGNED_IN_USER, fixtureDocument } from '../saved-page';
import { hubspotAdapter } from '.';

const URL_LIST = 'https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list';
const URL_LEGACY = 'https://app-eu1.hubspot.com/contacts/12345678/contacts/list/view/all/';

describe('HubSpot contacts index table (contacts-list.html)', () => {
  const doc = fixtureDocument('hubspot/contacts-list.html');
  const rows = hubspotAdapter.readListRows!(doc, URL_LIST);

  it('reads the 50 shown rows by their record links, never the header, measurement or loading rows', () => {
    expect(rows).toHaveLength(50);
    expect(rows.slice(0, 3).map((row) => [row.recordId, row.fields.fullName])).toEqual([
      ['101', 'María González'],
      ['202', 'Peter Novak'],
      ['1014', 'Lucía Rojas'],
    ]);
    expect(rows.at(-1)?.recordId).toBe('1343');
    expect(rows.map((row) => row.recordId)).not.toContain('999999');
    expect(rows.every((row) => row.recordType === 'contact')).toBe(true);
    const json = JSON.stringify(rows.map((row) => row.fields));
    for (const wrong of ['Measure Row', 'Preview', 'Press to sort', 'Loading', '"--"', ...SIGNED_IN_USER]) expect(json).not.toContain(wrong);
  });

  it('maps the columns by their headers', () => {
    expect(rows[0]!.fields).toEqual({
      fullName: 'María González',
      email: 'contact101@example.com',
      phone: '+1 555 0100',
      owner: 'Laura Méndez',
      company: 'Metalúrgica Andina S.A.',
      status: 'Lifecycle stage: Lead · Lead status: Open',
    });
    expect(rows[4]!.fields.status).toBe('Lifecycle stage: Opportunity');
  });

  it('gives the row and the name cell content for the badge', () => {
    expect(rows[0]!.rowElement.getAttribute('data-test-id')).toBe('row-0');
    expect(rows[0]!.badgeAnchor.querySelector('a')?.getAttribute('href')).toBe('/contacts/12345678/record/0-1/101');
  });

  it('takes ids from the links, not the row position, when the virtualised table re-uses rows', () => {
    const copy = fixtureDocument('hubspot/contacts-list.html');
    const link = copy.querySelector('tr[data-test-id="row-0"] a[href*="/record/0-1/"]')!;
    link.setAttribute('href', '/contacts/12345678/record/0-1/4242');
    link.textContent = 'Scrolled In';
    const first = hubspotAdapter.readListRows!(copy, URL_LIST)[0]!;
    expect([first.recordId, first.fields.fullName]).toEqual(['4242', 'Scrolled In']);
  });

  it('scrape returns kind "list" on the modern and the legacy index URL', () => {
    for (const url of [URL_LIST, URL_LEGACY]) {
      const result = scrapePage(doc, url);
      expect(result).toMatchObject({ crm: 'hubspot', kind: 'list', recordType: 'contact', recordId: '' });
      expect(result.rows).toHaveLength(50);
      expect(ScrapeResultSchema.parse(result)).toEqual(result);
    }
  });

});

describe('HubSpot contacts index table, 2025-26 markup (contacts-list-2026.html)', () => {
  const doc = fixtureDocument('hubspot/contacts-list-2026.html');
  const rows = hubspotAdapter.readListRows!(doc, URL_LIST);

  it('reads every row: names, companies, emails and owners from keyed cells whose headers sit inside sort buttons', () => {
    expect(rows).toHaveLength(50);
    expect(rows[0]).toMatchObject({
      recordId: '6602561600',
      fields: { fullName: 'Camila Aguirre', company: 'Ferretería Los Andes', email: 'camila.0@cliente0.example', owner: 'Hannah Kowalski' },
    });
    expect(rows.every((row) => row.fields.fullName && row.fields.email && row.fields.company)).toBe(true);
  });

  it('an owner "Name (email)" is the name; "No owner" and "--" are no owner', () => {
    expect(rows.filter((row) => row.fields.owner).every((row) => !row.fields.owner!.includes('@'))).toBe(true);
    expect(rows[7]!.fields.owner).toBeUndefined();
    expect(rows[4]!.fields.owner).toBeUndefined();
    const json = JSON.stringify(rows.map((row) => row.fields));
    for (const wrong of ['Preview', 'Call', 'No owner', '"--"', '+1', 'Measure Row', 'Sort by', 'Column actions', 'More', ...SIGNED_IN_USER]) expect(json).not.toContain(wrong);
  });

  it('keys a row by its record id only when its cells agree, and skips a re-used row whose link moved on', () => {
    const copy = fixtureDocument('hubspot/contacts-list-2026.html');
    const link = copy.querySelector('tr[data-test-id="row-6602561600"] a[href*="/record/0-1/"]')!;
    link.setAttribute('href', '/contacts/12345678/record/0-1/4242');
    const read = hubspotAdapter.readListRows!(copy, URL_LIST);
    expect(read.map((row) => row.recordId)).not.toContain('4242');
    expect(read.map((row) => row.recordId)).not.toContain('6602561600');
    expect(read).toHaveLength(49);
    // A name link the app routes itself (no href): the agreeing row and cell keys still name the record.
    link.removeAttribute('href');
    expect(hubspotAdapter.readListRows!(copy, URL_LIST).find((row) => row.recordId === '6602561600')?.fields.fullName).toBe('Camila Aguirre');
    // An older table's "row-0" is a position no cell confirms: never an id.
    const older = fixtureDocument('hubspot/contacts-list.html');
    older.querySelector('tr[data-test-id="row-0"] a[href*="/record/0-1/"]')!.removeAttribute('href');
    expect(hubspotAdapter.readListRows!(older, URL_LIST).map((row) => row.recordId)).not.toContain('0');
  });
});

