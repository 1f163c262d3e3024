/**
 * Reads the open Zendesk ticket (agent workspace) into a ScrapeResult of kind
 * "conversation".
 *
 * Which ticket: the workspace keeps one pane per open ticket tab
 * (`[data-ticket-id]`) and hides the inactive ones. Only the pane whose id is
 * the URL's is read, and only when it is shown: no `hidden` / `aria-hidden` /
 * inline display:none on it or its ancestors, and the header tab bar does not
 * say another ticket is the selected one (`data-entity-is-selected` /
 * `aria-selected`) — the markers decide on a saved page, where nothing has
 * layout. Otherwise nothing is read (the page has not switched yet): a hidden
 * ticket's data never leaks into this one.
 *
 * What: subject, status, priority (each field's value node only — a field's wrapper also holds
 * its label, an avatar, a hint and a chevron, none of them the value; the status may be a tag next
 * to the submit button, whose "Submit as …" names the NEXT status and is never read), the
 * requester's name (requester field, else the user panel), email and phone (the customer-context
 * panel), and the conversation log in order: each entry's message
 * bodies, direction from the body's `type` — "end-user" = in, "agent" / bot =
 * out, "internal" or an internal-note tag = note — else by sender (the
 * requester = in). Email bodies keep their paragraphs; quoted email history,
 * signatures and the "via" footer are left out. The log is put in time order
 * when every entry carries a datetime (accounts can show newest first).
 * Never read: the global chrome (the signed-in agent's name), the composer.
 *
 * Lead fields: fullName, email, phone of the requester; description = the
 * subject; status = "Status: Open · Priority: High".
 */
import { LONG_TEXT_MAX, ScrapeResultSchema, type Message, type ScrapeResult } from '../../contracts';
import { editableValue, isHiddenByMarkup, isVisible, normalizeLabel, textOf, valueText } from '../dom';
import { messageText } from '../message-text';
import type { SiteQuery } from '../query';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { ZENDESK_SELECTORS } from './selectors';
import { formatStatusParts, splitShown } from '../values';
import { unrecognisedPage } from '../page-status';
import { parseZendeskTicketUrl } from './match';

type ZendeskQuery = SiteQuery<BuiltInSelectorSets['zendesk']>;
type FieldKey = 'SUBJECT' | 'STATUS' | 'PRIORITY' | 'REQUESTER' | 'USER_EMAIL' | 'USER_PHONE';

/** The header tabs' verdict on `ticketId`: 'selected', 'other' (another ticket's tab is the selected one) or 'unknown'. */
function tabVerdict(q: ZendeskQuery, body: ParentNode, ticketId: string): 'selected' | 'other' | 'unknown' {
  let verdict: 'selected' | 'other' | 'unknown' = 'unknown';
  const idAttributes = q.labels('TAB_ID_ATTRIBUTES');
  const selectedAttributes = q.labels('TAB_SELECTED_ATTRIBUTES');
  for (const tab of q.every(body, 'HEADER_TAB')) {
    const id = idAttributes.map((name) => tab.getAttribute(name)).find(Boolean) ?? /\/agent\/tickets\/(\d+)/.exec(tab.getAttribute('href') ?? '')?.[1] ?? '';
    const marks = selectedAttributes.map((name) => tab.getAttribute(name)).filter((value) => value !== null);
    if (marks.includes('true')) {
      if (id === ticketId) return 'selected';
      verdict = 'other';
    } else if (id === ticketId && marks.includes('false')) {
      verdict = 'other';
    }
  }
  return verdict;
}

function insideChrome(q: ZendeskQuery, el: Element): boolean {
  return q.closest(el, 'GLOBAL_CHROME') !== null;
}

/** The shown pane of the URL's ticket, or undefined when it is not the one shown (see the file comment). */
export function findTicketPane(doc: Document, ticketId: string, options?: ScrapeOptions): ParentNode | undefined {
  return ticketPane(siteQuery('zendesk', ZENDESK_SELECTORS, options), doc, ticketId);
}

function ticketPane(q: ZendeskQuery, doc: Document, ticketId: string): ParentNode | undefined {
  const body: ParentNode = doc.body ?? doc;
  if (tabVerdict(q, body, ticketId) === 'other') return undefined;
  const idAttributes = q.labels('TICKET_ID_ATTRIBUTES');
  // Every pane, shown or not: a hidden pane of the URL's ticket means "not switched yet", not "no panes".
  const panes = q.chain('TICKET_PANE').flatMap((selector) => Array.from(body.querySelectorAll(selector))).filter(
    (el) => el.tagName.toUpperCase() !== 'A' && !insideChrome(q, el),
  );
  if (panes.length === 0) return body;
  const pane = panes.find((el) => idAttributes.some((name) => el.getAttribute(name) === ticketId) && isVisible(el));
  if (pane) q.matches(pane, 'TICKET_PANE');
  return pane;
}

const FIELD_LABELS: Partial<Record<FieldKey, 'LABEL_REQUESTER' | 'LABEL_STATUS' | 'LABEL_PRIORITY'>> = {
  REQUESTER: 'LABEL_REQUESTER',
  STATUS: 'LABEL_STATUS',
  PRIORITY: 'LABEL_PRIORITY',
};

