/**
 * Reads the visible Salesforce Lightning record (Lead, Contact, Opportunity,
 * Account, Case) into a ScrapeResult.
 *
 * Where the record is: Lightning keeps earlier pages and console tabs in the
 * DOM (view.ts decides which one is shown). When a shown container carries a
 * record id, only the one whose id is the URL's (15- or 18-character form) is
 * read — another record's container means the page has not switched yet, and
 * nothing is read. A highlights panel whose entity label names another object
 * is not read either.
 *
 * What is read: the detail layout's fields (by API name, then by label, English
 * or Spanish), the fields of related-record cards ("Contact Details" on a Case:
 * their API names name the related object, "sfdc:RecordField.Contact.Title", and
 * they feed only the Lead fields fields.ts maps from that object — an Account's
 * Phone never becomes the contact's phone), and the highlights panel's secondary
 * fields, then its primary field as a fallback for the name. A field is read
 * from its value node only: never inline-edit buttons, "Open … Preview" triggers,
 * help icons or assistive text. Never read: the global header (the signed-in
 * user's name and email), the nav bar's recent items, the console tab bar, hover cards.
 *
 * Field mapping (fields.ts has every label):
 * - fullName: Name without the salutation ("Ms. Carla Ruiz" → "Carla Ruiz");
 *   Case: Contact Name; Opportunity: a Contact field if the layout has one.
 * - Case and Opportunity: jobTitle, email and phone also from a related Contact
 *   card, industry and company size from a related Account card.
 * - company: Lead Company; Contact / Opportunity / Case: Account Name; Account: Account Name.
 * - location: the address field's lines joined with ", ".
 * - companySize, annualRevenue: numbers when plain whole amounts ("$5,000,000.00" → 5000000).
 * - status: fixed English prefixes — Lead "Lead status: X · Rating: Y";
 *   Opportunity "Stage: X"; Case "Status: X · Priority: Y"; Account "Type: X".
 * - description: Opportunity "{Name} — Amount: {Amount} — {Description}" (the
 *   amount is the deal's size, not the company's revenue, so it never goes to
 *   annualRevenue); Case "{Subject} — {Description}"; others the Description.
 */
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, ScrapeResultSchema, type LeadFields, type ScrapeResult } from '../../contracts';
import { boundText, cleanText, normalizeLabel, valueText } from '../dom';
import type { SiteQuery } from '../query';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { SALESFORCE_SELECTORS } from './selectors';
import { formatStatusParts, joinDistinct, ownerName, parseCurrencyAmount, splitShown, withoutSalutation } from '../values';
import { ENTITY_LABELS, OBJECT_FIELDS, type FieldSpec } from './fields';
import { SALESFORCE_OBJECTS, parseSalesforceRecordUrl, sameSalesforceId, type SalesforceObject } from './match';
import { unrecognisedPage } from '../page-status';
import { LightningView } from './view';

type SalesforceQuery = SiteQuery<BuiltInSelectorSets['salesforce']>;

/** One field as the page shows it. */
export interface ShownField {
  /** The object the field belongs to ("Case", "Contact"), when its API name says; '' when unknown. */
  object: string;
  apiName: string;
  label: string;
  value: string;
}

/** A Lightning page read with the active selectors: the visibility judge and the query over it. */
export interface Lightning {
  q: SalesforceQuery;
  view: LightningView;
}

/** The text a value element shows: its value node only, addresses line by line. */
export function lightningText({ q, view }: Lightning, el: Element | undefined, max = SHORT_TEXT_MAX): string {
  if (!el) return '';
  const skip = (node: Element) => view.hiddenByMarkers(node);
  const address = q.first(el, 'FORMATTED_ADDRESS') ?? (el.matches(q.joined('FORMATTED_ADDRESS')) ? el : undefined);
  if (address) {
    // lightning-formatted-address renders one <div> per line (street / city, region, postcode / country).
    const lines = Array.from(address.querySelectorAll('div'))
      .filter((line) => line.querySelector('div') === null && !skip(line))
      .map((line) => valueText(line, { skip }));
    const joined = joinDistinct(lines.map((line) => line.replace(/,$/, '')), ', ');
    if (joined) return cleanText(joined, max);
  }
  return valueText(el, { max, skip });
}

function recordIdOf(q: SalesforceQuery, el: Element): string {
  for (const attribute of q.labels('RECORD_ID_ATTRIBUTES')) {
    const value = el.getAttribute(attribute);
    if (value) return value;
  }
  return '';
}

/**
 * The container of the record the URL names, or undefined when the shown
 * record is another one (Lightning has not switched yet). See the file comment.
 */
