/**
 * The text of one chat message or email body, as its reader sees it: line
 * breaks kept (unlike dom.ts's textOf, which collapses a property value to one
 * line), emoji drawn as <img alt="😀"> put back as characters at their place,
 * hidden parts and the subtrees the caller names (a quoted reply, a collapsed
 * email history) left out. Read through text nodes and attributes only: the
 * page is hostile input and its text is data, never HTML.
 */
import { LONG_TEXT_MAX } from '../contracts/lead';
import { boundText, isHiddenByOwnMarkup } from './dom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const NON_CONTENT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT']);

/** Elements that start and end a line in rendered HTML. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

export interface MessageTextOptions {
  /**
   * 'pre': newlines in text nodes are line breaks (WhatsApp renders message
   * text with white-space: pre-wrap). 'html': only <br> and block boundaries
   * break lines; source whitespace collapses (email bodies).
   */
  whitespace: 'pre' | 'html';
  /** Leave out the subtrees this accepts (a quoted reply, the read receipt). */
  skip?: (el: Element) => boolean;
  max?: number;
}

/** An emoji image's character: WhatsApp and Zendesk draw emoji as <img class="emoji" alt="😀" data-plain-text="😀">. */
function emojiOf(img: Element): string {
  const plain = img.getAttribute('data-plain-text');
  if (plain) return plain;
  const className = img.getAttribute('class') ?? '';
  const alt = img.getAttribute('alt') ?? '';
  // Only emoji images give text: a photo's alt ("Image", a file name) is not what the customer wrote.
  if (/\bemoji\b/i.test(className) || /^\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f]*$/u.test(alt)) {
    return alt.length <= 16 ? alt : '';
  }
  return '';
}

/** Lines trimmed, runs of spaces collapsed, at most one empty line between paragraphs. */
function normaliseLines(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\u00a0\u200b]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The message's text with its line breaks and emoji, bounded to LONG_TEXT_MAX (or `max`). */
export function messageText(node: Node | null | undefined, options: MessageTextOptions): string {
  if (!node) return '';
  const max = options.max ?? LONG_TEXT_MAX;
  const budget = max * 2 + 64;
  const pre = options.whitespace === 'pre';
  const parts: string[] = [];
  let length = 0;
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const walk = (current: Node): void => {
    if (length > budget) return;
    if (current.nodeType === TEXT_NODE) {
      const data = current.nodeValue ?? '';
      push(pre ? data : data.replace(/[\s]+/g, ' '));
      return;
    }
    if (current.nodeType !== ELEMENT_NODE) return;
    const el = current as Element;
    const tag = el.tagName.toUpperCase();
    if (NON_CONTENT_TAGS.has(tag) || isHiddenByOwnMarkup(el) || options.skip?.(el)) return;
    if (tag === 'BR') return push('\n');
    if (tag === 'IMG') return push(emojiOf(el));
    const block = BLOCK_TAGS.has(tag);
    if (block) push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) push('\n');
  };
  if (node.nodeType === ELEMENT_NODE && options.skip?.(node as Element)) return '';
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  return boundText(normaliseLines(parts.join('')), max);
}
