/**
 * Reads the visible HubSpot contact record page into a ScrapeResult.
 *
 * Where each Lead field comes from:
 * - fullName: the highlight card title, else "First name" + "Last name".
 * - jobTitle, company, email, phone (else mobile phone), industry, source
 *   (Original source): the contact's own properties in the left column only —
 *   the company card's phone or industry is the company's, not the contact's.
 *   company falls back to the primary associated company's name.
 * - location: City, State/Region, Country/Region joined with ", " (empty parts
 *   and repeats dropped), e.g. "Santiago, Región Metropolitana, Chile".
 * - owner: the Contact owner as shown (a name; "No owner" counts as empty).
 * - status: "Lifecycle stage: {stage} · Lead status: {status}" — fixed English
 *   prefixes whatever the UI language, values as displayed; either part alone
 *   when only one is shown.
 * - description: the body of the newest note / email / call / meeting in the
 *   timeline (by its timestamp, so a pinned older note does not win), else the
 *   "Message" or "Description" property.
 * - companySize / annualRevenue: Number of employees / Annual revenue on the
 *   primary associated company card; a number when the shown value is a plain
 *   integer (thousands separators and a leading "$" allowed), else the text.
 *
 * Only visible nodes are read (hidden skeleton copies and aria-hidden cards are
 * skipped), never inside the global nav (the signed-in rep's own name and
 * email), and only through textContent / value.
 */
import {
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  ScrapeResultSchema,
  type LeadFields,
  type ScrapeResult,
} from '../../contracts';
import {
  FORM_CONTROLS,
  allVisible,
  cleanText,
  editableValue,
  firstVisible,
  isHiddenInside,
  isVisible,
  normalizeLabel,
  textOf,
} from '../dom';
import { parseWholeAmount, splitShown } from '../values';
import { parseHubSpotContactUrl } from './match';
import {
  COMPANY_CARD,
  COMPANY_CHICKLET,
  COMPANY_NAME,
  COMPANY_PROPERTY_LABELS,
  DESCRIBING_ENGAGEMENT_TYPES,
  GLOBAL_CHROME,
  HIGHLIGHT_EMAIL,
  HIGHLIGHT_NAME,
  LEFT_SIDEBAR,
  MIDDLE_PANE,
  NO_OWNER_VALUES,
  PROPERTY_LABEL,
  PROPERTY_LABEL_PART,
  PROPERTY_LABELS,
  RECORD_PAGE,
  RIGHT_SIDEBAR,
  TIMELINE_CARD,
  TIMELINE_CARD_BODY,
  TIMELINE_CARD_TIME,
  TIMELINE_TYPE_ATTRIBUTES,
  companyPropertyChain,
  propertyValueChain,
  type CompanyProperty,
  type ContactProperty,
  type SelectorChain,
} from './selectors';

const GLOBAL_CHROME_SELECTOR = GLOBAL_CHROME.join(', ');

/** Not inside the global nav / account menu / a floating tooltip. */
export function outsideChrome(el: Element): boolean {
  return el.closest(GLOBAL_CHROME_SELECTOR) === null;
}

/** A page region: the first visible match of `chain` outside the chrome, else `fallback`. */
export function region(scope: ParentNode, chain: SelectorChain, fallback: ParentNode): ParentNode {
  return firstVisible(scope, chain, { accept: outsideChrome }) ?? fallback;
}

/**
 * The value of a property element: an input's value; for a whole row (e.g.
 * matched by data-profile-property), its visible control's value — empty when
 * the control is empty, never the label — else the row's text without its label.
 */
function propertyValue(el: Element, max: number): string {
  if (el.matches(FORM_CONTROLS)) return editableValue(el, max);
  const control = Array.from(el.querySelectorAll(FORM_CONTROLS)).find((node) => !isHiddenInside(node, el));
  if (control) return editableValue(control, max);
  return textOf(el, { max, skip: (node) => node.matches(PROPERTY_LABEL_PART) });
}

