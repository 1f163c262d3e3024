/**
 * Reads the visible HubSpot contact record page into a ScrapeResult.
 *
 * Where each Lead field comes from:
 * - fullName: the highlight card title (never an email address shown in its place), else
 *   "First name" + "Last name".
 * - jobTitle, company, email, phone (else mobile phone), industry, source (Original source): the
 *   contact's own properties in the left column only — the company card's phone or industry is the
 *   company's, not the contact's. company falls back to the primary associated company's name.
 * - location: City, State/Region, Country/Region joined with ", " (empty parts and repeats
 *   dropped), e.g. "Santiago, Región Metropolitana, Chile".
 * - owner: the Contact owner as shown (a name; a placeholder such as "No owner" / "Sin propietario"
 *   is no owner, and "Name (email)" is the name).
 * - status: "Lifecycle stage: {stage} · Lead status: {status}" — fixed English prefixes whatever
 *   the UI language, values as displayed; either part alone when only one is shown.
 * - description: the body of the newest note / email / call / meeting in the timeline (by its
 *   timestamp, so a pinned older note does not win), else the "Message" or "Description" property.
 * - companySize / annualRevenue: Number of employees / Annual revenue on the primary associated
 *   company card; a number when the shown value is a plain integer, else the text.
 *
 * A property is found by its internal name first (test hooks: `property-input-{name}`, the
 * highlight strip, the all-properties panel), then by its label in the UI language — cards such as
 * "Contact profile" name no property in the DOM. Either way the value is read from the value node
 * only: never the label, a "Details" / "Edit" / "Copy" button, an icon or a placeholder.
 * Only visible nodes are read (hidden skeleton copies and aria-hidden cards are skipped), never
 * inside the global nav (the signed-in rep's own name and email), and only through textContent / value.
 */
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, ScrapeResultSchema, type LeadFields, type ScrapeResult } from '../../contracts';
import { FORM_CONTROLS, cleanText, isHiddenInside, isVisible, normalizeLabel, textOf, valueText } from '../dom';
import type { SiteQuery } from '../query';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { HUBSPOT_SELECTORS } from './selectors';
import { formatStatusParts, joinDistinct, looksLikeEmail, ownerName, parseWholeAmount, splitShown } from '../values';
import { unrecognisedPage } from '../page-status';
import { parseHubSpotContactUrl } from './match';

export type HubSpotQuery = SiteQuery<BuiltInSelectorSets['hubspot']>;
type LabelKey = keyof BuiltInSelectorSets['hubspot']['labels'];

/** The label list of a property, by its internal name ("hubspot_owner_id" → PROP_HUBSPOT_OWNER_ID). */
export function propertyLabels(q: HubSpotQuery, property: string): readonly string[] {
  const key = `PROP_${property.toUpperCase()}` as LabelKey;
  return key in q.selectors.labels ? q.labels(key) : [];
}

/** The record page's region (outside the global nav / menus): everything a record reader reads is in it. */
export function findRecordPage(q: HubSpotQuery, body: ParentNode): Element | undefined {
  return q.first(body, 'RECORD_PAGE', { accept: (el) => q.closest(el, 'GLOBAL_CHROME') === null });
}

/** The pieces of one record page, and the property reader over them, for one scrape. */
export class HubSpotPage {
  readonly body: ParentNode;
  readonly page: ParentNode;
  readonly left: ParentNode;
  readonly middle: ParentNode;
  readonly right: ParentNode;
  /** The page shows at least one region of a record layout (else it is no record page). */
  readonly recognised: boolean;
  /** Visible labels of a scope with their normalised text, built once per scope (a record asks for labels a dozen times). */
  private readonly labelIndex = new Map<ParentNode, { text: string; label: Element }[]>();

  constructor(readonly q: HubSpotQuery, doc: Document) {
    this.body = doc.body ?? doc;
    this.page = findRecordPage(q, this.body) ?? this.body;
    this.left = this.region(this.page, 'LEFT_SIDEBAR', this.page);
    this.middle = this.region(this.page, 'MIDDLE_PANE', this.page);
    this.right = this.region(this.page, 'RIGHT_SIDEBAR', this.page);
    this.recognised = [this.page, this.left, this.middle, this.right].some((region) => region !== this.body);
  }

