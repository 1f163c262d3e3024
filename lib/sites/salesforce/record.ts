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
 * or Spanish) and the highlights panel's secondary fields, then its primary
 * field as a fallback for the name. Values go through textContent only,
 * skipping inline-edit buttons, help icons and assistive text. Never read: the
 * global header (the signed-in user's name and email), the nav bar's recent
 * items, the console tab bar, hover cards.
 *
 * Field mapping (fields.ts has every label):
 * - fullName: Name without the salutation ("Ms. Carla Ruiz" → "Carla Ruiz");
 *   Case: Contact Name; Opportunity: a Contact field if the layout has one.
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
import { boundText, cleanText, normalizeLabel, textOf } from '../dom';
import { formatStatusParts, joinDistinct, parseCurrencyAmount, splitShown, withoutSalutation } from '../values';
import { ENTITY_LABELS, OBJECT_FIELDS, type FieldSpec } from './fields';
import { SALESFORCE_OBJECTS, parseSalesforceRecordUrl, sameSalesforceId, type SalesforceObject } from './match';
import {
  ENTITY_LABEL,
  FIELD_LABEL,
  FIELD_VALUE,
  FORMATTED_ADDRESS,
  HIGHLIGHTS,
  HIGHLIGHTS_ITEM,
  HIGHLIGHTS_ITEM_LABEL,
  HIGHLIGHTS_ITEM_VALUE,
  LAYOUT_ITEM,
  NOT_VALUE,
  PRIMARY_FIELD,
  RECORD_HOME,
  RECORD_ID_ATTRIBUTES,
} from './selectors';
import { LightningView } from './view';

/** One field as the page shows it. */
export interface ShownField {
  apiName: string;
  label: string;
  value: string;
}

const LAYOUT_ITEM_SELECTOR = LAYOUT_ITEM.slice(0, 2).join(', ');
const RECORD_PARTS = [...HIGHLIGHTS, ...LAYOUT_ITEM.slice(0, 2)].join(', ');

/** The text a value element shows, without controls and screen-reader-only text. */
export function lightningText(view: LightningView, el: Element | undefined, max = SHORT_TEXT_MAX): string {
  if (!el) return '';
  const address = el.matches(FORMATTED_ADDRESS) ? el : el.querySelector(FORMATTED_ADDRESS);
  const skip = (node: Element) => node.matches(NOT_VALUE) || view.hiddenByMarkers(node);
  if (address && view.isShown(address)) {
    // lightning-formatted-address renders one <div> per line (street / city, region, postcode / country).
    const lines = Array.from(address.querySelectorAll('div'))
      .filter((line) => line.querySelector('div') === null && !skip(line))
      .map((line) => textOf(line, { skip }));
    const joined = joinDistinct(lines.map((line) => line.replace(/,$/, '')), ', ');
    if (joined) return cleanText(joined, max);
  }
  return textOf(el, { max, skip });
}

function recordIdOf(el: Element): string {
  for (const attribute of RECORD_ID_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value) return value;
  }
  return '';
}

/**
 * The container of the record the URL names, or undefined when the shown
 * record is another one (Lightning has not switched yet). See the file comment.
 */
export function findRecordScope(view: LightningView, body: ParentNode, recordId: string): ParentNode | undefined {
  const selector = RECORD_ID_ATTRIBUTES.map((attribute) => `[${attribute}]`).join(', ');
  const carriers = Array.from(body.querySelectorAll(selector)).filter(
    (el) => el.tagName.toUpperCase() !== 'A' && el.closest(LAYOUT_ITEM_SELECTOR) === null && el.querySelector(RECORD_PARTS) !== null && view.isReadable(el),
  );
  const own = carriers.find((el) => sameSalesforceId(recordIdOf(el), recordId));
  if (own) return own;
  if (carriers.length > 0) return undefined;
  return view.first(body, RECORD_HOME) ?? body;
}

function apiNameOf(item: Element): string {
  // "sfdc:RecordField.Lead.Email" → "Email"
  const target = item.getAttribute('data-target-selection-name') ?? '';
  const match = /^sfdc:RecordField\.[A-Za-z0-9_]+\.([A-Za-z0-9_]+)$/.exec(target);
  return match ? match[1]! : '';
}

