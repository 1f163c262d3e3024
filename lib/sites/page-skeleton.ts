/**
 * An anonymised skeleton of a page for a bug report ("report page structure"): its elements with
 * their structural attributes, and no text. What a selector can hook on stays (tag names, test
 * ids, roles, classes, icon names, field API names); what can carry a person's data goes:
 * every text node, and the values of every other attribute (titles, aria-labels, hrefs, alts,
 * values, the WhatsApp copy prefix "[time] Name: "). Record ids, emails and numbers left inside
 * kept values are masked. Bounded in nodes and depth. Pure: the caller copies the string.
 */

/** Attributes whose values are structure, kept (after masking ids and numbers in them). */
const KEPT = new Set([
  'id', 'class', 'role', 'type', 'name', 'slot', 'dir', 'scope', 'hidden', 'contenteditable', 'tabindex',
  'data-test-id', 'data-testid', 'data-selenium-test', 'data-selenium-component', 'data-icon', 'data-garden-id',
  'data-card-type', 'data-card-id', 'data-column-key', 'data-column-index', 'data-table-external-id',
  'data-target-selection-name', 'data-placeholder', 'data-lexical-editor', 'data-tab', 'data-entity-type',
  'data-entity-is-selected', 'data-is-active', 'data-engagement-type', 'data-virtualized', 'data-deferred-property-input-root',
  'field-label', 'icon-name', 'aria-hidden', 'aria-selected', 'aria-expanded', 'aria-haspopup', 'aria-busy', 'aria-colindex',
  'aria-rowindex', 'aria-sort', 'aria-level',
]);

/** Subtrees with no structure worth reporting (and scripts may hold session data). */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT']);

const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi;
const LONG_DIGITS = /\d{4,}/g;
const ID_LIKE = /[A-Za-z0-9]{12,}/g;

/** A kept value with emails, record / message ids (long tokens with digits) and long numbers masked. */
function mask(value: string): string {
  return value
    .replace(EMAIL, '<email>')
    .replace(ID_LIKE, (token) => (/\d/.test(token) && /[A-Za-z]/.test(token) ? '<id>' : token))
    .replace(LONG_DIGITS, (digits) => '#'.repeat(Math.min(digits.length, 8)))
    .slice(0, 120);
}

export interface SkeletonOptions {
  maxNodes?: number;
  maxDepth?: number;
}

export function pageSkeleton(root: Element, options: SkeletonOptions = {}): string {
  const maxNodes = options.maxNodes ?? 5000;
  const maxDepth = options.maxDepth ?? 60;
  const lines: string[] = [];
  let nodes = 0;
  const walk = (el: Element, depth: number): void => {
    if (nodes >= maxNodes) return;
    nodes += 1;
    const tag = el.tagName.toLowerCase();
    const attributes = Array.from(el.attributes)
      .map(({ name, value }) => (KEPT.has(name) ? (value === '' ? name : `${name}="${mask(value)}"`) : `${name}="…"`))
      .join(' ');
    lines.push(`${'  '.repeat(depth)}<${tag}${attributes ? ` ${attributes}` : ''}>`);
    if (DROPPED.has(el.tagName.toUpperCase()) || tag === 'svg' || depth >= maxDepth) return;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child, depth + 1);
  };
  walk(root, 0);
  if (nodes >= maxNodes) lines.push(`… (cut at ${maxNodes} elements)`);
  return `${lines.join('\n')}\n`;
}
