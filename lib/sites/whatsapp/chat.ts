/**
 * Reads the open WhatsApp Web chat into a ScrapeResult of kind "conversation".
 *
 * Where: only inside the chat panel (#main). The chat list (#pane-side) shows other customers'
 * names and last messages, and side drawers (search, starred messages) hold bubbles of other
 * chats: none of it is read.
 *
 * Which chat: its jid when the message ids carry one ("false_34600111222@c.us_3EB0…" →
 * "34600111222@c.us"; groups "…@g.us"). Late-2026 builds put only the message id in `data-id`:
 * the chat is then named by a stable hash of its header title ("title-1a2b3c4d").
 *
 * Messages, in document order (the order shown), the last 500 kept. A row is a message when it has
 * a text and a direction; date separators, the encryption notice, group events, deleted messages
 * and media without a caption are not. Direction comes from independent signals, in this order
 * (the first one present decides; the explanation names it):
 *   1. the message id's fromMe flag (`true_` = ours), when the id has one;
 *   2. the bubble class `message-out` / `message-in`, when the build has them;
 *   3. the tail icon (`tail-out` / `tail-in`), which WhatsApp draws on the first bubble of a run;
 *   4. marks only our own bubbles carry: a delivery-status icon (clock, ticks), a status label
 *      ("Leído", "Delivered"), the "Tú:" / "You:" sender label → ours;
 *   5. the bubble's side of the panel (right = ours), when the engine has layout;
 *   6. a 1:1 chat's message signed by the chat's own title → theirs;
 *   7. the run it continues: a bubble without a tail belongs to the run above it, when nothing
 *      (a date, a notice) separates them.
 * A text with none of these is left out, never guessed.
 * Time and author come from the copy prefix "[10:32, 21/11/2026] María: " (time kept as shown);
 * a message without one (a caption-less forward) takes the author of the run, or the chat title
 * for an incoming 1:1 message, and no time.
 * Text: the message's own text hook, with line breaks and emoji (`img.emoji[alt]`); a reply's
 * quoted block, icons (and their SVG titles), reaction buttons and the meta line never count.
 *
 * Contact: the header title — a saved name, a group's name, or a number ("+34 600 111 222" →
 * phone); an individual chat's phone also comes from a phone jid when the title is a name. A group
 * (a "@g.us" jid, or several people writing) is not a lead.
 *
 * On the QR / login screen or the "no chat open" landing there is no #main: the result is kind
 * "conversation" with recordId "", no contact and no messages (the content script watches the
 * same URL until a chat opens).
 */
import { LONG_TEXT_MAX, ScrapeResultSchema, type LeadFields, type Message, type ScrapeResult } from '../../contracts';
import { cleanText, isHiddenByMarkup, isVisible, isVisibleWithin, textOf } from '../dom';
import { messageText } from '../message-text';
import { siteQuery, type BuiltInSelectorSets, type ScrapeOptions } from '../scrape-context';
import { WHATSAPP_SELECTORS } from './selectors';
import type { ChainTester, FirstShown, SiteQuery } from '../query';
import { unrecognisedPage } from '../page-status';
import { splitShown } from '../values';

type Query = SiteQuery<BuiltInSelectorSets['whatsapp']>;

/** The contract's bound on a conversation's messages (the latest are kept). */
export const WHATSAPP_MESSAGES_MAX = 500;

/** "{fromMe}_{chat jid}_{message id}[_{author jid}]" */
const DATA_ID = /^(true|false)_([^_\s]+@[a-z.]+)_([^_\s]+)(?:_(\S+))?$/;

/** "[10:32, 21/11/2026] María González: " */
const PRE_PLAIN = /^\s*\[([^\]]{1,60})\]\s*(.*?):\s*$/s;

const PHONE_LIKE = /^\+?[\d\s().-]{7,24}$/;
const PERSONAL_JID = /^(\d{6,15})@(?:c\.us|s\.whatsapp\.net)$/;

