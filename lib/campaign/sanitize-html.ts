import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

/**
 * The sanitiser for campaign HTML a model wrote: DOMPurify with an allow-list, plus hooks for
 * what DOMPurify allows by default but an email preview must not do.
 *
 * - tags: text formatting, lists, tables, links and images only — no script, style, link, meta,
 *   base, form controls, frames, objects, SVG or MathML;
 * - attributes: a short list; never on* handlers, srcset, background, formaction, data-*;
 * - links: only https:, http:, mailto:, tel: and #fragments (never javascript:), and they open
 *   apart (rel="noopener noreferrer nofollow", target="_blank");
 * - images: only inline data:image (png, gif, jpeg, webp) — a remote image is a tracking pixel;
 * - inline CSS: allowed properties only (no position, top/left…, z-index, transform: nothing that
 *   escapes its box), and no url(), expression(), @import, escapes or comments in any value.
 *
 * It needs a real DOM: the extension passes its window, the backend a jsdom window
 * (backend/campaign/html-sanitizer.ts). Without one it refuses to run, rather than return the
 * input unchanged (what DOMPurify itself does on an unsupported window).
 */
export interface SanitizedHtml {
  html: string;
  /** What was taken out (tag names, attribute names, "style:<property>", "img:remote"…), for the flags and the tests. */
  removed: string[];
}
export type HtmlSanitizer = (html: string) => SanitizedHtml;

export const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'caption', 'center', 'code', 'div', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img',
  'li', 'ol', 'p', 'pre', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];
export const ALLOWED_ATTRIBUTES = [
  'href', 'title', 'alt', 'src', 'width', 'height', 'align', 'valign', 'colspan', 'rowspan', 'style', 'lang', 'dir', 'border',
  'cellpadding', 'cellspacing', 'bgcolor', 'color', 'face', 'size',
];
/** CSS properties an email body may set: none of them can take an element out of its box. */
export const ALLOWED_CSS = new Set([
  'color', 'background-color', 'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'text-align',
  'text-decoration', 'text-transform', 'text-indent', 'line-height', 'letter-spacing', 'word-spacing', 'white-space', 'word-break',
  'overflow-wrap', 'vertical-align', 'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border', 'border-top', 'border-right', 'border-bottom',
  'border-left', 'border-color', 'border-style', 'border-width', 'border-radius', 'border-collapse', 'border-spacing', 'width',
  'min-width', 'max-width', 'height', 'min-height', 'max-height', 'display', 'list-style-type', 'overflow', 'opacity', 'table-layout',
]);
/** Values that load something or run something, whatever the property. */
const DANGEROUS_CSS_VALUE = /url\s*\(|image-set\s*\(|image\s*\(|element\s*\(|expression\s*\(|attr\s*\(|var\s*\(|javascript:|vbscript:|data:|@import|behavior|binding|\\|\/\*|[<>]/i;
/** `display` values that could not escape a box but could still turn a block into something odd. */
const DISPLAY_VALUES = /^(?:none|block|inline|inline-block|table|table-row|table-cell|list-item|flex|inline-flex)$/i;

/** DOMPurify reports the wrapper it parsed into as removed: not something the model wrote. */
const DOCUMENT_PARTS = new Set(['html', 'head', 'body', '#text']);

const SAFE_HREF = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d\s().-]+|#[\w-]*)$/i;
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp);base64,[a-z0-9+/=\s]+$/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify checks every attribute value that is not URI-safe against this: the schemes we
  // allow, or a value with no scheme at all ("center", "0", "Arial"). The hooks below are
  // stricter per attribute (href, src).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|data:image\/(?:png|gif|jpe?g|webp);base64,|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: ['style', 'script', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'template'],
  FORBID_ATTR: ['srcset', 'background', 'formaction', 'action', 'ping', 'poster', 'xlink:href'],
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
};

/** Splits a style attribute into declarations (semicolons inside quotes or parentheses do not split). */
function declarations(style: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let depth = 0;
  let quote = '';
  let current = '';
  const push = () => {
    const i = current.indexOf(':');
    if (i > 0) out.push([current.slice(0, i).trim().toLowerCase(), current.slice(i + 1).trim()]);
    else if (current.trim()) out.push([current.trim().toLowerCase(), '']);
    current = '';
  };
  for (const ch of style) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      push();
      continue;
    }
    current += ch;
  }
  push();
  return out;
}

/** The style attribute with only the allowed, harmless declarations; the names of those dropped. */
export function filterStyle(style: string): { style: string; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const [property, value] of declarations(style)) {
    const ok =
      ALLOWED_CSS.has(property) &&
      value !== '' &&
      !DANGEROUS_CSS_VALUE.test(value) &&
      (property !== 'display' || DISPLAY_VALUES.test(value.replace(/\s*!important$/i, '')));
    if (ok) kept.push(`${property}:${value}`);
    else dropped.push(`style:${property}`);
  }
  return { style: kept.join(';'), dropped };
}

export function createCampaignHtmlSanitizer(window: WindowLike): HtmlSanitizer {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error('DOMPurify cannot run on this window (no full DOM): refusing to sanitise, and so to show, model HTML');
  let removedByHooks: string[] = [];
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (typeof el.getAttribute !== 'function') return;
    const tag = el.tagName?.toLowerCase();
    if (tag === 'img') {
      const src = (el.getAttribute('src') ?? '').trim();
      if (!INLINE_IMAGE.test(src)) {
        removedByHooks.push(src ? 'img:remote' : 'img:no-src');
        el.remove();
        return;
      }
    }
    if (tag === 'a') {
      const href = (el.getAttribute('href') ?? '').trim();
      if (href && !SAFE_HREF.test(href)) {
        removedByHooks.push('href');
        el.removeAttribute('href');
      }
      if (el.hasAttribute('href')) {
        el.setAttribute('rel', 'noopener noreferrer nofollow');
        el.setAttribute('target', '_blank');
      }
    } else if (el.hasAttribute('href')) {
      removedByHooks.push('href');
      el.removeAttribute('href');
    }
    if (tag !== 'img' && el.hasAttribute('src')) {
      removedByHooks.push('src');
      el.removeAttribute('src');
    }
    const style = el.getAttribute('style');
    if (style !== null) {
      const filtered = filterStyle(style);
      removedByHooks.push(...filtered.dropped);
      if (filtered.style) el.setAttribute('style', filtered.style);
      else el.removeAttribute('style');
    }
  });
  // rel and target are not allowed from the input; the hook sets them after DOMPurify's attribute check.
  return (html: string): SanitizedHtml => {
    removedByHooks = [];
    const clean = purify.sanitize(html, CONFIG) as unknown as string;
    const removed = [
      ...purify.removed.map((r) => ('element' in r ? (r.element as Element).nodeName?.toLowerCase() ?? 'element' : (r.attribute?.name ?? 'attribute').toLowerCase())),
      ...removedByHooks,
    ].filter((name) => !DOCUMENT_PARTS.has(name));
    return { html: clean.trim(), removed: [...new Set(removed)] };
  };
}