/** A field found by its own label: the smallest ancestor of the label that also holds a value. */
function fieldByLabel(q: ZendeskQuery, scope: ParentNode, key: FieldKey): Element | undefined {
  const labelsKey = FIELD_LABELS[key];
  if (!labelsKey) return undefined;
  const names = q.labels(labelsKey);
  for (const label of Array.from(scope.querySelectorAll('label, [data-garden-id$="label"]'))) {
    if (insideChrome(q, label) || !isVisible(label) || !names.includes(normalizeLabel(textOf(label)))) continue;
    let field = label.parentElement;
    for (let depth = 0; field && depth < 3; depth += 1, field = field.parentElement) {
      if (valueText(field, { skip: (node) => node === label })) {
        q.label(normalizeLabel(textOf(label)));
        return field;
      }
    }
  }
  return undefined;
}

/** A field's shown value: its value node, else the field's text without label, hint, controls, icons and placeholders. */
function fieldValue(q: ZendeskQuery, scope: ParentNode, key: FieldKey): string {
  const el = q.first(scope, key, { accept: (node) => !insideChrome(q, node) }) ?? fieldByLabel(q, scope, key);
  if (!el) return '';
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return editableValue(el);
  const placeholders = q.labels('PLACEHOLDERS');
  const node = q.first(el, 'FIELD_VALUE');
  return valueText(node ?? el, { placeholders }) || (node ? '' : editableValue(el));
}

function testIdOf(el: Element): string {
  return el.getAttribute('data-test-id') ?? '';
}

function directionOf(type: string | null, note: boolean, sender: string, requester: string): Message['direction'] {
  if (note || type === 'internal') return 'note';
  if (type === 'end-user') return 'in';
  if (type === 'agent' || type === 'bot' || type === 'system') return 'out';
  return requester && sender.toLowerCase() === requester.toLowerCase() ? 'in' : 'out';
}

/** The ticket's log, in order. */
export function readZendeskLog(scope: ParentNode, requester: string, options?: ScrapeOptions): Message[] {
  return readLog(siteQuery('zendesk', ZENDESK_SELECTORS, options), scope, requester);
}

function readLog(q: ZendeskQuery, scope: ParentNode, requester: string): Message[] {
  const log = q.first(scope, 'LOG');
  if (!log) return [];
  const logItems = new Set(q.labels('LOG_ITEMS'));
  const noteItems = new Set(q.labels('LOG_NOTE_ITEMS'));
  const notMessageIds = new Set(q.labels('NOT_MESSAGE_TEST_IDS'));
  const notMessageClasses = new Set(q.labels('NOT_MESSAGE_CLASSES'));
  const notMessage = (el: Element): boolean => {
    if (notMessageIds.has(testIdOf(el))) return true;
    const classes = (el.getAttribute('class') ?? '').split(/\s+/);
    return classes.some((name) => notMessageClasses.has(name));
  };
  const messages: (Message & { order: number; at: number })[] = [];
  const items = Array.from(log.querySelectorAll('[data-test-id]')).filter((el) => logItems.has(testIdOf(el)) && !isHiddenByMarkup(el));
  for (const item of items) {
    const note = noteItems.has(testIdOf(item)) || q.first(item, 'NOTE_TAG', { accept: () => true }) !== undefined;
    const author = textOf(q.first(item, 'SENDER'));
    const bodies = q.all(item, 'ITEM_MESSAGE', { accept: (el) => !isHiddenByMarkup(el) });
    for (const body of bodies.length > 0 ? bodies : [item]) {
      const content = q.first(body, 'MESSAGE_CONTENT') ?? body;
      const text = messageText(content, { whitespace: 'html', skip: notMessage, max: LONG_TEXT_MAX });
      if (!text) continue;
      const stamp = q.first(body, 'TIME') ?? q.first(item, 'TIME');
      const time = stamp?.getAttribute('datetime') ?? '';
      messages.push({
        direction: directionOf(body === item ? null : body.getAttribute('type'), note, author, requester),
        author,
        time,
        text,
        order: messages.length,
        at: Date.parse(time),
      });
    }
  }
  if (messages.every((message) => Number.isFinite(message.at))) messages.sort((a, b) => a.at - b.at || a.order - b.order);
  return messages.slice(-500).map(({ direction, author, time, text }) => ({ direction, author, time, text }));
}

/** Read the ticket of a Zendesk agent workspace ticket URL. */
export function readZendeskTicket(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const q = siteQuery('zendesk', ZENDESK_SELECTORS, options);
  const ticketId = parseZendeskTicketUrl(url) ?? '';
  const scope = ticketId ? ticketPane(q, doc, ticketId) : undefined;
  const read = (field: string, key: FieldKey) => (scope ? q.field(field, () => fieldValue(q, scope, key)) : '');
  const subject = read('description', 'SUBJECT');
  const status = read('status', 'STATUS');
  const priority = read('status', 'PRIORITY');
  const name = read('fullName', 'REQUESTER');
  const email = read('email', 'USER_EMAIL');
  const phone = read('phone', 'USER_PHONE');
  const messages = scope ? readLog(q, scope, name) : [];
  // A workspace shows ticket panes, header tabs or at least one ticket field; a page with none is no ticket page.
  const body: ParentNode = doc.body ?? doc;
  const recognised = Boolean(q.first(body, 'TICKET_PANE', { accept: () => true }) || q.first(body, 'HEADER_TAB') || subject || name || messages.length);
  const { shown, missing } = splitShown({
    fullName: name,
    email,
    phone,
    description: subject,
    status: formatStatusParts([['Status', status], ['Priority', priority]]),
  });
  return ScrapeResultSchema.parse({
    crm: 'zendesk',
    kind: 'conversation',
    url,
    recordType: 'ticket',
    recordId: ticketId,
    fields: shown,
    missing,
    conversation: { contact: { name, phone, email }, subject, status, priority, messages },
    unrecognised: recognised ? undefined : unrecognisedPage('zendesk', 'conversation', 'ticket workspace, ticket fields, conversation log'),
  });
}