export interface WhatsAppMessageId {
  fromMe: boolean;
  chatJid: string;
  messageId: string;
  authorJid: string;
}

/** The parts of a message row's data-id, or undefined when it is not one of that shape. */
export function parseWhatsAppMessageId(dataId: string): WhatsAppMessageId | undefined {
  const match = DATA_ID.exec(dataId);
  if (!match) return undefined;
  return { fromMe: match[1] === 'true', chatJid: match[2]!, messageId: match[3]!, authorJid: match[4] ?? '' };
}

/** A stable id for a chat known only by its title (32-bit FNV-1a, hex). */
export function titleRecordId(title: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < title.length; i += 1) {
    hash ^= title.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `title-${hash.toString(16).padStart(8, '0')}`;
}

type Direction = 'in' | 'out';

/** Label lists as sets, built once per scrape. */
interface Vocabulary {
  inClasses: Set<string>;
  outClasses: Set<string>;
  tailIn: Set<string>;
  tailOut: Set<string>;
  ownIcons: Set<string>;
  ownStatus: Set<string>;
  ownSender: Set<string>;
  quoteLabels: Set<string>;
  recalled: Set<string>;
  deleted: Set<string>;
}

const lower = (list: readonly string[]) => new Set(list.map((text) => text.trim().toLowerCase()));

function vocabulary(q: Query): Vocabulary {
  return {
    inClasses: new Set(q.labels('IN_CLASSES')),
    outClasses: new Set(q.labels('OUT_CLASSES')),
    tailIn: new Set(q.labels('TAIL_IN_ICONS')),
    tailOut: new Set(q.labels('TAIL_OUT_ICONS')),
    ownIcons: new Set(q.labels('OWN_STATUS_ICONS')),
    ownStatus: lower(q.labels('OWN_STATUS_LABELS')),
    ownSender: lower(q.labels('OWN_SENDER_LABELS')),
    quoteLabels: lower(q.labels('QUOTE_LABELS')),
    recalled: new Set(q.labels('RECALLED_ICONS')),
    deleted: lower(q.labels('DELETED_TEXTS')),
  };
}

/** What one row shows, found in one walk of its subtree (elements inside a reply's quote block never count). */
interface RowHooks {
  row: Element;
  /** The MESSAGE_ROW selector that found the row, and the row's data-id as read during the walk. */
  rowIndex: number;
  dataId: string | null;
  bubbleClass?: Direction;
  tail?: Direction;
  own?: string;
  recalled: boolean;
  prefix?: { el: Element; index: number };
  text?: { el: Element; index: number };
  bubble?: { el: Element; index: number };
  /** The quote blocks of this row, with the QUOTE selector that found each. */
  quotes: Map<Element, number>;
  /** Own-message marks, texts and prefixes as found: what lies inside a quote block is dropped at the end. */
  marks: { el: Element; own: string }[];
  texts: { el: Element; index: number }[];
  prefixes: { el: Element; index: number }[];
}

function isQuoteLabel(el: Element, words: Vocabulary): boolean {
  const label = el.getAttribute('aria-label');
  return label !== null && words.quoteLabels.has(label.trim().toLowerCase());
}

/** "Tú:" → "tú"; " Leído " → "leído". */
function labelWord(label: string): string {
  return label.trim().replace(/:$/, '').trim().toLowerCase();
}

/** The button around a quoted text: the reply's quote block (clicking it jumps to the quoted message). */
function quoteBlock(quoted: Element, row: Element): Element | undefined {
  for (let node: Element | null = quoted; node && node !== row; node = node.parentElement) {
    if (node.getAttribute('role') === 'button') return node;
  }
  return undefined;
}

// Module level, not a closure inside bubbleClassOf: that runs for every element of the panel.
function hasAnyClass(test: ChainTester, names: Set<string>): boolean {
  for (const name of names) if (test.hasClass(name)) return true;
  return false;
}

