import { fixtureDocument } from '../lib/sites/saved-page';
import { hubspotAdapter } from '../lib/sites/hubspot';
import { salesforceAdapter } from '../lib/sites/salesforce';
import type { SiteAdapter } from '../lib/sites/types';
import { whatsappAdapter } from '../lib/sites/whatsapp';
import { zendeskAdapter } from '../lib/sites/zendesk';
import { percentile } from './stats';

const CASES: { name: string; adapter: SiteAdapter; fixture: string; url: string; list?: boolean; target?: number }[] = [
  { name: 'HubSpot contact record', adapter: hubspotAdapter, fixture: 'hubspot/contact-101.html', url: 'https://app.hubspot.com/contacts/12345678/record/0-1/101' },
  { name: 'HubSpot deal record', adapter: hubspotAdapter, fixture: 'hubspot/deal-7001.html', url: 'https://app-eu1.hubspot.com/contacts/12345678/record/0-3/7001' },
  { name: 'Salesforce lead record', adapter: salesforceAdapter, fixture: 'salesforce/lead-00Q5g00000Lq7XyEAJ.html', url: 'https://nubeandina.lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view' },
  { name: 'WhatsApp chat (200 messages)', adapter: whatsappAdapter, fixture: 'whatsapp/chat-200.html', url: 'https://web.whatsapp.com/', target: 10 },
  { name: 'WhatsApp chat, late-2026 markup (200 messages)', adapter: whatsappAdapter, fixture: 'whatsapp/chat-200-2026.html', url: 'https://web.whatsapp.com/', target: 10 },
  { name: 'HubSpot contact record, 2025-26 markup', adapter: hubspotAdapter, fixture: 'hubspot/contact-2026.html', url: 'https://app.hubspot.com/contacts/12345678/record/0-1/7301' },
  { name: 'Salesforce console case with related cards', adapter: salesforceAdapter, fixture: 'salesforce/case-console-5005g00000Wq8ZbAAJ.html', url: 'https://nubeandina.lightning.force.com/lightning/r/Case/5005g00000Wq8ZbAAJ/view' },
  { name: 'Zendesk ticket, 2025-26 markup', adapter: zendeskAdapter, fixture: 'zendesk/ticket-2026.html', url: 'https://nubeandina.zendesk.com/agent/tickets/5230' },
  { name: 'Zendesk email ticket', adapter: zendeskAdapter, fixture: 'zendesk/ticket-4821.html', url: 'https://nubeandina.zendesk.com/agent/tickets/4821' },
  { name: 'HubSpot contacts list (50 rows)', adapter: hubspotAdapter, fixture: 'hubspot/contacts-list.html', url: 'https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list', list: true },
  { name: 'HubSpot contacts list, 2025-26 markup (50 rows)', adapter: hubspotAdapter, fixture: 'hubspot/contacts-list-2026.html', url: 'https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list', list: true },
  { name: 'Salesforce lead list (25 rows)', adapter: salesforceAdapter, fixture: 'salesforce/lead-list.html', url: 'https://nubeandina.lightning.force.com/lightning/o/Lead/list?filterName=00B5g00000MyOpenLeads', list: true },
];

/** Scraping saved pages in Node (linkedom, no layout): a ceiling for what the browser does. */
export function benchScrapes(runs = 60) {
  return CASES.map(({ name, adapter, fixture, url, list, target }) => {
    const doc = fixtureDocument(fixture);
    const run = () => (list ? adapter.readListRows!(doc, url) : adapter.scrape(doc, url));
    for (let i = 0; i < 10; i++) run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      run();
      samples.push(performance.now() - t0);
    }
    return { name, list: Boolean(list), target: target ?? (list ? 50 : 5), p50: percentile(samples, 50), p99: percentile(samples, 99) };
  });
}