export function findRecordScope(page: Lightning, body: ParentNode, recordId: string): ParentNode | undefined | null {
  const { q, view } = page;
  const selector = q.labels('RECORD_ID_ATTRIBUTES').map((attribute) => `[${attribute}]`).join(', ');
  const items = q.joined('LAYOUT_ITEM');
  const parts = [q.joined('HIGHLIGHTS'), items].join(', ');
  const carriers = Array.from(body.querySelectorAll(selector)).filter(
    (el) => el.tagName.toUpperCase() !== 'A' && el.closest(items) === null && el.querySelector(parts) !== null && view.isReadable(el),
  );
  const own = carriers.find((el) => sameSalesforceId(recordIdOf(q, el), recordId));
  if (own) return own;
  if (carriers.length > 0) return undefined;
  if (q.first(body, 'RECORD_HOME')) return q.first(body, 'RECORD_HOME');
  // No record container: a record page still shows a highlights panel or layout items; else this is no record page.
  return q.first(body, 'HIGHLIGHTS') || q.first(body, 'LAYOUT_ITEM') ? body : null;
}

const CARD_ICON = /^standard:([a-z]+)$/;

/**
 * The object a related-record card shows ("standard:contact" icon → "Contact"), for its fields
 * without API names; '' outside cards. The record's own layout is no card.
 */
function cardObject(q: SalesforceQuery, item: Element): string {
  const card = q.closest(item, 'RELATED_CARD');
  const icon = card ? (q.first(card, 'RELATED_CARD_ICON', { accept: () => true })?.getAttribute('icon-name') ?? '') : '';
  const name = CARD_ICON.exec(icon)?.[1];
  return name ? `${name[0]!.toUpperCase()}${name.slice(1)}` : '';
}

const TARGET = /^sfdc:RecordField\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/;

/** "sfdc:RecordField.Lead.Email" → { object: "Lead", apiName: "Email" }. */
function targetOf(item: Element): { object: string; apiName: string } {
  const match = TARGET.exec(item.getAttribute('data-target-selection-name') ?? '');
  return match ? { object: match[1]!, apiName: match[2]! } : { object: '', apiName: '' };
}

/** Every shown field of the record: detail layout and related-card items first, then the highlights panel's. */
export function readShownFields(page: Lightning, scope: ParentNode): ShownField[] {
  const { q } = page;
  const fields: ShownField[] = [];
  const itemSelector = q.joined('LAYOUT_ITEM');
  const read = (item: Element) => {
    const label = normalizeLabel(item.getAttribute('field-label') ?? lightningText(page, q.first(item, 'FIELD_LABEL')));
    const valueEl = q.first(item, 'FIELD_VALUE');
    // The API name's object wins; the card's icon names the object of a field without one.
    const target = targetOf(item);
    const card = cardObject(q, item);
    fields.push({ ...target, object: target.object || card, label, value: valueEl ? lightningText(page, valueEl, LONG_TEXT_MAX) : '' });
  };
  // Items nest an .slds-form-element (and Aura items may sit in LWC ones): read the outermost only.
  for (const item of q.every(scope, 'LAYOUT_ITEM', { accept: (el) => !el.parentElement?.closest(itemSelector) })) read(item);
  // Custom pages: SLDS form elements with a test-id label, outside every layout item.
  for (const item of q.all(scope, 'FORM_ELEMENT', { accept: (el) => el.closest(itemSelector) === null && el.querySelector('.test-id__field-label') !== null })) read(item);
  for (const item of q.all(scope, 'HIGHLIGHTS_ITEM')) {
    const labelEl = q.first(item, 'HIGHLIGHTS_ITEM_LABEL');
    const label = normalizeLabel(labelEl?.getAttribute('title') || lightningText(page, labelEl));
    fields.push({ object: '', apiName: '', label, value: lightningText(page, q.first(item, 'HIGHLIGHTS_ITEM_VALUE'), LONG_TEXT_MAX) });
  }
  return fields;
}

/**
 * The first shown value for `spec`: by API name ("Email" = a field of the record itself or of no
 * known object; "Contact.Title" = a related Contact's field), then by label among the record's
 * own fields only (a related card's "Phone" is that record's phone).
 */
export function valueOf(object: SalesforceObject, fields: readonly ShownField[], spec: FieldSpec | undefined, max = SHORT_TEXT_MAX): string {
  if (!spec) return '';
  const own = (field: ShownField) => field.object === '' || field.object === object;
  let relatedObject = '';
  for (const api of spec.api) {
    const dot = api.indexOf('.');
    const [wantObject, wantField] = dot > 0 ? [api.slice(0, dot), api.slice(dot + 1)] : ['', api];
    if (wantObject) relatedObject = wantObject;
    for (const field of fields) {
      if (!field.value || field.apiName !== wantField) continue;
      if (wantObject ? field.object === wantObject : own(field)) return boundText(field.value, max);
    }
  }
  const belongs = relatedObject ? (field: ShownField) => field.object === relatedObject && field.apiName === '' : own;
  for (const label of spec.labels) {
    for (const field of fields) if (field.value && belongs(field) && field.label === label) return boundText(field.value, max);
  }
  return '';
}

