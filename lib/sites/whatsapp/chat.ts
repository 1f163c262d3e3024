/**
 * Reads the open WhatsApp Web chat into a ScrapeResult of kind
 * "conversation".
 *
 * Where: only inside the chat panel (#main). The chat list (#pane-side) shows
 * other customers' names and last messages, and side drawers (search, starred
 * messages) hold bubbles of other chats: none of it is read.
 *
 * Which chat: its jid, from the message rows' ids ("false_34600111222@c.us_3EB0…"
 * → "34600111222@c.us"; groups "…@g.us"). A chat with no message row yet is
 * named by a stable hash of its header title ("title-1a2b3c4d").
 *
 * Messages, in document order (the order shown), the last 500 kept:
 * - a row is a message when its bubble has `message-in` / `message-out` or a
 *   `[data-pre-plain-text]` prefix; date separators, the encryption notice and
 *   group events ("Lucía joined") have neither and are skipped;
 * - direction from the bubble class, else from the id's fromMe flag (`true_` = out);
 * - time and author from the prefix "[10:32, 21/11/2026] María: " (time kept as
 *   shown: "10:32, 21/11/2026" — the date order is the account's locale);
 *   fallbacks: the group author label, the bubble's meta time, the chat title
 *   for an incoming 1:1 message;
 * - text from the message's selectable-text with its line breaks and emoji
 *   (`img.emoji[alt]`) in place; a reply's quoted block is never the text;
 * - deleted messages ("This message was deleted" / "Se eliminó este mensaje",
 *   the recalled icon) and media without a caption are skipped;
 * - the footer composer (the agent's unsent draft) is never read.
 *
 * Contact: the header title — a saved name, a group's name, or a number
 * ("+34 600 111 222" → phone). An individual chat's phone also comes from its
 * jid when the title is a name ("34600111222@c.us" → "+34600111222"). Lead
 * fields: fullName and phone of an individual chat; a group is not a lead.
 *
 * On the QR / login screen or the "no chat open" landing there is no #main:
 * the result is kind "conversation" with recordId "", no contact and no
 * messages, and hasConversationContent() is false — the panel shows nothing.
 * (Not an UnsupportedPageError: the URL is the same for every screen, and the
 * content script watches the same page until a chat opens.)
 */
import { LONG_TEXT_MAX, ScrapeResultSchema, type LeadFields, type Message, type ScrapeResult } from '../../contracts';
import { cleanText, firstVisible, isVisible, textOf } from '../dom';
import { messageText } from '../message-text';
import { splitShown } from '../values';
import {
  CHAT_HEADER,
  CHAT_PANEL,
  CHAT_TITLE,
  COMPOSER_TAGS,
  DELETED_TEXTS,
  MESSAGE_IN_CLASS,
  MESSAGE_OUT_CLASS,
  MESSAGE_ROW,
  PRE_PLAIN_TEXT_ATTRIBUTE,
  QUOTE_CLASS,
  QUOTE_LABELS,
  QUOTE_TEST_IDS,
  RECALLED_ICONS,
} from './selectors';

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

/** The parts of a message row's data-id, or undefined when it is not one. */
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

function hasClass(el: Element, name: string): boolean {
  const value = el.getAttribute('class');
  return value !== null && (` ${value} `).includes(` ${name} `);
}

/** A reply's quoted block (or part of it). Checked by attributes, not selectors: linkedom compiles a selector per call. */
function isQuote(el: Element): boolean {
  const label = el.getAttribute('aria-label');
  if (label && QUOTE_LABELS.has(label.toLowerCase())) return true;
  const testId = el.getAttribute('data-testid');
  if (testId && QUOTE_TEST_IDS.has(testId)) return true;
  return hasClass(el, QUOTE_CLASS);
}

/** The outermost [data-id] elements of the panel, outside the composer, shown. */
function messageRows(panel: Element): Element[] {
  const rows: Element[] = [];
  for (const el of Array.from(panel.querySelectorAll(MESSAGE_ROW))) {
    let nested = false;
    for (let node = el.parentElement; node && node !== panel; node = node.parentElement) {
      if (node.hasAttribute('data-id') || COMPOSER_TAGS.has(node.tagName.toUpperCase())) {
        nested = true;
        break;
      }
    }
    if (!nested && isVisible(el)) rows.push(el);
  }
  return rows;
}

/** The hooks of one message row, found in one walk of its subtree (linkedom compiles a selector per query: ~5 queries × 200 rows cost more than the walk). */
interface RowHooks {
  direction?: 'in' | 'out';
  recalled: boolean;
  prefix?: Element;
  text?: Element;
  textFallback?: Element;
  author?: Element;
  metaTime?: Element;
}