/**
 * The side an element's own classes put its bubble on ("message-out"), if any. Most elements of a
 * row carry neither class: each known class is looked for in the attribute, and only an element
 * with both is split, where its last such class decides.
 */
function bubbleClassOf(test: ChainTester, words: Vocabulary): Direction | undefined {
  const out = hasAnyClass(test, words.outClasses);
  const inward = hasAnyClass(test, words.inClasses);
  if (!out || !inward) return out ? 'out' : inward ? 'in' : undefined;
  let side: Direction | undefined;
  for (const token of (test.attribute('class') ?? '').split(/\s+/)) {
    if (words.outClasses.has(token)) side = 'out';
    else if (words.inClasses.has(token)) side = 'in';
  }
  return side;
}

/** What one walk of the chat panel finds: the message rows with their hooks, and the chat header. */
interface PanelScan {
  rows: RowHooks[];
  header: FirstShown;
}

/** The chains the panel's walk tests, and their slots in its ChainTester. */
const SCANNED = ['MESSAGE_ROW', 'MESSAGE_PREFIX', 'MESSAGE_TEXT', 'QUOTE', 'MESSAGE_BUBBLE', 'CHAT_HEADER'] as const;
const [ROW, PREFIX, TEXT, QUOTE, BUBBLE, HEADER] = [0, 1, 2, 3, 4, 5] as const;

/**
 * The shown message rows of the panel (the outermost [data-id] elements, never inside the
 * composer) and each row's hooks, in ONE walk of the panel: every selector of the row-level
 * chains is tested per element (a 200-message chat would otherwise cost hundreds of queries).
 * The same walk answers the CHAT_HEADER chain as `first` would (a header selector that finds
 * nothing would otherwise walk the whole panel again): for that, the parts the row reader skips
 * (the composer, a hidden row, the inside of a message text) are still visited, for the header
 * chain alone, while an earlier header selector could still win.
 */
function scanPanel(q: Query, panel: Element, words: Vocabulary, withHeader: boolean): PanelScan {
  const test = q.tester(panel, withHeader ? SCANNED : SCANNED.slice(0, HEADER));
  const header = q.firstShown();
  // Markers above the panel hide every row: judged once, then each row only up to the panel.
  const panelShown = !isHiddenByMarkup(panel);
  const rows: RowHooks[] = [];
  const offerHeader = (el: Element): void => {
    if (withHeader && el !== panel && header.index > 0) header.offer(el, test.hit(HEADER, header.index));
  };
  /** Below an element the row reader does not read further: only the header chain is tested, while it can still change. */
  const skipped = (el: Element): void => {
    for (let child = el.firstElementChild; child && withHeader && header.index > 0; child = child.nextElementSibling) {
      test.test(child);
      offerHeader(child);
      skipped(child);
    }
  };
  const walk = (el: Element, row: RowHooks | undefined): void => {
    test.test(el);
    offerHeader(el);
    if (test.localName() === 'footer') return skipped(el);
    if (!row) {
      const rowIndex = test.hit(ROW);
      if (rowIndex === undefined) {
        for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child, undefined);
        return;
      }
      if (!panelShown || !isVisibleWithin(el, panel)) return skipped(el);
      row = { row: el, rowIndex, dataId: test.attribute('data-id'), recalled: false, quotes: new Map(), marks: [], texts: [], prefixes: [] };
      rows.push(row);
    }
    const label = test.attribute('aria-label');
    const spoken = label?.trim().toLowerCase();
    // A quote block is known by the quoted text's hook (any UI language) or by its aria-label.
    if (spoken !== undefined && words.quoteLabels.has(spoken) && !row.quotes.has(el)) row.quotes.set(el, -1);
    const quoteIndex = test.hit(QUOTE);
    if (quoteIndex !== undefined) {
      const block = quoteBlock(el, row.row);
      if (block) row.quotes.set(block, quoteIndex);
    }
    if (!row.bubbleClass) row.bubbleClass = bubbleClassOf(test, words);
    const icon = test.attribute('data-icon') ?? test.attribute('data-testid') ?? '';
    if (icon) {
      if (!row.tail && words.tailOut.has(icon)) row.tail = 'out';
      else if (!row.tail && words.tailIn.has(icon)) row.tail = 'in';
      if (words.ownIcons.has(icon)) row.marks.push({ el, own: `delivery-status icon "${icon}"` });
      if (words.recalled.has(icon)) row.recalled = true;
    }
    if (label && spoken !== undefined) {
      const word = labelWord(spoken);
      if (words.ownStatus.has(word)) row.marks.push({ el, own: `delivery status "${label.trim()}"` });
      else if (spoken.endsWith(':') && words.ownSender.has(word)) row.marks.push({ el, own: `sender label "${label.trim()}"` });
    }
    const prefixIndex = test.hit(PREFIX);
    if (prefixIndex !== undefined) row.prefixes.push({ el, index: prefixIndex });
    if (!row.bubble) {
      const bubbleIndex = test.hit(BUBBLE);
      if (bubbleIndex !== undefined) row.bubble = { el, index: bubbleIndex };
    }
    const textIndex = test.hit(TEXT);
    if (textIndex !== undefined) {
      row.texts.push({ el, index: textIndex });
      // A text's own children are text and emoji: nothing else to find inside it.
      return skipped(el);
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child, row);
  };
  walk(panel, undefined);
  // What sat inside a quote block belongs to the quoted message, not to this one.
  for (const row of rows) {
    const blocks = [...row.quotes.keys()];
    const own = (el: Element) => !blocks.some((block) => block.contains(el));
    row.own = row.marks.find(({ el }) => own(el))?.own;
    row.prefix = row.prefixes.find(({ el }) => own(el));
    for (const candidate of row.texts) if (own(candidate.el) && (!row.text || candidate.index < row.text.index)) row.text = candidate;
  }
  return { rows, header };
}

