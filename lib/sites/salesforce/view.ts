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
import type { BuiltInSelectorSets } from '../scrape-context';

type Lists = BuiltInSelectorSets['salesforce']['labels'];

/**
 * The chrome / cached-view / hiding lists of the active selectors as sets. Plain set lookups, not
 * selector matching: linkedom compiles a selector on every matches()/closest() call, and a record
 * asks about every ancestor of a few hundred nodes.
 */
class Markers {
  readonly chromeIds: Set<string>;
  readonly chromeClasses: Set<string>;
  readonly chromeTags: Set<string>;
  readonly chromeRoles: Set<string>;
  readonly viewClasses: Set<string>;
  readonly viewAttributes: readonly string[];
  readonly hidingClasses: Set<string>;
  constructor(lists: Lists) {
    this.chromeIds = new Set(lists.CHROME_IDS);
    this.chromeClasses = new Set(lists.CHROME_CLASSES);
    this.chromeTags = new Set(lists.CHROME_TAGS.map((tag) => tag.toUpperCase()));
    this.chromeRoles = new Set(lists.CHROME_ROLES);
    this.viewClasses = new Set(lists.CACHED_VIEW_CLASSES);
    this.viewAttributes = lists.CACHED_VIEW_ATTRIBUTES;
    this.hidingClasses = new Set(lists.HIDDEN_CLASSES);
  }
}

type WithCheckVisibility = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

function classesOf(el: Element): string[] {
  const value = el.getAttribute('class');
  return value ? value.split(/\s+/) : [];
}

function isCachedView(markers: Markers, el: Element, classes: readonly string[] = classesOf(el)): boolean {
  return markers.viewAttributes.some((name) => el.hasAttribute(name)) || classes.some((name) => markers.viewClasses.has(name));
}

function markedActive(markers: Markers, el: Element): boolean {
  return classesOf(el).includes('active') || markers.viewAttributes.some((name) => el.getAttribute(name) === 'true');
}

/**
 * A cached view (page or console tab) that is not the current one: marked
 * `data-is-active="false"`, or not `.active` while a sibling view is.
 */
function isInactiveView(markers: Markers, el: Element): boolean {
  if (!isCachedView(markers, el)) return false;
  if (markers.viewAttributes.some((name) => el.getAttribute(name) === 'false')) return true;
  if (markedActive(markers, el)) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== el && isCachedView(markers, sibling) && markedActive(markers, sibling)) return true;
  }
  return false;
}

function hiddenHere(markers: Markers, el: Element, classes: readonly string[]): boolean {
  if (isHiddenByOwnMarkup(el) || el.tagName.toUpperCase() === 'TEMPLATE') return true;
  if (classes.some((name) => markers.hidingClasses.has(name))) return true;
  return isInactiveView(markers, el);
}

function chromeHere(markers: Markers, el: Element, classes: readonly string[]): boolean {
  return (
    markers.chromeIds.has(el.id) ||
    markers.chromeTags.has(el.tagName.toUpperCase()) ||
    markers.chromeRoles.has(el.getAttribute('role') ?? '') ||
    classes.some((name) => markers.chromeClasses.has(name))
  );
}

interface NodeState {
  hidden: boolean;
  chrome: boolean;
}

/** Visibility judge for one scrape (memoised; create one per scrape, the SPA re-renders between scrapes). */
export class LightningView {
  private readonly states = new Map<Element, NodeState>();
  private readonly markers: Markers;

  constructor(lists: Lists) {
    this.markers = new Markers(lists);
  }

  private state(el: Element): NodeState {
    const known = this.states.get(el);
    if (known) return known;
    const parent = el.parentElement ? this.state(el.parentElement) : { hidden: false, chrome: false };
    const classes = classesOf(el);
    const result = { hidden: parent.hidden || hiddenHere(this.markers, el, classes), chrome: parent.chrome || chromeHere(this.markers, el, classes) };
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
}
