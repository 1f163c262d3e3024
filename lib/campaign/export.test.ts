import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../history/export';
import { campaignsToCsv, campaignsToHtml, campaignsToJson, CampaignHistoryEntrySchema, type CampaignHistoryEntry } from './export';
import { generateCampaignByRules } from './generate';
import { PREVIEW_CSP } from './html';
import { createCampaignHtmlSanitizer } from './sanitize-html';
import { EN_EVALUATING, IT_PROFILE, RICH_ES } from './test-fixtures';

const entry = (input: typeof RICH_ES | typeof EN_EVALUATING, at: number): CampaignHistoryEntry =>
  CampaignHistoryEntrySchema.parse({ createdAt: at, crm: 'hubspot', recordType: 'contact', recordId: '101', url: 'https://app.hubspot.com/contacts/1/record/0-1/101', input: input.lead, campaign: generateCampaignByRules(input, IT_PROFILE) });

const ENTRIES = [entry(RICH_ES, Date.UTC(2025, 2, 4, 9)), entry(EN_EVALUATING, Date.UTC(2025, 2, 5, 9))];

describe('campaign exports', () => {
  it('CSV: a header and one row per run, in order, spreadsheet formulas defused, parsing back to the same text', () => {
    const hostile = { ...ENTRIES[1]!, input: { ...ENTRIES[1]!.input, company: '=HYPERLINK("https://evil.example","x")' } };
    const csv = campaignsToCsv([ENTRIES[0]!, hostile]);
    const rows = parseCsvRecords(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ segment: 'hot', suggestedProduct: 'Managed cybersecurity', language: 'es', source: 'rules', fullName: 'Lucía Gómez' });
    expect(rows[0]!.message).toBe(ENTRIES[0]!.campaign.message);
    expect(rows[1]!.company).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('JSON: the entries as stored, with a format and version', () => {
    const parsed = JSON.parse(campaignsToJson(ENTRIES, Date.UTC(2025, 2, 6)));
    expect(parsed).toMatchObject({ format: 'pulso-campaigns', version: 1, exportedAt: '2025-03-06T00:00:00.000Z' });
    expect(parsed.entries.map((e: unknown) => CampaignHistoryEntrySchema.parse(e))).toEqual(ENTRIES);
  });

  it('HTML: one self-contained file of the previews, no script and no remote load even from a hostile record', () => {
    const hostile: CampaignHistoryEntry = {
      ...ENTRIES[1]!,
      input: { ...ENTRIES[1]!.input, fullName: '<script>alert(1)</script>' },
      campaign: { ...ENTRIES[1]!.campaign, subject: '<img src=x onerror=alert(1)>', html: '<p>ok</p><script>alert(1)</script><img src="https://tracker.example/p.gif">' },
    };
    for (const options of [{}, { sanitize: createCampaignHtmlSanitizer(new JSDOM('').window as never) }]) {
      const html = campaignsToHtml([ENTRIES[0]!, hostile], { title: 'Pulso — campaigns', language: 'en', exportedAt: Date.UTC(2025, 2, 6), ...options });
      expect(html).toContain(`content="${PREVIEW_CSP}"`);
      const doc = new JSDOM(html).window.document;
      expect(doc.querySelectorAll('script, img, link, iframe, form')).toHaveLength(0);
      expect(doc.querySelectorAll('section')).toHaveLength(2);
      expect(doc.body.innerHTML).not.toMatch(/tracker\.example/);
      for (const el of doc.querySelectorAll('*')) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
      expect(doc.querySelectorAll('h2')[1]!.textContent).toBe('<img src=x onerror=alert(1)>');
      expect(doc.body.textContent).toContain('Hola Lucía,');
    }
  });
});