/** Every shown field of the record: detail layout items first, then the highlights panel's. */
export function readShownFields(view: LightningView, scope: ParentNode): ShownField[] {
  const fields: ShownField[] = [];
  const items = new Set<Element>();
  for (const selector of LAYOUT_ITEM) {
    for (const item of Array.from(scope.querySelectorAll(selector))) {
      // Generic SLDS form elements count only with a test-id label, and only outside an item already read.
      // Items nest an .slds-form-element (and Aura items may sit in LWC ones): read the outermost only.
      if (item.parentElement?.closest(LAYOUT_ITEM_SELECTOR)) continue;
      if (selector === '.slds-form-element' && (item.matches(LAYOUT_ITEM_SELECTOR) || !item.querySelector('.test-id__field-label'))) continue;
      if (items.has(item) || !view.isReadable(item)) continue;
      items.add(item);
      const labelEl = view.first(item, FIELD_LABEL);
      const label = normalizeLabel(item.getAttribute('field-label') ?? lightningText(view, labelEl));
      const valueEl = view.first(item, FIELD_VALUE);
      const value = valueEl ? lightningText(view, valueEl, LONG_TEXT_MAX) : '';
      fields.push({ apiName: apiNameOf(item), label, value });
    }
  }
  for (const item of view.all(scope, HIGHLIGHTS_ITEM)) {
    const labelEl = view.first(item, HIGHLIGHTS_ITEM_LABEL);
    const label = normalizeLabel(labelEl?.getAttribute('title') || lightningText(view, labelEl));
    fields.push({ apiName: '', label, value: lightningText(view, view.first(item, HIGHLIGHTS_ITEM_VALUE), LONG_TEXT_MAX) });
  }
  return fields;
}

export function valueOf(fields: readonly ShownField[], spec: FieldSpec | undefined, max = SHORT_TEXT_MAX): string {
  if (!spec) return '';
  for (const field of fields) if (field.value && field.apiName && spec.api.includes(field.apiName)) return boundText(field.value, max);
  for (const label of spec.labels) {
    for (const field of fields) if (field.value && field.label === label) return boundText(field.value, max);
  }
  return '';
}

function firstValue(fields: readonly ShownField[], specs: readonly FieldSpec[] | undefined, max = SHORT_TEXT_MAX): string {
  for (const spec of specs ?? []) {
    const value = valueOf(fields, spec, max);
    if (value) return value;
  }
  return '';
}

/** The object the highlights panel's entity label names, if it names one we know. */
function entityShown(view: LightningView, scope: ParentNode): SalesforceObject | undefined {
  const label = normalizeLabel(lightningText(view, view.first(scope, ENTITY_LABEL)));
  if (!label) return undefined;
  return (Object.keys(ENTITY_LABELS) as SalesforceObject[]).find((object) => ENTITY_LABELS[object].includes(label));
}

/** Lead fields of one Salesforce record, read from the shown fields and the primary field. */
export function mapSalesforceFields(object: SalesforceObject, fields: readonly ShownField[], primary: string): LeadFields {
  const map = OBJECT_FIELDS[object];
  const read = (key: Exclude<keyof typeof map, 'status' | 'headline' | 'amount' | 'primaryField'>, max = SHORT_TEXT_MAX) => firstValue(fields, map[key], max);
  const headline = valueOf(fields, map.headline) || (map.primaryField === 'headline' ? primary : '');
  const amount = valueOf(fields, map.amount);
  const body = read('description', LONG_TEXT_MAX);
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
    description: cleanText(joinDistinct([headline, amount ? `Amount: ${amount}` : '', body], ' — '), LONG_TEXT_MAX),
    companySize: size ? parseCurrencyAmount(size) : undefined,
    annualRevenue: revenue ? parseCurrencyAmount(revenue) : undefined,
    source: read('source'),
    owner: read('owner'),
    status: cleanText(formatStatusParts((map.status ?? []).map(([prefix, spec]) => [prefix, valueOf(fields, spec)] as const))),
  };
}

/** Read the visible record of a Lightning record page. `url` gives the object and the id. */
export function readSalesforceRecord(doc: Document, url: string): ScrapeResult {
  const ref = parseSalesforceRecordUrl(url);
  const object: SalesforceObject = ref?.object ?? 'Lead';
  const view = new LightningView();
  const body: ParentNode = doc.body ?? doc;
  const scope = ref ? findRecordScope(view, body, ref.recordId) : undefined;
  let fields: LeadFields = {};
  if (scope) {
    const shownObject = entityShown(view, scope);
    if (shownObject === undefined || shownObject === object) {
      const highlights = view.first(scope, HIGHLIGHTS);
      const primary = highlights ? lightningText(view, view.first(highlights, PRIMARY_FIELD)) : '';
      fields = mapSalesforceFields(object, readShownFields(view, scope), primary);
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
  });
}