  /** The "not a record page" notice when the page has no record layout and nothing was read. */
  unrecognised(fields: LeadFields): string | undefined {
    if (this.recognised || Object.keys(fields).length > 0) return undefined;
    return unrecognisedPage('hubspot', 'record', 'record page, sidebars, property cards');
  }

  /** Not inside the global nav / account menu / a floating tooltip. */
  readonly outsideChrome = (el: Element): boolean => this.q.closest(el, 'GLOBAL_CHROME') === null;

  private region(scope: ParentNode, key: 'LEFT_SIDEBAR' | 'MIDDLE_PANE' | 'RIGHT_SIDEBAR', fallback: ParentNode): ParentNode {
    return this.q.first(scope, key, { accept: this.outsideChrome }) ?? fallback;
  }

  first(scope: ParentNode, key: Parameters<HubSpotQuery['first']>[1], vars?: Record<string, string>): Element | undefined {
    return this.q.first(scope, key, { accept: this.outsideChrome, vars });
  }

  value(el: Element | undefined, max = SHORT_TEXT_MAX): string {
    return propertyValue(this.q, el, max);
  }

  /** A property (by internal name) in `scope`: its hooks first, then its labels. */
  read(scope: ParentNode, property: string, labels: readonly string[] = propertyLabels(this.q, property), max = SHORT_TEXT_MAX): string {
    const chain = this.q.chain('PROPERTY_VALUE', { property });
    for (let index = 0; index < chain.length; index += 1) {
      if (!chain[index]) continue;
      for (const el of Array.from(scope.querySelectorAll(chain[index]!))) {
        if (!this.outsideChrome(el) || !isVisible(el)) continue;
        const value = propertyValue(this.q, el, max);
        if (value) {
          this.q.used('PROPERTY_VALUE', index, chain[index]);
          return value;
        }
      }
    }
    return this.readByLabel(scope, labels, max);
  }

  private labelsOf(scope: ParentNode): { text: string; label: Element }[] {
    let entries = this.labelIndex.get(scope);
    if (!entries) {
      // All label forms at once, in document order: a page may mix <label> rows and <dt>/<dd> lists.
      entries = this.q.every(scope, 'PROPERTY_LABEL', { accept: this.outsideChrome }).map((label) => ({ text: normalizeLabel(textOf(label)), label }));
      // A label-only property row whose label is no <label> (a styled span): its first element with text is the label.
      const labelled = new Set(entries.map(({ label }) => this.q.closest(label, 'PROPERTY_ROW')));
      for (const row of this.q.all(scope, 'PROPERTY_ROW', { accept: this.outsideChrome })) {
        if (labelled.has(row)) continue;
        const label = Array.from(row.querySelectorAll('*')).find((el) => el.children.length === 0 && textOf(el) !== '');
        if (label) entries.push({ text: normalizeLabel(textOf(label)), label });
      }
      entries.sort((a, b) => (a.label.compareDocumentPosition(b.label) & 4 ? -1 : 1));
      this.labelIndex.set(scope, entries);
    }
    return entries;
  }

  readByLabel(scope: ParentNode, labels: readonly string[], max = SHORT_TEXT_MAX): string {
    for (const { text, label } of this.labelsOf(scope)) {
      if (!labels.includes(text)) continue;
      const valueEl = this.valueElementForLabel(label, scope);
      if (!valueEl) continue;
      const value = propertyValue(this.q, valueEl, max, label);
      if (value) {
        this.q.label(text);
        return value;
      }
    }
    return '';
  }