type WithRect = Element & { getBoundingClientRect?: () => { left: number; right: number; width: number } };

/** Which side of the panel the bubble sits on, when the engine has layout (a real browser). */
function layoutSide(bubble: Element, panel: Element): Direction | undefined {
  const rect = (bubble as WithRect).getBoundingClientRect?.();
  const frame = (panel as WithRect).getBoundingClientRect?.();
  if (!rect || !frame || rect.width < 8 || frame.width < 8 || rect.width > frame.width * 0.95) return undefined;
  const left = rect.left - frame.left;
  const right = frame.right - rect.right;
  if (Math.abs(left - right) < 24) return undefined;
  return right < left ? 'out' : 'in';
}

interface Decision {
  direction: Direction;
  signal: string;
}

interface RowContext {
  id?: WhatsAppMessageId;
  hooks: RowHooks;
  bubble?: Element;
  panel: Element;
  prefixAuthor: string;
  chatTitle: string;
  /** The direction of the message row right above, when nothing separates them. */
  runAbove?: Direction;
  individual: boolean;
}

/** The direction of one message from its signals, in the order stated in the file comment. */
export function decideDirection(row: RowContext): Decision | undefined {
  if (row.id) return { direction: row.id.fromMe ? 'out' : 'in', signal: `message id prefix "${row.id.fromMe}_"` };
  if (row.hooks.bubbleClass) return { direction: row.hooks.bubbleClass, signal: `bubble class "message-${row.hooks.bubbleClass}"` };
  if (row.hooks.tail) return { direction: row.hooks.tail, signal: `tail-${row.hooks.tail} icon` };
  if (row.hooks.own) return { direction: 'out', signal: row.hooks.own };
  const side = row.bubble ? layoutSide(row.bubble, row.panel) : undefined;
  if (side) return { direction: side, signal: `bubble on the ${side === 'out' ? 'right' : 'left'} of the panel` };
  if (row.individual && row.chatTitle && row.prefixAuthor === row.chatTitle) return { direction: 'in', signal: 'signed by the chat contact' };
  if (row.runAbove) return { direction: row.runAbove, signal: 'continues the run above (no tail)' };
  return undefined;
}

