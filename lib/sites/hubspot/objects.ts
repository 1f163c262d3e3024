/**
 * Reads HubSpot company (0-2), deal (0-3) and ticket (0-5) record pages. They
 * share the contact page's layout (record.ts): highlight card and properties in
 * the left column, timeline in the middle, association cards on the right.
 *
 * Field mapping:
 * - company: name → company (the domain when the name is empty: the Lead has no
 *   website field), industry, numberofemployees → companySize,
 *   annualrevenue, phone, city/state/country → location, description, Company
 *   owner, Original source, status "Lifecycle stage: X · Lead status: Y". No
 *   person: fullName is missing.
 * - deal: the primary associated contact (name, job title, email, phone from
 *   its card) and company (name, size, revenue, industry); description
 *   "{Deal name} — Amount: {amount} — {Description property, else newest
 *   activity}" (the amount is the deal's size, never annualRevenue); status
 *   "Deal stage: X"; Deal owner.
 * - ticket: the associated contact and company as for deals; description
 *   "{Ticket name} — {Ticket description}"; status "Ticket status: X · Priority: Y";
 *   source; Ticket owner.
 */
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, ScrapeResultSchema, type LeadFields, type ScrapeResult } from '../../contracts';
import { cleanText } from '../dom';
import { siteQuery, type ScrapeOptions } from '../scrape-context';
import { HUBSPOT_SELECTORS } from './selectors';
import { formatStatusParts, joinDistinct, parseWholeAmount, splitShown } from '../values';
import { HUBSPOT_OBJECTS, parseHubSpotRecordUrl, type HubSpotObjectType } from './match';
import { HubSpotPage, propertyLabels, readCompanyCard, readHighlightName, readNewestActivity, readOwner } from './record';

/** A property in the left column; `labelsOf` names the property whose labels to use when they differ. */
function reader(page: HubSpotPage) {
  return (property: string, labelsOf: string = property, max = SHORT_TEXT_MAX) => page.read(page.left, property, propertyLabels(page.q, labelsOf), max);
}

function location(page: HubSpotPage): string {
  const read = reader(page);
  return cleanText(joinDistinct([read('city'), read('state'), read('country')], ', '));
}

interface ContactCardValues {
  fullName: string;
  jobTitle: string;
  email: string;
  phone: string;
}

/** The primary associated contact as its card shows it. */
function readContactCard(page: HubSpotPage): ContactCardValues | undefined {
  const card = page.first(page.right, 'CONTACT_CARD');
  if (!card) return undefined;
  const chicklet = page.q.first(card, 'CONTACT_CHICKLET') ?? card;
  const prop = (property: string) => page.value(page.q.first(chicklet, 'CHICKLET_PROPERTY', { vars: { property } }));
  return { fullName: page.value(page.q.first(chicklet, 'CONTACT_NAME')), jobTitle: prop('jobtitle'), email: prop('email'), phone: prop('phone') };
}

function companyIndustry(page: HubSpotPage): string {
  const card = page.first(page.right, 'COMPANY_CARD');
  const chicklet = card ? (page.q.first(card, 'COMPANY_CHICKLET') ?? card) : undefined;
  return chicklet ? page.value(page.q.first(chicklet, 'CHICKLET_PROPERTY', { vars: { property: 'industry' } })) : '';
}

function amountOf(text: string): number | string | undefined {
  return text ? parseWholeAmount(text) : undefined;
}

function readCompany(page: HubSpotPage): LeadFields {
  const read = reader(page);
  const field = <T>(name: string, readField: () => T) => page.q.field(name, readField);
  return {
    company: field('company', () => read('name') || readHighlightName(page) || read('domain')),
    phone: field('phone', () => read('phone')),
    industry: field('industry', () => read('industry')),
    location: field('location', () => location(page)),
    description: field('description', () => read('description', 'description', LONG_TEXT_MAX) || readNewestActivity(page)),
    companySize: field('companySize', () => amountOf(read('numberofemployees'))),
    annualRevenue: field('annualRevenue', () => amountOf(read('annualrevenue'))),
    source: field('source', () => read('hs_analytics_source')),
    owner: field('owner', () => readOwner(page, propertyLabels(page.q, 'company_owner'))),
    status: field('status', () => formatStatusParts([['Lifecycle stage', read('lifecyclestage')], ['Lead status', read('hs_lead_status')]])),
  };
}

function associated(page: HubSpotPage): LeadFields {
  const field = <T>(name: string, readField: () => T) => page.q.field(name, readField);
  const contact = field('fullName', () => readContactCard(page));
  const company = field('company', () => readCompanyCard(page));
  return {
    fullName: contact?.fullName,
    jobTitle: contact?.jobTitle,
    company: company?.name,
    email: contact?.email,
    phone: contact?.phone,
    industry: field('industry', () => companyIndustry(page)),
    companySize: company?.companySize,
    annualRevenue: company?.annualRevenue,
  };
}

function readDeal(page: HubSpotPage): LeadFields {
  const read = reader(page);
  const field = <T>(name: string, readField: () => T) => page.q.field(name, readField);
  return {
    ...associated(page),
    description: field('description', () => {
      const name = read('dealname') || readHighlightName(page);
      const amount = read('amount');
      const body = read('description', 'description', LONG_TEXT_MAX) || readNewestActivity(page);
      return cleanText(joinDistinct([name, amount ? `Amount: ${amount}` : '', body], ' — '), LONG_TEXT_MAX);
    }),
    owner: field('owner', () => readOwner(page, propertyLabels(page.q, 'deal_owner'))),
    status: field('status', () => formatStatusParts([['Deal stage', read('dealstage')]])),
  };
}

function readTicket(page: HubSpotPage): LeadFields {
  const read = reader(page);
  const field = <T>(name: string, readField: () => T) => page.q.field(name, readField);
  return {
    ...associated(page),
    description: field('description', () =>
      cleanText(joinDistinct([read('subject') || readHighlightName(page), read('content', 'content', LONG_TEXT_MAX)], ' — '), LONG_TEXT_MAX),
    ),
    source: field('source', () => read('source_type')),
    owner: field('owner', () => readOwner(page, propertyLabels(page.q, 'ticket_owner'))),
    status: field('status', () => formatStatusParts([['Ticket status', read('hs_pipeline_stage')], ['Priority', read('hs_ticket_priority')]])),
  };
}

const READERS: Record<Exclude<HubSpotObjectType, '0-1'>, (page: HubSpotPage) => LeadFields> = {
  '0-2': readCompany,
  '0-3': readDeal,
  '0-5': readTicket,
};

/** Read a visible company, deal or ticket record page. */
export function readHubSpotObjectRecord(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const ref = parseHubSpotRecordUrl(url);
  const type = ref && ref.objectType !== '0-1' ? ref.objectType : '0-2';
  const page = new HubSpotPage(siteQuery('hubspot', HUBSPOT_SELECTORS, options), doc);
  const { shown, missing } = splitShown(ref ? READERS[type](page) : {});
  return ScrapeResultSchema.parse({
    crm: 'hubspot',
    kind: 'record',
    url,
    recordType: HUBSPOT_OBJECTS[type].recordType,
    recordId: ref?.recordId ?? '',
    fields: shown,
    missing,
    unrecognised: page.unrecognised(shown),
  });
}