  /**
   * The element holding the value a label names: its `for` target, the control that says it is
   * labelled by it (aria-labelledby), the next `dd`, the property row around it, else the
   * smallest ancestor that holds more than the label.
   */
  private valueElementForLabel(label: Element, scope: ParentNode): Element | undefined {
    const doc = label.ownerDocument;
    const forId = label.getAttribute('for');
    if (forId) {
      const target = doc.getElementById(forId);
      if (target && (scope as Node).contains(target) && isVisible(target)) return target;
    }
    const id = label.getAttribute('id');
    if (id) {
      const labelled = Array.from((scope as ParentNode).querySelectorAll('[aria-labelledby]')).find((el) => el.getAttribute('aria-labelledby')!.split(/\s+/).includes(id));
      if (labelled && isVisible(labelled)) return labelled;
    }
    if (label.tagName.toUpperCase() === 'DT') {
      const dd = label.nextElementSibling;
      return dd && dd.tagName.toUpperCase() === 'DD' ? dd : undefined;
    }
    const row = this.q.closest(label, 'PROPERTY_ROW');
    if (row && (scope as Node).contains(row)) return row;
    // Never past the row: an ancestor holding another property's label holds other properties' values too.
    const labels = this.q.joined('PROPERTY_LABEL');
    let up = label.parentElement;
    for (let depth = 0; up && depth < 4; depth += 1, up = up.parentElement) {
      if (up === scope || Array.from(up.querySelectorAll(labels)).some((other) => other !== label && !label.contains(other))) break;
      if (textOf(up, { skip: (node) => node === label }) || up.querySelector(FORM_CONTROLS)) return up;
    }
    return undefined;
  }
}

/**
 * The value of a property element: a control's value; for a whole row, its visible control's
 * value — empty when the control is empty, never the label — else the row's value text (labels,
 * action buttons, icons and placeholders left out).
 */
function propertyValue(q: HubSpotQuery, el: Element | undefined, max: number, label?: Element): string {
  if (!el) return '';
  const placeholders = q.labels('PLACEHOLDERS');
  if (el.matches(FORM_CONTROLS)) return valueText(el, { max, placeholders });
  const control = Array.from(el.querySelectorAll(FORM_CONTROLS)).find((node) => !isHiddenInside(node, el) && (node.getAttribute('type') ?? '') !== 'checkbox');
  if (control) return valueText(control, { max, placeholders });
  const labelPart = q.joined('PROPERTY_LABEL');
  return valueText(el, { max, placeholders, skip: (node) => node === label || node.matches(labelPart) });
}

/** Status in one clean form: "Lifecycle stage: Lead · Lead status: Open". */
export function formatHubSpotStatus(lifecycleStage: string, leadStatus: string): string {
  return formatStatusParts([['Lifecycle stage', lifecycleStage], ['Lead status', leadStatus]]);
}

export { parseWholeAmount } from '../values';

/** One timeline card as read: its engagement type (upper case; undefined when unmarked), its body as text, its time. */
export interface TimelineCard {
  type: string | undefined;
  text: string;
  /** Milliseconds; -Infinity when the card has no readable timestamp. */
  time: number;
  /** ISO date of `time`, '' when unknown. */
  date: string;
}

/**
 * The visible timeline cards with a body, newest first by their timestamp (a pinned older note
 * does not come first; document order breaks ties). `keep` decides by engagement type.
 */
export function readTimelineCards(page: HubSpotPage, keep: (type: string | undefined) => boolean): TimelineCard[] {
  const { q } = page;
  const typeAttributes = q.labels('TIMELINE_TYPE_ATTRIBUTES');
  const cards: (TimelineCard & { order: number })[] = [];
  q.all(page.middle, 'TIMELINE_CARD', { accept: page.outsideChrome }).forEach((card, order) => {
    const type = typeAttributes.map((name) => card.getAttribute(name)).find(Boolean)?.toUpperCase();
    if (!keep(type)) return;
    const text = textOf(q.first(card, 'TIMELINE_CARD_BODY'), { max: LONG_TEXT_MAX });
    if (!text) return;
    const stamp = q.first(card, 'TIMELINE_CARD_TIME')?.getAttribute('datetime') ?? '';
    const parsed = Date.parse(stamp);
    const known = !Number.isNaN(parsed);
    cards.push({ type, text, time: known ? parsed : Number.NEGATIVE_INFINITY, date: known ? new Date(parsed).toISOString().slice(0, 10) : '', order });
  });
  cards.sort((a, b) => b.time - a.time || a.order - b.order);
  return cards.map(({ order: _order, ...card }) => card);
}