function firstValue(object: SalesforceObject, fields: readonly ShownField[], specs: readonly FieldSpec[] | undefined, max = SHORT_TEXT_MAX): string {
  for (const spec of specs ?? []) {
    const value = valueOf(object, fields, spec, max);
    if (value) return value;
  }
  return '';
}

/** The object the highlights panel's entity label names, if it names one we know. */
function entityShown(page: Lightning, scope: ParentNode): SalesforceObject | undefined {
  const label = normalizeLabel(lightningText(page, page.q.first(scope, 'ENTITY_LABEL')));
  if (!label) return undefined;
  return (Object.keys(ENTITY_LABELS) as SalesforceObject[]).find((object) => ENTITY_LABELS[object].includes(label));
}

/** Lead fields of one Salesforce record, read from the shown fields and the primary field. */
export function mapSalesforceFields(object: SalesforceObject, fields: readonly ShownField[], primary: string, q?: SalesforceQuery): LeadFields {
  const map = OBJECT_FIELDS[object];
  const field = <T>(name: string, read: () => T): T => (q ? q.field(name, read) : read());
  const read = (key: Exclude<keyof typeof map, 'status' | 'headline' | 'amount' | 'primaryField'>, max = SHORT_TEXT_MAX) =>
    field(key, () => firstValue(object, fields, map[key], max));
  const size = read('companySize');
  const revenue = read('annualRevenue');
  return {
    fullName: withoutSalutation(read('fullName') || (map.primaryField === 'fullName' ? primary : '')),
    jobTitle: read('jobTitle'),
    company: read('company') || (map.primaryField === 'company' ? primary : ''),
    email: read('email'),
    phone: read('phone'),
    industry: read('industry'),
    location: read('location'),
    description: field('description', () => {
      const headline = valueOf(object, fields, map.headline) || (map.primaryField === 'headline' ? primary : '');
      const amount = valueOf(object, fields, map.amount);
      const body = firstValue(object, fields, map.description, LONG_TEXT_MAX);
      return cleanText(joinDistinct([headline, amount ? `Amount: ${amount}` : '', body], ' — '), LONG_TEXT_MAX);
    }),
    companySize: size ? parseCurrencyAmount(size) : undefined,
    annualRevenue: revenue ? parseCurrencyAmount(revenue) : undefined,
    source: read('source'),
    owner: ownerName(read('owner')),
    status: field('status', () => cleanText(formatStatusParts((map.status ?? []).map(([prefix, spec]) => [prefix, valueOf(object, fields, spec)] as const)))),
  };
}

/** Queries that see only what Lightning shows (the active cached view, no hidden markers). */
export function lightningPage(options?: ScrapeOptions): Lightning {
  const view = new LightningView(siteQuery('salesforce', SALESFORCE_SELECTORS, options).selectors.labels);
  return { q: siteQuery('salesforce', SALESFORCE_SELECTORS, options, (el) => view.isReadable(el)), view };
}

/** The container of the URL's record as the page shows it (what the reader reads), else undefined. */
export function findSalesforceRecordElement(doc: Document, url: string): Element | undefined {
  const ref = parseSalesforceRecordUrl(url);
  const body = doc.body ?? doc;
  const scope = ref ? findRecordScope(lightningPage(), body, ref.recordId) : undefined;
  return scope && scope !== body ? (scope as Element) : undefined;
}

/** Read the visible record of a Lightning record page. `url` gives the object and the id. */
export function readSalesforceRecord(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const ref = parseSalesforceRecordUrl(url);
  const object: SalesforceObject = ref?.object ?? 'Lead';
  const page = lightningPage(options);
  const { q } = page;
  const body: ParentNode = doc.body ?? doc;
  const scope = ref ? findRecordScope(page, body, ref.recordId) : undefined;
  let fields: LeadFields = {};
  if (scope) {
    const shownObject = entityShown(page, scope);
    if (shownObject === undefined || shownObject === object) {
      const highlights = q.first(scope, 'HIGHLIGHTS');
      const primary = highlights ? lightningText(page, q.first(highlights, 'PRIMARY_FIELD')) : '';
      fields = mapSalesforceFields(object, readShownFields(page, scope), primary, q);
    }
  }
  const { shown, missing } = splitShown(fields);
  return ScrapeResultSchema.parse({
    crm: 'salesforce',
    kind: 'record',
    url,
    recordType: SALESFORCE_OBJECTS[object].recordType,
    recordId: ref?.recordId ?? '',
    fields: shown,
    missing,
    unrecognised: scope === null ? unrecognisedPage('salesforce', 'record', 'record page, highlights panel, record layout') : undefined,
  });
}

