/**
 * An anonymised skeleton of a page for a bug report ("report page structure"): its elements with
 * their structural attributes, and no text. What a selector can hook on stays (tag names, test
 * ids, roles, classes, icon names, field API names); what can carry a person's data goes:
 * every text node, and the values of every other attribute (titles, aria-labels, hrefs, alts,
 * values, the WhatsApp copy prefix "[time] Name: "). Record ids, emails and numbers left inside
 * kept values are masked. Bounded in nodes and depth. Pure: the caller copies the string.
 */

import type { ScrapeResult } from '../contracts';

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

/**
 * A hook the readers may need after a redesign: an unknown data-* attribute whose value is shaped
 * like an identifier ("property-input-email", "highlightTitle", "card:0-1") — ASCII with a
 * separator or a camelCase hump, no spaces. Names and sentences (spaces, accents, a bare word)
 * stay masked.
 */
function looksLikeHook(name: string, value: string): boolean {
  return name.startsWith('data-') && value.length <= 80 && /^[A-Za-z0-9_\-.:/]+$/.test(value) && /[-_:/.]|[a-z][A-Z]/.test(value);
}

function keptValue(name: string, value: string): string | undefined {
  if (KEPT.has(name) || looksLikeHook(name, value)) return mask(value);
  return undefined;
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
    // Pulso's own panels and badges are not the page's structure.
    if (nodes >= maxNodes || el.localName.startsWith('pulso-')) return;
    nodes += 1;
    const tag = el.tagName.toLowerCase();
    const attributes = Array.from(el.attributes)
      .map(({ name, value }) => (value === '' && KEPT.has(name) ? name : keptValue(name, value) !== undefined ? `${name}="${keptValue(name, value)}"` : `${name}="…"`))
      .join(' ');
    lines.push(`${'  '.repeat(depth)}<${tag}${attributes ? ` ${attributes}` : ''}>`);
    if (DROPPED.has(el.tagName.toUpperCase()) || tag === 'svg' || depth >= maxDepth) return;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child, depth + 1);
  };
  walk(root, 0);
  if (nodes >= maxNodes) lines.push(`… (cut at ${maxNodes} elements)`);
  return `${lines.join('\n')}\n`;
}

/** The page's address without what names a customer: query and fragment dropped, ids masked, the org's subdomain hidden. */
function maskedAddress(url: string): string {
  try {
    const { protocol, hostname, pathname } = new URL(url);
    const labels = hostname.split('.');
    // nubeandina.lightning.force.com names the customer's org; app./web. name the product.
    if (labels.length > 2 && !/^(app|web|www)(-[a-z0-9]+)?$/.test(labels[0] ?? '')) labels[0] = '*';
    return `${protocol}//${labels.join('.')}${pathname.split('/').map(mask).join('/')}`;
  } catch {
    return '(no address)';
  }
}

export interface StructureReportInput {
  /** The page's address. */
  url: string;
  /** The last scrape of the page, if any: what was missing and why. */
  scrape?: Pick<ScrapeResult, 'crm' | 'kind' | 'recordType' | 'unrecognised'> & { missing: readonly string[] };
  /** The selector pack version the readers used. */
  selectorsVersion: string;
}

/**
 * "Report page structure": a short header (site, page kind, which fields could not be read and
 * why, the selectors' version, the address with ids masked) and the skeleton of the body, for
 * the admin to see what changed. No text of the page is in it.
 */
export function structureReport(body: Element, input: StructureReportInput, options?: SkeletonOptions): string {
  const { scrape } = input;
  const header = [
    'Pulso page structure report (tags and attributes only; no text, values masked)',
    `site: ${scrape?.crm ?? 'unknown'} · page: ${scrape ? `${scrape.kind}${scrape.recordType ? ` (${scrape.recordType})` : ''}` : 'unknown'} · selectors: ${input.selectorsVersion}`,
    `address: ${maskedAddress(input.url)}`,
    ...(scrape?.missing.length ? [`could not read: ${scrape.missing.join(', ')}`] : []),
    ...(scrape?.unrecognised ? [`reader said: ${scrape.unrecognised}`] : []),
    '',
  ];
  return `${header.join('\n')}${pageSkeleton(body, options)}`;
}
