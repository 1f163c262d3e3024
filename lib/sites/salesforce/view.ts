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

// Plain set lookups, not selector matching: linkedom compiles a selector on every matches()/closest() call,
// and a record asks about every ancestor of a few hundred nodes.
const CHROME_IDS = new Set<string>(GLOBAL_CHROME.ids);
const CHROME_CLASSES = new Set<string>(GLOBAL_CHROME.classes);
const CHROME_TAGS = new Set<string>(GLOBAL_CHROME.tags.map((tag) => tag.toUpperCase()));
const CHROME_ROLES = new Set<string>(GLOBAL_CHROME.roles);
const VIEW_CLASSES = new Set<string>(CACHED_VIEW.classes);
const HIDING_CLASSES = new Set<string>(SLDS_HIDDEN_CLASSES);

type WithCheckVisibility = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

function classesOf(el: Element): string[] {
  const value = el.getAttribute('class');
  return value ? value.split(/\s+/) : [];
}

function isCachedView(el: Element, classes: readonly string[] = classesOf(el)): boolean {
  return el.hasAttribute(CACHED_VIEW.attribute) || classes.some((name) => VIEW_CLASSES.has(name));
}

function markedActive(el: Element): boolean {
  return classesOf(el).includes('active') || el.getAttribute(CACHED_VIEW.attribute) === 'true';
}

/**
 * A cached view (page or console tab) that is not the current one: marked
 * `data-is-active="false"`, or not `.active` while a sibling view is.
 */
export function isInactiveView(el: Element): boolean {
  if (!isCachedView(el)) return false;
  if (el.getAttribute(CACHED_VIEW.attribute) === 'false') return true;
  if (markedActive(el)) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== el && isCachedView(sibling) && markedActive(sibling)) return true;
  }
  return false;
}

function hiddenHere(el: Element, classes: readonly string[]): boolean {
  if (isHiddenByOwnMarkup(el) || el.tagName.toUpperCase() === 'TEMPLATE') return true;
  if (classes.some((name) => HIDING_CLASSES.has(name))) return true;
  return isInactiveView(el);
}

function chromeHere(el: Element, classes: readonly string[]): boolean {
  return (
    CHROME_IDS.has(el.id) ||
    CHROME_TAGS.has(el.tagName.toUpperCase()) ||
    CHROME_ROLES.has(el.getAttribute('role') ?? '') ||
    classes.some((name) => CHROME_CLASSES.has(name))
  );
}

interface NodeState {
  hidden: boolean;
  chrome: boolean;
}

/** Visibility judge for one scrape (memoised; create one per scrape, the SPA re-renders between scrapes). */
export class LightningView {
  private readonly states = new Map<Element, NodeState>();

  private state(el: Element): NodeState {
    const known = this.states.get(el);
    if (known) return known;
    const parent = el.parentElement ? this.state(el.parentElement) : { hidden: false, chrome: false };
    const classes = classesOf(el);
    const result = { hidden: parent.hidden || hiddenHere(el, classes), chrome: parent.chrome || chromeHere(el, classes) };
    this.states.set(el, result);
    return result;
  }

  /** Hidden by a marker on the element or an ancestor. */
  hiddenByMarkers(el: Element): boolean {
    return this.state(el).hidden;
  }

  /** Seen by the user: no marker says hidden, and layout (when there is any) agrees. */
  isShown(el: Element): boolean {
    if (this.state(el).hidden) return false;
    const check = (el as WithCheckVisibility).checkVisibility;
    return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
  }

  /** Shown and outside the global header, nav bar, tab bar and hover cards. */
  isReadable(el: Element): boolean {
    return !this.state(el).chrome && this.isShown(el);
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
