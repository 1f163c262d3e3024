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
import { cleanText, firstVisible, textOf } from '../dom';
import { formatStatusParts, joinDistinct, parseWholeAmount, splitShown } from '../values';
import { HUBSPOT_OBJECTS, parseHubSpotRecordUrl, type HubSpotObjectType } from './match';
import { beginHubSpotScrape, outsideChrome, readCompanyCard, readHubSpotProperty, readNewestActivity, region } from './record';
import {
  COMPANY_CARD,
  COMPANY_CHICKLET,
  CONTACT_CARD,
  CONTACT_CHICKLET,
  CONTACT_NAME,
  HIGHLIGHT_NAME,
  LEFT_SIDEBAR,
  MIDDLE_PANE,
  NO_OWNER_VALUES,
  OBJECT_PROPERTY_LABELS,
  RECORD_PAGE,
  RIGHT_SIDEBAR,
  chickletPropertyChain,
} from './selectors';

type Labelled = keyof typeof OBJECT_PROPERTY_LABELS;

interface Page {
  left: ParentNode;
  middle: ParentNode;
  right: ParentNode;
  /** A property in the left column; `labels` names the entry of OBJECT_PROPERTY_LABELS when it differs from the property. */
  read(property: string, labels?: Labelled, max?: number): string;
}

function openPage(doc: Document): Page {
  beginHubSpotScrape();
  const body: ParentNode = doc.body ?? doc;
  const page = region(body, RECORD_PAGE, body);
  const left = region(page, LEFT_SIDEBAR, page);
  return {
    left,
    middle: region(page, MIDDLE_PANE, page),
    right: region(page, RIGHT_SIDEBAR, page),
    read: (property, labels, max = SHORT_TEXT_MAX) =>
      readHubSpotProperty(left, property, OBJECT_PROPERTY_LABELS[(labels ?? property) as Labelled] ?? [], max),
  };
}

function owner(page: Page, labels: Labelled): string {
  const value = page.read('hubspot_owner_id', labels);
  return NO_OWNER_VALUES.includes(value.toLowerCase()) ? '' : value;
}

function location(page: Page): string {
  return cleanText(joinDistinct([page.read('city'), page.read('state'), page.read('country')], ', '));
}

interface ContactCardValues {
  fullName: string;
  jobTitle: string;
  email: string;
  phone: string;
}

/** The primary associated contact as its card shows it. */
function readContactCard(right: ParentNode): ContactCardValues | undefined {
  const card = firstVisible(right, CONTACT_CARD, { accept: outsideChrome });
  if (!card) return undefined;
  const chicklet = firstVisible(card, CONTACT_CHICKLET) ?? card;
  const prop = (name: string) => textOf(firstVisible(chicklet, chickletPropertyChain(name)));
  return { fullName: textOf(firstVisible(chicklet, CONTACT_NAME)), jobTitle: prop('jobtitle'), email: prop('email'), phone: prop('phone') };
}

function companyIndustry(right: ParentNode): string {
  const card = firstVisible(right, COMPANY_CARD, { accept: outsideChrome });
  const chicklet = card ? (firstVisible(card, COMPANY_CHICKLET) ?? card) : undefined;
  return chicklet ? textOf(firstVisible(chicklet, chickletPropertyChain('industry'))) : '';
}

function amountOf(text: string): number | string | undefined {
  return text ? parseWholeAmount(text) : undefined;
}

function readCompany(page: Page): LeadFields {
  const name = page.read('name') || textOf(firstVisible(page.left, HIGHLIGHT_NAME, { accept: outsideChrome }));
  return {
    company: name || page.read('domain'),
    phone: page.read('phone'),
    industry: page.read('industry'),
    location: location(page),
    description: page.read('description', undefined, LONG_TEXT_MAX) || readNewestActivity(page.middle),
    companySize: amountOf(page.read('numberofemployees')),
    annualRevenue: amountOf(page.read('annualrevenue')),
    source: page.read('hs_analytics_source'),
    owner: owner(page, 'company_owner'),
    status: formatStatusParts([['Lifecycle stage', page.read('lifecyclestage')], ['Lead status', page.read('hs_lead_status')]]),
  };
}

function associated(page: Page): LeadFields {
  const contact = readContactCard(page.right);
  const company = readCompanyCard(page.right);
  return {
    fullName: contact?.fullName,
    jobTitle: contact?.jobTitle,
    email: contact?.email,
    phone: contact?.phone,
    company: company?.name,
    industry: companyIndustry(page.right),
    companySize: company?.companySize,
    annualRevenue: company?.annualRevenue,
  };
}

function readDeal(page: Page): LeadFields {
  const name = page.read('dealname') || textOf(firstVisible(page.left, HIGHLIGHT_NAME, { accept: outsideChrome }));
  const amount = page.read('amount');
  const body = page.read('description', undefined, LONG_TEXT_MAX) || readNewestActivity(page.middle);
  return {
    ...associated(page),
    description: cleanText(joinDistinct([name, amount ? `Amount: ${amount}` : '', body], ' — '), LONG_TEXT_MAX),
    owner: owner(page, 'deal_owner'),
    status: formatStatusParts([['Deal stage', page.read('dealstage')]]),
  };
}

function readTicket(page: Page): LeadFields {
  const subject = page.read('subject') || textOf(firstVisible(page.left, HIGHLIGHT_NAME, { accept: outsideChrome }));
  return {
    ...associated(page),
    description: cleanText(joinDistinct([subject, page.read('content', undefined, LONG_TEXT_MAX)], ' — '), LONG_TEXT_MAX),
    source: page.read('source_type'),
    owner: owner(page, 'ticket_owner'),
    status: formatStatusParts([['Ticket status', page.read('hs_pipeline_stage')], ['Priority', page.read('hs_ticket_priority')]]),
  };
}

const READERS: Record<Exclude<HubSpotObjectType, '0-1'>, (page: Page) => LeadFields> = {
  '0-2': readCompany,
  '0-3': readDeal,
  '0-5': readTicket,
};

/** Read a visible company, deal or ticket record page. */
export function readHubSpotObjectRecord(doc: Document, url: string): ScrapeResult {
  const ref = parseHubSpotRecordUrl(url);
  const type = ref && ref.objectType !== '0-1' ? ref.objectType : '0-2';
  const { shown, missing } = splitShown(ref ? READERS[type](openPage(doc)) : {});
  return ScrapeResultSchema.parse({
    crm: 'hubspot',
    kind: 'record',
    url,
    recordType: HUBSPOT_OBJECTS[type].recordType,
    recordId: ref?.recordId ?? '',
    fields: shown,
    missing,
  });
}
