/**
 * Small DOM readers shared by the site adapters. They run in a content script
 * (real layout) and on saved pages parsed by linkedom (no layout), so
 * visibility is judged first from the app's own markers and from layout only
 * when the engine has it. Text is only ever read through textContent / value:
 * scraped text is data, never HTML.
 */
import { SHORT_TEXT_MAX } from '../contracts/lead';
import { normalizePlaceholder } from './values';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Subtrees that never hold text a user reads. */
const NON_CONTENT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS']);

/** Elements whose boundaries separate words even when the markup has no whitespace between them. */
const WORD_BREAKING_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Values the CRM shows for "no value": an empty property is not a value. */
const EMPTY_VALUES = new Set(['', '-', '--', '—', '–', 'n/a', 'null', 'undefined']);

/** Collapse every run of whitespace (including NBSP) to one space and trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Cut `text` to at most `max` characters, marking the cut with an ellipsis and never splitting a surrogate pair. */
export function boundText(text: string, max: number = SHORT_TEXT_MAX): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Whitespace collapsed, bounded, and "--"-style placeholders turned into ''. */
export function cleanText(raw: string, max: number = SHORT_TEXT_MAX): string {
  const text = collapseWhitespace(raw);
  if (EMPTY_VALUES.has(text.toLowerCase())) return '';
  return boundText(text, max);
}

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/** This element itself carries a hiding marker: `hidden`, `aria-hidden="true"`, or inline display:none / visibility:hidden. */
export function isHiddenByOwnMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

/** The element or one of its ancestors is hidden by the app's own markers (works without layout). */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isHiddenByOwnMarkup(node)) return true;
    if (tagOf(node) === 'TEMPLATE') return true;
  }
  return false;
}

type WithCheckVisibility = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/**
 * Visible to the user: no hiding marker on the node or an ancestor, and — when
 * the engine has layout (a real browser) — `checkVisibility()` agrees. linkedom
 * has no layout and no checkVisibility, so there the markers decide alone.
 */
export function isVisible(el: Element): boolean {
  return !isHiddenByMarkup(el) && layoutShows(el);
}

/**
 * `isVisible` for an element inside an ancestor already judged visible (a cell of a shown row):
 * only the markers between the two are read, not every ancestor up to the root again.
 */
export function isVisibleWithin(el: Element, visibleAncestor: Element): boolean {
  return !isHiddenInside(el, visibleAncestor) && layoutShows(el);
}

/** Layout agrees the element is shown, where the engine has layout (a real browser). */
function layoutShows(el: Element): boolean {
  const check = (el as WithCheckVisibility).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  return true;
}

export interface TextOptions {
  /** Maximum length of the result (default SHORT_TEXT_MAX). */
  max?: number;
  /** Leave out the subtrees this accepts (e.g. a property row's label). */
  skip?: (el: Element) => boolean;
}

/**
 * The text a user reads in `node`: textContent of its visible parts only
 * (hidden tooltips, aria-hidden icons, scripts and styles left out), words
 * kept apart at block boundaries, whitespace collapsed, length bounded.
 */
export function textOf(node: Node | null | undefined, options: TextOptions = {}): string {
  if (!node) return '';
  const max = options.max ?? SHORT_TEXT_MAX;
  // Stop walking well past the bound: a huge hostile note costs no more than this.
  const budget = max * 2 + 64;
  const parts: string[] = [];
  let length = 0;
  const walk = (current: Node): void => {
    if (length > budget) return;
    if (current.nodeType === TEXT_NODE) {
      const data = current.nodeValue ?? '';
      parts.push(data);
      length += data.length;
      return;
    }
    if (current.nodeType !== ELEMENT_NODE) return;
    const el = current as Element;
    const tag = tagOf(el);
    if (NON_CONTENT_TAGS.has(tag) || isHiddenByOwnMarkup(el)) return;
    if (options.skip?.(el)) return;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
      parts.push(' ', formControlValue(el), ' ');
      return;
    }
    const breaks = WORD_BREAKING_TAGS.has(tag);
    if (breaks) parts.push(' ');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (breaks) parts.push(' ');
  };
  if (node.nodeType === ELEMENT_NODE) {
    const el = node as Element;
    const tag = tagOf(el);
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return cleanText(formControlValue(el), max);
  }
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  return cleanText(parts.join(''), max);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * linkedom keeps a textarea's character references undecoded (`&amp;`) where a
 * browser decodes them; decode the common ones so saved pages read like the
 * live app. The result is still plain text, never parsed as HTML.
 */
function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function formControlValue(el: Element): string {
  const tag = tagOf(el);
  if (tag === 'SELECT') {
    const select = el as HTMLSelectElement;
    const chosen =
      (select.selectedOptions && select.selectedOptions[0]) ?? el.querySelector('option[selected]') ?? el.querySelector('option');
    return chosen?.textContent ?? '';
  }
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    // A password or a checkbox's "on" is never a property value worth reading.
    if (type === 'password' || type === 'checkbox' || type === 'radio' || type === 'hidden' || type === 'file') return '';
    const value = (el as HTMLInputElement).value;
    return typeof value === 'string' ? value : (el.getAttribute('value') ?? '');
  }
  if (tag === 'TEXTAREA') {
    const value = (el as HTMLTextAreaElement).value;
    const text = typeof value === 'string' ? value : (el.textContent ?? '');
    return typeof (el as WithCheckVisibility).checkVisibility === 'function' ? text : decodeCharacterReferences(text);
  }
  return el.textContent ?? '';
}

/** Elements whose value is read through `.value` rather than text. */
export const FORM_CONTROLS = 'input, textarea, select';

/**
 * The value of an inline-editable property: HubSpot and its peers render
 * property values as read-only inputs whose text lives in `.value` (or the
 * `value` attribute on a saved page), not in text nodes. Falls back to the
 * element's visible text for read-only renderings (links, buttons, spans).
 */