/** The element holding the value a label names: its `for` target, the next `dd`, or the row around it. */
function valueElementForLabel(label: Element, scope: ParentNode): Element | undefined {
  const forId = label.getAttribute('for');
  if (forId) {
    const target = label.ownerDocument.getElementById(forId);
    if (target && (scope as Node).contains(target) && isVisible(target)) return target;
  }
  if (label.tagName.toUpperCase() === 'DT') {
    const dd = label.nextElementSibling;
    return dd && dd.tagName.toUpperCase() === 'DD' ? dd : undefined;
  }
  // Walk up to the smallest ancestor that holds more than the label: the property row.
  let row = label.parentElement;
  for (let depth = 0; row && depth < 4; depth += 1, row = row.parentElement) {
    if (row === scope) break;
    if (textOf(row, { skip: (node) => node === label }) || row.querySelector(FORM_CONTROLS)) return row;
  }
  return undefined;
}

interface LabelEntry {
  text: string;
  label: Element;
}

/**
 * Visible labels of a scope with their normalised text, built once per scope
 * per scrape: a record with many empty properties asks for labels a dozen
 * times. Reset at the start of every readHubSpotContact (the SPA re-renders).
 */
let labelIndex = new WeakMap<ParentNode, LabelEntry[]>();

function labelsOf(scope: ParentNode): LabelEntry[] {
  let entries = labelIndex.get(scope);
  if (!entries) {
    // All label forms at once, in document order: a page may mix <label> rows and <dt>/<dd> lists.
    entries = allVisible(scope, [PROPERTY_LABEL.join(', ')], { accept: outsideChrome }).map((label) => ({
      text: normalizeLabel(textOf(label)),
      label,
    }));
    labelIndex.set(scope, entries);
  }
  return entries;
}

function readByLabel(scope: ParentNode, labels: readonly string[], max: number): string {
  for (const { text, label } of labelsOf(scope)) {
    if (!labels.includes(text)) continue;
    const valueEl = valueElementForLabel(label, scope);
    if (!valueEl) continue;
    const value = propertyValue(valueEl, max);
    if (value) return value;
  }
  return '';
}

/** A contact property from the left column: its hooks first, then its label. */
function readContactProperty(scope: ParentNode, property: ContactProperty, max = SHORT_TEXT_MAX): string {
  return readHubSpotProperty(scope, property, PROPERTY_LABELS[property], max);
}

/** Any object's property (by internal name) in `scope`: its hooks first, then its labels. */
export function readHubSpotProperty(scope: ParentNode, property: string, labels: readonly string[], max = SHORT_TEXT_MAX): string {
  for (const selector of propertyValueChain(property)) {
    for (const el of Array.from(scope.querySelectorAll(selector))) {
      if (!outsideChrome(el) || !isVisible(el)) continue;
      const value = propertyValue(el, max);
      if (value) return value;
    }
  }
  return readByLabel(scope, labels, max);
}

/** Start a scrape: the label index of the previous one belongs to a DOM the SPA has re-rendered since. */
export function beginHubSpotScrape(): void {
  labelIndex = new WeakMap();
}

function joinDistinct(parts: readonly string[], separator: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    const key = part.toLowerCase();
    if (!part || seen.has(key)) continue;
    seen.add(key);
    kept.push(part);
  }
  return kept.join(separator);
}

/** Status in one clean form: "Lifecycle stage: Lead · Lead status: Open". */
export function formatHubSpotStatus(lifecycleStage: string, leadStatus: string): string {
  const parts: string[] = [];
  if (lifecycleStage) parts.push(`Lifecycle stage: ${lifecycleStage}`);
  if (leadStatus) parts.push(`Lead status: ${leadStatus}`);
  return parts.join(' · ');
}

export { parseWholeAmount } from '../values';

interface TimelineEntry {
  text: string;
  time: number;
  order: number;
}

function engagementType(card: Element): string | undefined {
  for (const attribute of TIMELINE_TYPE_ATTRIBUTES) {
    const value = card.getAttribute(attribute);
    if (value) return value.toUpperCase();
  }
  return undefined;
}

