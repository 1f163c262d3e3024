/**
 * Makes Tailwind v4's CSS self-contained inside a shadow root:
 * - `rem` follows the CRM's <html> font size (some apps set 62.5 %), so every rem
 *   becomes px at 16 px/rem and the panel keeps its size on any page;
 * - `@property` rules are ignored inside shadow roots, and WXT would hoist them into
 *   the CRM's document; instead they are dropped and the initial values Tailwind
 *   ships for browsers without `@property` are applied unconditionally, on :host too.
 */
export function cssForShadowRoot(css: string): string {
  return unwrapPropertyFallback(dropAtPropertyRules(remToPx(css)));
}

export function remToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${Number((Number(n) * 16).toFixed(4))}px`);
}

export function dropAtPropertyRules(css: string): string {
  return css.replace(/@property\s+--[\w-]+\s*\{[^}]*\}/g, '');
}

/** `@layer properties { @supports (…) { *, ::before, … { --tw-…: … } } }` → the rule, always on. */
export function unwrapPropertyFallback(css: string): string {
  const start = css.indexOf('@layer properties');
  if (start < 0) return css;
  const supports = css.indexOf('@supports', start);
  const open = supports < 0 ? -1 : css.indexOf('{', css.indexOf(')', supports));
  if (open < 0) return css;
  const end = matchingBrace(css, open);
  if (end < 0) return css;
  const inner = css.slice(open + 1, end).replace(/(^|\})\s*\*\s*,/g, '$1:host, *,');
  return css.slice(0, supports) + inner + css.slice(end + 1);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
