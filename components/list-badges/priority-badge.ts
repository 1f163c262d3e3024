import type { LeadClassification } from '@/lib/contracts';

export const BADGE_TAG = 'pulso-badge';

/** What a badge shows; `recordId` ties it to a record, not to the (re-usable) row node. */
export type BadgeState =
  | { recordId: string; status: 'loading' }
  | { recordId: string; status: 'ready'; result: LeadClassification; label: string }
  | { recordId: string; status: 'error'; label: string };

// Self-contained and tiny: each badge in its own shadow root, so the CRM's CSS cannot reach it
// and it cannot reach the CRM; sizes in px, never rem. The host has a
// fixed size and strict containment: a badge that turns from loading to its answer changes
// nothing around it, so fifty answers arriving never make the CRM lay its table out again.
const BADGE_CSS = `
:host { all: initial; display: inline-block; box-sizing: border-box; width: 34px; height: 18px; margin-left: 6px; vertical-align: middle; contain: strict; }
span { display: block; box-sizing: border-box; width: 100%; height: 100%; padding: 1px 2px; overflow: hidden; white-space: nowrap; border-radius: 9px; font: 600 11px/16px system-ui, sans-serif; text-align: center; color: #fff; background: #94a3b8; cursor: default; }
span[data-priority="P1"] { background: #dc2626; }
span[data-priority="P2"] { background: #f97316; }
span[data-priority="P3"] { background: #0284c7; }
span[data-priority="P4"] { background: #64748b; }
span[data-status="loading"] { background: #e2e8f0; color: #475569; }
span[data-status="error"] { background: #fef3c7; color: #92400e; }
span[data-status="limited"] { background: #f8fafc; color: #475569; box-shadow: inset 0 0 0 1px #94a3b8; }
`;

/**
 * A row whose visible columns cannot support a judgement (issue 14, item 3): the rules say so
 * with `limitedEvidence`. It gets a neutral "not enough data" badge with the reasons on hover,
 * never a priority.
 */
export function hasLimitedEvidence(result: LeadClassification): boolean {
  return !!result.limitedEvidence || (result.flags ?? []).includes('limited_evidence');
}

// The badges of a document share one constructed stylesheet, adopted by every shadow root: the
// CSS is parsed once and the page styles fifty badges as one sheet, instead of inserting and
// matching a <style> per badge (about a third of the style and layout work of a 50-row list's
// badges). null: this document cannot adopt one (no constructable stylesheets, or a content
// script's wrappers refuse it, as Firefox's may), and each badge carries its own <style>.
const sharedSheets = new WeakMap<Document, CSSStyleSheet | null>();

function sharedBadgeSheet(doc: Document): CSSStyleSheet | null {
  let sheet = sharedSheets.get(doc);
  if (sheet !== undefined) return sheet;
  sheet = null;
  try {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (typeof Sheet?.prototype.replaceSync === 'function') {
      sheet = new Sheet();
      sheet.replaceSync(BADGE_CSS);
    }
  } catch {
    sheet = null;
  }
  sharedSheets.set(doc, sheet);
  return sheet;
}

/** Gives the badge's shadow root the shared sheet; false when it cannot take one. */
function adoptBadgeSheet(doc: Document, shadow: ShadowRoot): boolean {
  const sheet = sharedBadgeSheet(doc);
  if (!sheet) return false;
  try {
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return true;
  } catch {
    // refused: fall through
  }
  sharedSheets.set(doc, null);
  return false;
}

export function createPriorityBadge(doc: Document): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  if (!adoptBadgeSheet(doc, shadow)) {
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    shadow.append(style);
  }
  const pill = doc.createElement('span');
  pill.setAttribute('role', 'img');
  shadow.append(pill);
  return host;
}

/** Paints a state; everything from the page or the model goes in as text, never markup. */
export function paintPriorityBadge(host: HTMLElement, state: BadgeState): void {
  const pill = host.shadowRoot?.querySelector('span');
  if (!pill) return;
  host.dataset.recordId = state.recordId;
  host.dataset.status = state.status;
  pill.dataset.status = state.status;
  delete host.dataset.evidence;
  if (state.status === 'ready' && hasLimitedEvidence(state.result)) {
    // The answer is here (status ready), and it says the row shows too little to judge.
    host.dataset.evidence = 'limited';
    pill.dataset.status = 'limited';
    delete host.dataset.priority;
    delete pill.dataset.priority;
    pill.textContent = '?';
    pill.title = state.label;
    pill.setAttribute('aria-label', state.label);
  } else if (state.status === 'ready') {
    const { priority } = state.result;
    host.dataset.priority = priority;
    pill.dataset.priority = priority;
    pill.textContent = priority;
    pill.title = state.label;
    pill.setAttribute('aria-label', state.label);
  } else {
    delete host.dataset.priority;
    delete pill.dataset.priority;
    pill.textContent = state.status === 'loading' ? '…' : '!';
    pill.title = state.status === 'error' ? state.label : '';
    pill.setAttribute('aria-label', state.status === 'error' ? state.label : 'Pulso');
  }
}
