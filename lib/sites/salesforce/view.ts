/**
 * Which part of a Lightning page the user sees. Lightning keeps every page and
 * console tab it has shown in the DOM and hides the inactive ones with
 * stylesheet rules (`.oneContent:not(.active)`, `.slds-hide`), so a saved page
 * (no layout, no stylesheet) still holds them all. Here visibility is decided
 * from those markers — inactive cached views, SLDS hiding classes, plus the
 * generic `hidden` / `aria-hidden` / inline display:none — and from layout when
 * the engine has it (a real browser). Memoised per scrape: one record asks for
 * hundreds of nodes with shared ancestors.
 */
import { isHiddenByOwnMarkup } from '../dom';
import { CACHED_VIEW, GLOBAL_CHROME, SLDS_HIDDEN_CLASSES } from './selectors';

const CACHED_VIEW_SELECTOR = CACHED_VIEW.join(', ');
const GLOBAL_CHROME_SELECTOR = GLOBAL_CHROME.join(', ');

type WithCheckVisibility = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

function markedActive(el: Element): boolean {
  return el.classList.contains('active') || el.getAttribute('data-is-active') === 'true';
}

/**
 * A cached view (page or console tab) that is not the current one: marked
 * `data-is-active="false"`, or not `.active` while a sibling view is.
 */
export function isInactiveView(el: Element): boolean {
  if (!el.matches(CACHED_VIEW_SELECTOR)) return false;
  if (el.getAttribute('data-is-active') === 'false') return true;
  if (markedActive(el)) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== el && sibling.matches(CACHED_VIEW_SELECTOR) && markedActive(sibling)) return true;
  }
  return false;
}

function hiddenHere(el: Element): boolean {
  if (isHiddenByOwnMarkup(el) || el.tagName.toUpperCase() === 'TEMPLATE') return true;
  for (const name of SLDS_HIDDEN_CLASSES) if (el.classList.contains(name)) return true;
  return isInactiveView(el);
}

/** Visibility judge for one scrape (memoised; create one per scrape, the SPA re-renders between scrapes). */
export class LightningView {
  private readonly hidden = new Map<Element, boolean>();

  /** Hidden by a marker on the element or an ancestor. */
  hiddenByMarkers(el: Element): boolean {
    const known = this.hidden.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const result = hiddenHere(el) || (parent !== null && this.hiddenByMarkers(parent));
    this.hidden.set(el, result);
    return result;
  }

  /** Seen by the user: no marker says hidden, and layout (when there is any) agrees. */
  isShown(el: Element): boolean {
    if (this.hiddenByMarkers(el)) return false;
    const check = (el as WithCheckVisibility).checkVisibility;
    return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
  }

  /** Shown and outside the global header, nav bar, tab bar and hover cards. */
  isReadable(el: Element): boolean {
    return el.closest(GLOBAL_CHROME_SELECTOR) === null && this.isShown(el);
  }

  /** Inside `scope`, every readable match of the chain's first selector that finds any. */
  all(scope: ParentNode, chain: readonly string[]): Element[] {
    for (const selector of chain) {
      const found = Array.from(scope.querySelectorAll(selector)).filter((el) => this.isReadable(el));
      if (found.length > 0) return found;
    }
    return [];
  }

  /** The first readable match of the chain (selectors in order). */
  first(scope: ParentNode, chain: readonly string[]): Element | undefined {
    for (const selector of chain) {
      for (const el of Array.from(scope.querySelectorAll(selector))) if (this.isReadable(el)) return el;
    }
    return undefined;
  }
}
