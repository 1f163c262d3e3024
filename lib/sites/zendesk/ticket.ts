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
 * What: subject, status, priority (the ticket fields' shown values), the
 * requester's name (requester field, else the user panel), email and phone
 * (the user panel), and the conversation log in order: each entry's message
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
import { editableValue, firstVisible, isHiddenByMarkup, isVisible, textOf } from '../dom';
import { messageText } from '../message-text';
import { formatStatusParts, splitShown } from '../values';
import { parseZendeskTicketUrl } from './match';
import {
  GLOBAL_CHROME,
  HEADER_TAB,
  ITEM_MESSAGE,
  LOG,
  LOG_ITEM,
  LOG_ITEM_NOTE,
  MESSAGE_CONTENT,
  NOTE_TAG,
  NOT_MESSAGE_CLASSES,
  NOT_MESSAGE_TEST_IDS,
  NOT_VALUE,
  PRIORITY,
  REQUESTER,
  SENDER,
  STATUS,
  SUBJECT,
  TAB_ENTITY_ID,
  TAB_SELECTED,
  TICKET_WORKSPACE_ID_ATTRIBUTE,
  TIME,
  USER_EMAIL,
  USER_NAME,
  USER_PHONE,
} from './selectors';

const LOG_ITEMS = new Set<string>(LOG_ITEM);

/** The header tabs' verdict on `ticketId`: 'selected', 'other' (another ticket's tab is the selected one) or 'unknown'. */
function tabVerdict(body: ParentNode, ticketId: string): 'selected' | 'other' | 'unknown' {
  let verdict: 'selected' | 'other' | 'unknown' = 'unknown';
  for (const tab of Array.from(body.querySelectorAll(HEADER_TAB))) {
    const id = tab.getAttribute(TAB_ENTITY_ID) ?? /\/agent\/tickets\/(\d+)/.exec(tab.getAttribute('href') ?? '')?.[1] ?? '';
    const marks = TAB_SELECTED.map((name) => tab.getAttribute(name)).filter((value) => value !== null);
    if (marks.includes('true')) {
      if (id === ticketId) return 'selected';
      verdict = 'other';
    } else if (id === ticketId && marks.includes('false')) {
      verdict = 'other';
    }
  }
  return verdict;
}

/** The shown pane of the URL's ticket, or undefined when it is not the one shown (see the file comment). */
export function findTicketPane(doc: Document, ticketId: string): ParentNode | undefined {
  const body: ParentNode = doc.body ?? doc;
  if (tabVerdict(body, ticketId) === 'other') return undefined;
  const panes = Array.from(body.querySelectorAll(`[${TICKET_WORKSPACE_ID_ATTRIBUTE}]`)).filter(
    (el) => el.tagName.toUpperCase() !== 'A' && !insideChrome(el),
  );
  if (panes.length === 0) return body;
  return panes.find((pane) => pane.getAttribute(TICKET_WORKSPACE_ID_ATTRIBUTE) === ticketId && isVisible(pane));
}

function insideChrome(el: Element): boolean {
  return GLOBAL_CHROME.some((selector) => el.closest(selector) !== null);
}

/** A select's or field's shown value, without its chevron, hidden native input and badge letter. */
function fieldValue(scope: ParentNode, chain: readonly string[]): string {
  const el = firstVisible(scope, chain, { accept: (node) => !insideChrome(node) });
  if (!el) return '';
  const tag = el.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return editableValue(el);
  return textOf(el, { skip: (node) => node.matches(NOT_VALUE) }) || editableValue(el);
}

function testIdOf(el: Element): string {
  return el.getAttribute('data-test-id') ?? '';
}

function notMessage(el: Element): boolean {
  if (NOT_MESSAGE_TEST_IDS.has(testIdOf(el))) return true;
  const classes = (el.getAttribute('class') ?? '').split(/\s+/);
  return classes.some((name) => NOT_MESSAGE_CLASSES.has(name)) || (el.tagName.toUpperCase() === 'BLOCKQUOTE' && classes.includes('gmail_quote'));
}

function directionOf(type: string | null, note: boolean, sender: string, requester: string): Message['direction'] {
  if (note || type === 'internal') return 'note';
  if (type === 'end-user') return 'in';
  if (type === 'agent' || type === 'bot' || type === 'system') return 'out';
  return requester && sender.toLowerCase() === requester.toLowerCase() ? 'in' : 'out';
}

/** The ticket's log, in order. */
export function readZendeskLog(scope: ParentNode, requester: string): Message[] {
  const log = firstVisible(scope, LOG);
  if (!log) return [];
  const messages: (Message & { order: number; at: number })[] = [];
  const items = Array.from(log.querySelectorAll('[data-test-id]')).filter((el) => LOG_ITEMS.has(testIdOf(el)) && !isHiddenByMarkup(el));
  for (const item of items) {
    const note = testIdOf(item) === LOG_ITEM_NOTE || item.querySelector(NOTE_TAG) !== null;
    const author = textOf(firstVisible(item, SENDER));
    const bodies = ITEM_MESSAGE.flatMap((selector) => Array.from(item.querySelectorAll(selector))).filter((el) => !isHiddenByMarkup(el));
    for (const body of bodies.length > 0 ? bodies : [item]) {
      const content = firstVisible(body, MESSAGE_CONTENT) ?? body;
      const text = messageText(content, { whitespace: 'html', skip: notMessage, max: LONG_TEXT_MAX });
      if (!text) continue;
      const time = (body.querySelector(TIME) ?? item.querySelector(TIME))?.getAttribute('datetime') ?? '';
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
export function readZendeskTicket(doc: Document, url: string): ScrapeResult {
  const ticketId = parseZendeskTicketUrl(url) ?? '';
  const scope = ticketId ? findTicketPane(doc, ticketId) : undefined;
  const subject = scope ? fieldValue(scope, SUBJECT) : '';
  const status = scope ? fieldValue(scope, STATUS) : '';
  const priority = scope ? fieldValue(scope, PRIORITY) : '';
  const name = scope ? fieldValue(scope, REQUESTER) || fieldValue(scope, USER_NAME) : '';
  const email = scope ? fieldValue(scope, USER_EMAIL) : '';
  const phone = scope ? fieldValue(scope, USER_PHONE) : '';
  const messages = scope ? readZendeskLog(scope, name) : [];
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
  });
}