/** The newest describing activity body in the timeline (by timestamp; document order breaks ties). */
export function readNewestActivity(page: HubSpotPage): string {
  const describing = new Set(page.q.labels('DESCRIBING_ENGAGEMENT_TYPES'));
  return readTimelineCards(page, (type) => type === undefined || describing.has(type))[0]?.text ?? '';
}

export interface CompanyCardValues {
  name: string;
  companySize?: number | string;
  annualRevenue?: number | string;
}

function readCompanyProperty(page: HubSpotPage, chicklet: Element, property: 'numberofemployees' | 'annualrevenue'): number | string | undefined {
  const byHook = page.q.first(chicklet, 'COMPANY_PROPERTY', { vars: { property } });
  const text = byHook ? page.value(byHook) : page.readByLabel(chicklet, propertyLabels(page.q, property));
  return text ? parseWholeAmount(text) : undefined;
}

/** The primary associated company as its card shows it (first visible chicklet). */
export function readCompanyCard(page: HubSpotPage): CompanyCardValues | undefined {
  const card = page.first(page.right, 'COMPANY_CARD');
  if (!card) return undefined;
  const chicklet = page.q.first(card, 'COMPANY_CHICKLET') ?? card;
  return {
    name: page.value(page.q.first(chicklet, 'COMPANY_NAME')),
    companySize: page.q.field('companySize', () => readCompanyProperty(page, chicklet, 'numberofemployees')),
    annualRevenue: page.q.field('annualRevenue', () => readCompanyProperty(page, chicklet, 'annualrevenue')),
  };
}

/** The record's name on its highlight card; an email shown where the name would be is not a name. */
export function readHighlightName(page: HubSpotPage): string {
  const name = page.value(page.first(page.left, 'HIGHLIGHT_NAME'));
  return looksLikeEmail(name) ? '' : name;
}

/** An owner property as a person's name: placeholders are no owner, "Name (email)" is Name. */
export function readOwner(page: HubSpotPage, labels: readonly string[]): string {
  return ownerName(page.read(page.left, 'hubspot_owner_id', labels), page.q.labels('PLACEHOLDERS'));
}

/** Read the visible contact record of a HubSpot page. `url` gives the contact id. */
export function readHubSpotContact(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const contact = parseHubSpotContactUrl(url);
  const page = new HubSpotPage(siteQuery('hubspot', HUBSPOT_SELECTORS, options), doc);
  const { q, left } = page;
  const read = (property: string, max = SHORT_TEXT_MAX) => page.read(left, property, propertyLabels(q, property), max);
  const field = <T>(name: string, readField: () => T) => q.field(name, readField);

  const company = readCompanyCard(page);
  const fields: LeadFields = {
    fullName: field('fullName', () => readHighlightName(page) || joinDistinct([read('firstname'), read('lastname')], ' ')),
    jobTitle: field('jobTitle', () => read('jobtitle')),
    company: field('company', () => read('company') || company?.name || ''),
    email: field('email', () => read('email')),
    phone: field('phone', () => read('phone') || read('mobilephone')),
    industry: field('industry', () => read('industry')),
    location: field('location', () => cleanText(joinDistinct([read('city'), read('state'), read('country')], ', '))),
    description: field('description', () => readNewestActivity(page) || read('message', LONG_TEXT_MAX) || read('description', LONG_TEXT_MAX)),
    companySize: company?.companySize,
    annualRevenue: company?.annualRevenue,
    source: field('source', () => read('hs_analytics_source')),
    owner: field('owner', () => readOwner(page, propertyLabels(q, 'hubspot_owner_id'))),
    status: field('status', () => cleanText(formatHubSpotStatus(read('lifecyclestage'), read('hs_lead_status')))),
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
    unrecognised: page.unrecognised(shown),
  });
}