/** The newest describing activity body in the timeline (by timestamp; document order breaks ties). */
export function readNewestActivity(scope: ParentNode): string {
  const entries: TimelineEntry[] = [];
  allVisible(scope, TIMELINE_CARD, { accept: outsideChrome }).forEach((card, order) => {
    const type = engagementType(card);
    if (type !== undefined && !DESCRIBING_ENGAGEMENT_TYPES.has(type)) return;
    const body = firstVisible(card, TIMELINE_CARD_BODY);
    const text = textOf(body, { max: LONG_TEXT_MAX });
    if (!text) return;
    const stamp = firstVisible(card, TIMELINE_CARD_TIME)?.getAttribute('datetime') ?? '';
    const parsed = Date.parse(stamp);
    entries.push({ text, time: Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed, order });
  });
  entries.sort((a, b) => b.time - a.time || a.order - b.order);
  return entries[0]?.text ?? '';
}

export interface CompanyCardValues {
  name: string;
  companySize?: number | string;
  annualRevenue?: number | string;
}

function readCompanyProperty(chicklet: Element, property: CompanyProperty): number | string | undefined {
  const byHook = firstVisible(chicklet, companyPropertyChain(property));
  const text = byHook ? propertyValue(byHook, SHORT_TEXT_MAX) : readByLabel(chicklet, COMPANY_PROPERTY_LABELS[property], SHORT_TEXT_MAX);
  return text ? parseWholeAmount(text) : undefined;
}

/** The primary associated company as its card shows it (first visible chicklet). */
export function readCompanyCard(scope: ParentNode): CompanyCardValues | undefined {
  const card = firstVisible(scope, COMPANY_CARD, { accept: outsideChrome });
  if (!card) return undefined;
  const chicklet = firstVisible(card, COMPANY_CHICKLET) ?? card;
  return {
    name: textOf(firstVisible(chicklet, COMPANY_NAME)),
    companySize: readCompanyProperty(chicklet, 'numberofemployees'),
    annualRevenue: readCompanyProperty(chicklet, 'annualrevenue'),
  };
}

function readOwner(scope: ParentNode): string {
  const owner = readContactProperty(scope, 'hubspot_owner_id');
  return NO_OWNER_VALUES.includes(owner.toLowerCase()) ? '' : owner;
}

/** Read the visible contact record of a HubSpot page. `url` gives the contact id. */
export function readHubSpotContact(doc: Document, url: string): ScrapeResult {
  const contact = parseHubSpotContactUrl(url);
  beginHubSpotScrape();
  const body: ParentNode = doc.body ?? doc;
  const page = region(body, RECORD_PAGE, body);
  const left = region(page, LEFT_SIDEBAR, page);
  const middle = region(page, MIDDLE_PANE, page);
  const right = region(page, RIGHT_SIDEBAR, page);

  const read = (property: ContactProperty, max = SHORT_TEXT_MAX) => readContactProperty(left, property, max);

  const highlightName = textOf(firstVisible(left, HIGHLIGHT_NAME, { accept: outsideChrome }));
  const fullName = highlightName || joinDistinct([read('firstname'), read('lastname')], ' ');
  const email = read('email') || textOf(firstVisible(left, HIGHLIGHT_EMAIL, { accept: outsideChrome }));
  const company = readCompanyCard(right);

  const fields: LeadFields = {
    fullName,
    jobTitle: read('jobtitle'),
    company: read('company') || company?.name || '',
    email,
    phone: read('phone') || read('mobilephone'),
    industry: read('industry'),
    location: cleanText(joinDistinct([read('city'), read('state'), read('country')], ', ')),
    description: readNewestActivity(middle) || read('message', LONG_TEXT_MAX) || read('description', LONG_TEXT_MAX),
    companySize: company?.companySize,
    annualRevenue: company?.annualRevenue,
    source: read('hs_analytics_source'),
    owner: readOwner(left),
    status: cleanText(formatHubSpotStatus(read('lifecyclestage'), read('hs_lead_status'))),
  };

  const { shown, missing } = splitShown(fields);

  return ScrapeResultSchema.parse({
    crm: 'hubspot',
    kind: 'record',
    url,
    recordType: 'contact',
    recordId: contact?.contactId ?? '',
    fields: shown,
    missing,
  });
}