/** The chat's title, from the header the panel's walk found (see scanPanel). */
function readTitle(q: Query, found: FirstShown): string {
  const header = q.firstFound('CHAT_HEADER', found);
  if (!header) return '';
  const titleEl = q.first(header, 'CHAT_TITLE');
  // The title attribute holds the name with its emoji as characters; the text drops emoji images.
  return cleanText(titleEl?.getAttribute('title') || textOf(titleEl));
}

const NOT_TEXT = (el: Element) =>
  el.getAttribute('role') === 'button' || el.hasAttribute('data-icon') || el.getAttribute('aria-hidden') === 'true';

/** The visible messages of the open chat, in order, and the chat's jid. */
export function readWhatsAppMessages(panel: Element, chatTitle: string, options?: ScrapeOptions): ChatMessages {
  const q = siteQuery('whatsapp', WHATSAPP_SELECTORS, options);
  const words = vocabulary(q);
  return readMessages(q, panel, chatTitle, words, scanPanel(q, panel, words, false).rows);
}

interface ChatMessages {
  messages: Message[];
  chatJid: string;
  /** A 1:1 chat (not a group). */
  individual: boolean;
}

function readMessages(q: Query, panel: Element, chatTitle: string, words: Vocabulary, scanned: readonly RowHooks[]): ChatMessages {
  for (const hooks of scanned) q.used('MESSAGE_ROW', hooks.rowIndex);
  const rows = scanned.map((hooks) => hooks.row);
  // Ids and prefix authors first: whether this is a 1:1 chat is known before any direction is decided.
  const parsed = scanned.map((hooks) => {
    const id = parseWhatsAppMessageId(hooks.dataId ?? '');
    const prefix = PRE_PLAIN.exec(hooks.prefix?.el.getAttribute('data-pre-plain-text') ?? '');
    return { row: hooks.row, id, hooks, prefix, prefixAuthor: cleanText(prefix?.[2] ?? '') };
  });
  const chatJid = parsed.find((entry) => entry.id)?.id?.chatJid ?? '';
  const individual = isIndividualChat(chatJid, chatTitle, parsed);
  const items = listItems(rows);

  const messages: Message[] = [];
  const lastAuthor = { in: '', out: '' };
  let runAbove: Direction | undefined;
  parsed.forEach(({ id, hooks, prefix, prefixAuthor }, i) => {
    // Something shown between two rows (a date, "1 unread message") ends a run.
    if (i > 0 && items[i - 1]!.nextElementSibling !== items[i]) runAbove = undefined;
    if (hooks.bubble) q.used('MESSAGE_BUBBLE', hooks.bubble.index);
    const decision = decideDirection({ id, hooks, bubble: hooks.bubble?.el, panel, prefixAuthor, chatTitle, runAbove, individual });
    const textEl = hooks.text?.el ?? (hooks.prefix && decision ? hooks.prefix.el : undefined);
    const text = messageText(textEl, {
      whitespace: 'pre',
      skip: (el) => hooks.quotes.has(el) || isQuoteLabel(el, words) || NOT_TEXT(el),
      max: LONG_TEXT_MAX,
    });
    const isMessage = Boolean(decision) && !hooks.recalled && text !== '' && !words.deleted.has(text.toLowerCase());
    // A row that is no bubble (a date, a notice) ends the run; a deleted or media bubble continues it.
    runAbove = decision?.direction ?? (hooks.bubble || hooks.text ? runAbove : undefined);
    if (!isMessage || !decision) return;
    if (hooks.text) q.used('MESSAGE_TEXT', hooks.text.index);
    if (hooks.prefix) q.used('MESSAGE_PREFIX', hooks.prefix.index);
    const direction = decision.direction;
    const author = prefixAuthor || lastAuthor[direction] || (direction === 'in' && individual ? chatTitle : '');
    lastAuthor[direction] = author;
    const time = cleanText(prefix?.[1] ?? '');
    for (const index of hooks.quotes.values()) if (index >= 0) q.used('QUOTE', index);
    q.field('messages', () => q.note(`#${messages.length + 1} ${direction} ← ${decision.signal}`));
    messages.push({ direction, author, time, text });
  });
  return { messages: messages.slice(-WHATSAPP_MESSAGES_MAX), chatJid, individual };
}