function readRowHooks(row: Element): RowHooks {
  const hooks: RowHooks = { recalled: false };
  const walk = (el: Element): void => {
    if (isQuote(el) || COMPOSER_TAGS.has(el.tagName.toUpperCase())) return;
    const classes = ` ${el.getAttribute('class') ?? ''} `;
    if (!hooks.direction) {
      if (classes.includes(` ${MESSAGE_IN_CLASS} `)) hooks.direction = 'in';
      else if (classes.includes(` ${MESSAGE_OUT_CLASS} `)) hooks.direction = 'out';
    }
    if (RECALLED_ICONS.has(el.getAttribute('data-icon') ?? '')) hooks.recalled = true;
    if (!hooks.prefix && el.hasAttribute(PRE_PLAIN_TEXT_ATTRIBUTE)) hooks.prefix = el;
    if (!hooks.text && classes.includes(' selectable-text ') && classes.includes(' copyable-text ') && el.tagName.toUpperCase() === 'SPAN') hooks.text = el;
    if (!hooks.textFallback && (classes.includes(' selectable-text ') || el.getAttribute('data-testid') === 'msg-text')) hooks.textFallback = el;
    const testId = el.getAttribute('data-testid');
    if (!hooks.author && testId === 'author') hooks.author = el;
    if (!hooks.metaTime && testId === 'msg-meta') hooks.metaTime = el.querySelector('span[dir="auto"]') ?? el;
    // The text span's own children are text and emoji: nothing else to find inside it.
    if (hooks.text === el) return;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child);
  };
  walk(row);
  return hooks;
}

interface ChatHeader {
  title: string;
}

function readHeader(panel: Element): ChatHeader {
  const header = firstVisible(panel, CHAT_HEADER);
  if (!header) return { title: '' };
  const titleEl = firstVisible(header, CHAT_TITLE);
  // The title attribute holds the name with its emoji as characters; the text drops emoji images.
  const title = cleanText(titleEl?.getAttribute('title') || textOf(titleEl));
  return { title };
}

/** The visible messages of the open chat, in order, and the chat's jid. */
export function readWhatsAppMessages(panel: Element, chatTitle: string): { messages: Message[]; chatJid: string } {
  const messages: Message[] = [];
  let chatJid = '';
  const lastAuthor = { in: '', out: '' };
  for (const row of messageRows(panel)) {
    const id = parseWhatsAppMessageId(row.getAttribute('data-id') ?? '');
    if (id && !chatJid) chatJid = id.chatJid;
    const hooks = readRowHooks(row);
    const direction = hooks.direction ?? (hooks.prefix && id ? (id.fromMe ? 'out' : 'in') : undefined);
    // No bubble and no copy prefix: a date separator, the encryption notice, "Lucía joined".
    if (!direction || hooks.recalled) continue;
    const text = messageText(hooks.text ?? hooks.textFallback, { whitespace: 'pre', skip: isQuote, max: LONG_TEXT_MAX });
    if (!text || DELETED_TEXTS.has(text.toLowerCase())) continue;
    const prefix = PRE_PLAIN.exec(hooks.prefix?.getAttribute(PRE_PLAIN_TEXT_ATTRIBUTE) ?? '');
    let author = cleanText(prefix?.[2] ?? '');
    if (!author && direction === 'in') author = textOf(hooks.author);
    if (!author) author = lastAuthor[direction] || (direction === 'in' && !chatJid.endsWith('@g.us') ? chatTitle : '');
    lastAuthor[direction] = author;
    const time = cleanText(prefix?.[1] ?? '') || textOf(hooks.metaTime);
    messages.push({ direction, author, time, text });
  }
  return { messages: messages.slice(-WHATSAPP_MESSAGES_MAX), chatJid };
}

function emptyChat(url: string): ScrapeResult {
  return ScrapeResultSchema.parse({
    crm: 'whatsapp',
    kind: 'conversation',
    url,
    recordType: 'chat',
    recordId: '',
    fields: {},
    missing: splitShown({}).missing,
    conversation: { messages: [] },
  });
}

/** Read the open chat of a WhatsApp Web page (see the file comment). */
export function readWhatsAppChat(doc: Document, url: string): ScrapeResult {
  const body: ParentNode = doc.body ?? doc;
  const panel = firstVisible(body, CHAT_PANEL);
  if (!panel) return emptyChat(url);
  const { title } = readHeader(panel);
  const { messages, chatJid } = readWhatsAppMessages(panel, title);
  if (!title && messages.length === 0) return emptyChat(url);
  const isGroup = chatJid.endsWith('@g.us');
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
