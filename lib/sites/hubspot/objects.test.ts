import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../contracts';
import { scrapePage } from '..';
import { SIGNED_IN_USER, fixtureDocument } from '../saved-page';
import { readHubSpotObjectRecord } from './objects';

function noLeak(json: string, values: readonly string[]): void {
  for (const value of [...values, ...SIGNED_IN_USER]) expect(json).not.toContain(value);
}

describe('HubSpot company record (company-9001.html)', () => {
  const url = 'https://app.hubspot.com/contacts/12345678/record/0-2/9001';
  const result = scrapePage(fixtureDocument('hubspot/company-9001.html'), url);

  it('maps the company properties', () => {
    expect(result).toMatchObject({ crm: 'hubspot', kind: 'record', recordType: 'company', recordId: '9001' });
    expect(result.fields).toEqual({
      company: 'Metalúrgica Andina S.A.',
      phone: '+56 2 2800 1000',
      industry: 'Machinery',
      location: 'Santiago, Región Metropolitana, Chile',
      description: 'Steel structures manufacturer; evaluating backup and DR services after an ERP outage.',
      companySize: 850,
      annualRevenue: 42_000_000,
      source: 'Offline Sources',
      owner: 'Laura Méndez',
      status: 'Lifecycle stage: Opportunity',
    });
    expect(result.missing).toEqual(['fullName', 'jobTitle', 'email']);
    expect(ScrapeResultSchema.parse(result)).toEqual(result);
    noLeak(JSON.stringify(result), ['Old Holdings', '+44', 'Juan Pérez', 'Stale']);
  });
});

describe('HubSpot deal record (deal-7001.html)', () => {
  const url = 'https://app-eu1.hubspot.com/contacts/12345678/record/0-3/7001';
  const doc = fixtureDocument('hubspot/deal-7001.html');
  const result = scrapePage(doc, url);

  it('reads the deal with its associated contact and company; the amount stays in the description', () => {
    expect(result).toMatchObject({ recordType: 'deal', recordId: '7001' });
    expect(result.fields).toEqual({
      fullName: 'María González',
      jobTitle: 'CTO',
      company: 'Metalúrgica Andina S.A.',
      email: 'maria.gonzalez@metalurgicaandina.cl',
      phone: '+56 2 2345 6789',
      industry: 'Machinery',
      description:
        'Metalúrgica Andina - Backup DR 2026 — Amount: $120,000 — Backup and disaster recovery for the ERP after a two-day data loss; technical meeting on Thursday.',
      companySize: 850,
      annualRevenue: 42_000_000,
      owner: 'Laura Méndez',
      status: 'Deal stage: Presentation scheduled',
    });
    expect(result.missing).toEqual(['location', 'source']);
    noLeak(JSON.stringify(result), ['Old Holdings', 'Finance', 'Sales Pipeline', 'Prepare DR']);
  });

});

describe('HubSpot ticket record (ticket-5001.html)', () => {
  const result = scrapePage(fixtureDocument('hubspot/ticket-5001.html'), 'https://app.hubspot.com/contacts/12345678/record/0-5/5001');

  it('reads subject + description, status, priority, source and the associated contact', () => {
    expect(result).toMatchObject({ recordType: 'ticket', recordId: '5001' });
    expect(result.fields).toEqual({
      fullName: 'Peter Novak',
      jobTitle: 'Marketing Coordinator',
      company: 'Brightline Media Ltd',
      email: 'peter.novak@brightlinemedia.co.uk',
      phone: '+44 20 7946 0123',
      industry: 'Marketing and Advertising',
      description:
        'Backup job failing every night — The nightly ERP backup fails with error 0x80070005 since Monday. Production data is at risk; please escalate.',
      companySize: 35,
      annualRevenue: 3_500_000,
      source: 'Email',
      owner: 'Javier Soto',
      status: 'Ticket status: Waiting on us · Priority: High',
    });
    noLeak(JSON.stringify(result), ['Product issue', 'Customer replied']);
  });
});