export function editableValue(el: Element | null | undefined, max: number = SHORT_TEXT_MAX): string {
  if (!el) return '';
  const tag = tagOf(el);
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return cleanText(formControlValue(el), max);
  for (const control of Array.from(el.querySelectorAll(FORM_CONTROLS))) {
    if (isHiddenInside(control, el)) continue;
    const value = cleanText(formControlValue(control), max);
    if (value) return value;
  }
  return textOf(el, { max });
}

/** Hidden by a marker between `el` and `container` (inclusive of `el`, exclusive of `container`). */
export function isHiddenInside(el: Element, container: Element): boolean {
  for (let node: Element | null = el; node && node !== container; node = node.parentElement) {
    if (isHiddenByOwnMarkup(node) || tagOf(node) === 'TEMPLATE') return true;
  }
  return false;
}

export interface QueryOptions {
  /** Only elements this accepts (e.g. not inside the global nav). */
  accept?: (el: Element) => boolean;
}

/**
 * The first visible element matched by a fallback chain: selectors are tried
 * in order (stable hooks first), and within one selector in document order.
 */
export function firstVisible(root: ParentNode, chain: readonly string[], options: QueryOptions = {}): Element | undefined {
  for (const selector of chain) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if ((options.accept?.(el) ?? true) && isVisible(el)) return el;
    }
  }
  return undefined;
}

/**
 * Every visible element matched by the first selector of the chain that finds
 * any (the alternatives are the same hook in different app versions), in
 * document order.
 */
export function allVisible(root: ParentNode, chain: readonly string[], options: QueryOptions = {}): Element[] {
  const seen = new Set<Element>();
  const found: Element[] = [];
  for (const selector of chain) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (seen.has(el)) continue;
      seen.add(el);
      if ((options.accept?.(el) ?? true) && isVisible(el)) found.push(el);
    }
    if (found.length > 0) break;
  }
  return found;
}

/** A control that shows the current value rather than starting an action: a select's trigger, a combobox. */
export function isValueControl(el: Element): boolean {
  const popup = el.getAttribute('aria-haspopup');
  if (popup !== null && popup !== 'false') return true;
  const role = el.getAttribute('role');
  return role === 'combobox' || role === 'listbox';
}

const ACTION_ROLES = new Set(['button', 'menuitem', 'tab', 'switch', 'checkbox', 'radio']);
const ACTION_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'image']);

/** A button or button-like control ("Details", "Preview", "Edit", "Call", "take it"): never a value. */
export function isActionControl(el: Element): boolean {
  const tag = tagOf(el);
  const role = el.getAttribute('role');
  const action =
    tag === 'BUTTON' ||
    (tag === 'INPUT' && ACTION_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) ||
    (role !== null && ACTION_ROLES.has(role));
  return action && !isValueControl(el);
}

const LABEL_TAGS = new Set(['LABEL', 'LEGEND']);

/** A field's own label or help text: a <label>, a Garden / SLDS label or hint, a test id that says "…field-label". */
export function isFieldLabel(el: Element): boolean {
  if (LABEL_TAGS.has(tagOf(el))) return true;
  const garden = el.getAttribute('data-garden-id');
  if (garden && /(?:[._]label|[._]hint|\.message)$/.test(garden)) return true;
  const testId = el.getAttribute('data-test-id') ?? el.getAttribute('data-selenium-test');
  if (testId && /(?:property|field)-label$/.test(testId)) return true;
  const classes = el.getAttribute('class');
  return classes !== null && /(?:^|\s)(?:slds-form-element__label|test-id__field-label(?:-container)?)(?:\s|$)/.test(classes);
}

/** Text only screen readers get ("Open … Preview", "Sort by:", "Ticket status"). */
export function isAssistiveText(el: Element): boolean {
  const classes = el.getAttribute('class');
  return classes !== null && /(?:^|[\s_-])(?:sr-only|visually-?hidden|assistive-?text|screen-reader-(?:only|text))(?:[\s_-]|$)/i.test(classes);
}

/** An empty field's placeholder ("No owner", "Select…"), marked as such by the app. */
export function isPlaceholderElement(el: Element): boolean {
  const marker = el.getAttribute('data-placeholder');
  if (marker !== null && marker !== 'false') return true;
  const classes = el.getAttribute('class');
  return classes !== null && /placeholder/i.test(classes);
}

export interface ValueTextOptions extends TextOptions {
  /** Texts that mean "no value" on this site ("no owner", "seleccionar"), lower-cased. */
  placeholders?: readonly string[];
}

/**
 * The value a value node shows, and nothing else: its visible text without the field's label or
 * hint, action buttons (a select's trigger and a combobox are values, not actions), icons, text
 * for screen readers only and placeholder elements; a placeholder text reads as ''. `node` itself
 * is always read (a matched value hook may be a dropdown button or a label-like element).
 */
export function valueText(node: Element | null | undefined, options: ValueTextOptions = {}): string {
  if (!node) return '';
  const text = textOf(node, {
    max: options.max,
    skip: (el) =>
      el !== node &&
      (isActionControl(el) ||
        isFieldLabel(el) ||
        isAssistiveText(el) ||
        isPlaceholderElement(el) ||
        el.getAttribute('role') === 'img' ||
        el.getAttribute('role') === 'tooltip' ||
        (options.skip?.(el) ?? false)),
  });
  if (text && options.placeholders?.includes(normalizePlaceholder(text))) return '';
  return text;
}

/** Label text normalised for comparison: "Job title:" → "job title". */
export function normalizeLabel(text: string): string {
  return collapseWhitespace(text).replace(/[:*]+$/, '').trim().toLowerCase();
}
