import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../contracts';
import { scrapePage } from '..';
import { SIGNED_IN_USER, fixtureDocument } from '../saved-page';
import { salesforceAdapter } from '.';

const URL_LIST = 'https://nubeandina.lightning.force.com/lightning/o/Lead/list?filterName=00B5g00000MyOpenLeads';

describe('Salesforce Lead list view (lead-list.html)', () => {
  const doc = fixtureDocument('salesforce/lead-list.html');
  const rows = salesforceAdapter.readListRows!(doc, URL_LIST);

  it('reads the 25 shown rows, by record id, never the cached list, header or spinner rows', () => {
    expect(rows).toHaveLength(25);
    expect(rows.slice(0, 3).map((row) => [row.recordId, row.fields.fullName])).toEqual([
      ['00Q5g00000Lr001EAA', 'Carla Ruiz'],
      ['00Q5g00000Lr002EAA', 'Diego Fuentes'],
      ['00Q5g00000Lr003EAA', 'Sofía Herrera'],
    ]);
    expect(rows.at(-1)?.recordId).toBe('00Q5g00000Lr025EAA');
    expect(new Set(rows.map((row) => row.recordId)).size).toBe(25);
    expect(rows.every((row) => row.recordId.startsWith('00Q') && row.recordType === 'lead')).toBe(true);
    const json = JSON.stringify(rows.map((row) => row.fields));
    for (const wrong of ['Vidal', 'diego.fuentes@vinalosrobles', 'Sort by', 'Edit Name', 'Loading', 'Show Actions', ...SIGNED_IN_USER]) {
      expect(json).not.toContain(wrong);
    }
  });

  it('maps every column by its data-label', () => {
    expect(rows[0]!.fields).toEqual({
      fullName: 'Carla Ruiz',
      jobTitle: 'CTO',
      company: 'Logística Austral SpA',
      email: 'carla.ruiz@example0.cl',
      phone: '+56 2 2000 1000',
      owner: 'lmend',
      status: 'Lead status: Open - Not Contacted',
    });
  });

  it('gives the row and the name cell content for the badge', () => {
    const first = rows[0]!;
    expect(first.rowElement.getAttribute('data-row-key-value')).toBe('00Q5g00000Lr001EAA');
    expect(first.badgeAnchor.tagName.toLowerCase()).toBe('lightning-primitive-cell-factory');
    expect(first.badgeAnchor.parentElement?.getAttribute('data-label')).toBe('Name');
    expect(first.badgeAnchor.querySelector('a')?.getAttribute('data-recordid')).toBe('00Q5g00000Lr001EAA');
  });

  it('scrape returns kind "list" with the rows', () => {
    const result = scrapePage(doc, URL_LIST);
    expect(result).toMatchObject({ crm: 'salesforce', kind: 'list', recordType: 'lead', recordId: '', fields: {}, missing: [] });
    expect(result.rows).toHaveLength(25);
    expect(result.rows[1]).toEqual({ recordId: rows[1]!.recordId, fields: rows[1]!.fields });
    expect(ScrapeResultSchema.parse(result)).toEqual(result);
  });

  it('drops a re-used row whose key and link disagree, and rows no longer shown', () => {
    const copy = fixtureDocument('salesforce/lead-list.html');
    const trs = copy.querySelectorAll('#crm-list-root tr[data-row-key-value]');
    trs[0]!.setAttribute('data-row-key-value', '00Q5g00000Lr099EAA');
    trs[1]!.setAttribute('style', 'display:none');
    const ids = salesforceAdapter.readListRows!(copy, URL_LIST).map((row) => row.recordId);
    expect(ids).toHaveLength(23);
    expect(ids).not.toContain('00Q5g00000Lr001EAA');
    expect(ids).not.toContain('00Q5g00000Lr002EAA');
  });

});