/** Each row's item in the message list: its ancestor that is a child of the rows' common ancestor. */
function listItems(rows: readonly Element[]): Element[] {
  if (rows.length === 0) return [];
  let list: Element | null = rows[0]!.parentElement;
  const last = rows[rows.length - 1]!;
  while (list && !list.contains(last)) list = list.parentElement;
  return rows.map((row) => {
    let item = row;
    while (item.parentElement && item.parentElement !== list) item = item.parentElement;
    return item;
  });
}

/**
 * A 1:1 chat: a phone jid; else no group jid, and every message signed by someone else than us
 * carries the chat's title (several names writing = a group).
 */
function isIndividualChat(chatJid: string, title: string, rows: readonly { id?: WhatsAppMessageId; hooks: RowHooks; prefixAuthor: string }[]): boolean {
  if (chatJid.endsWith('@g.us')) return false;
  if (chatJid) return true;
  return rows.every(({ hooks, prefixAuthor }) => {
    const ours = hooks.bubbleClass === 'out' || hooks.tail === 'out' || Boolean(hooks.own);
    return ours || !prefixAuthor || prefixAuthor === title;
  });
}

function emptyChat(url: string, unrecognised?: string): ScrapeResult {
  return ScrapeResultSchema.parse({
    crm: 'whatsapp',
    kind: 'conversation',
    url,
    recordType: 'chat',
    recordId: '',
    fields: {},
    missing: splitShown({}).missing,
    conversation: { messages: [] },
    unrecognised,
  });
}

/** The open chat's panel (header, messages, composer: all the reader reads), else undefined. */
export function findChatPanel(doc: Document, options?: ScrapeOptions): Element | undefined {
  const panel = siteQuery('whatsapp', WHATSAPP_SELECTORS, options).first(doc.body ?? doc, 'CHAT_PANEL');
  return panel && isVisible(panel) ? panel : undefined;
}

/** Read the open chat of a WhatsApp Web page (see the file comment). */
export function readWhatsAppChat(doc: Document, url: string, options?: ScrapeOptions): ScrapeResult {
  const q = siteQuery('whatsapp', WHATSAPP_SELECTORS, options);
  const panel = findChatPanel(doc, options);
  if (!panel) {
    return emptyChat(url, unrecognisedPage('whatsapp', 'conversation', 'an open chat panel; WhatsApp may show its QR code, chat list or start screen'));
  }
  const words = vocabulary(q);
  const scan = scanPanel(q, panel, words, true);
  const title = q.field('fullName', () => readTitle(q, scan.header));
  const { messages, chatJid, individual } = readMessages(q, panel, title, words, scan.rows);
  if (!title && messages.length === 0) return emptyChat(url);
  const isGroup = !individual;
  const titleIsNumber = PHONE_LIKE.test(title);
  const jidNumber = PERSONAL_JID.exec(chatJid)?.[1];
  const name = titleIsNumber ? '' : title;
  const phone = isGroup ? '' : titleIsNumber ? title : jidNumber ? `+${jidNumber}` : '';
  const lead: LeadFields = isGroup ? {} : { fullName: name, phone };
  const { shown, missing } = splitShown(lead);
  return ScrapeResultSchema.parse({
    crm: 'whatsapp',
    kind: 'conversation',
    url,
    recordType: 'chat',
    recordId: chatJid || (title ? titleRecordId(title) : ''),
    fields: shown,
    missing,
    conversation: { contact: { name, phone, email: '' }, messages },
  });
}
