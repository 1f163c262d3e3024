/**
 * How the readers find elements: by the NAME of a fallback chain in the active selector pack
 * (lib/selector-pack), never by a selector written in code. A chain's selectors are tried in
 * order (stable hooks first); the first that finds a shown element wins.
 *
 * A ScrapeTrace, when given, records which selector of which chain found something, and for which
 * Lead field: `pulso scrape --explain` prints it, and the selector-health test
 * (lib/sites/selector-health.test.ts) fails when a selector never finds anything on any fixture —
 * a dead fallback is found by a test, not by a customer.
 */
import type { Crm } from '../contracts';
import type { SiteSelectorSet } from '../selector-pack';
import { isVisible } from './dom';

export interface SelectorHit {
  site: Crm;
  /** The chain's name ("HIGHLIGHT_NAME"). */
  key: string;
  /** The selector's place in the chain (0 = the first choice). */
  index: number;
  selector: string;
}

export interface FieldExplanation {
  /** Selectors that found something while the field was read, in order. */
  hits: SelectorHit[];
  /** UI labels matched while the field was read ("Contact owner"). */
  labels: string[];
  /** What decided the value, in words ("direction: tail-out icon"). */
  notes: string[];
}

/** What one or more scrapes used, for --explain and for the selector-health test. */
export class ScrapeTrace {
  readonly hits: SelectorHit[] = [];
  /** Hits outside any field: the page's regions, tables, rows. */
  readonly page: SelectorHit[] = [];
  readonly fields = new Map<string, FieldExplanation>();
  private readonly stack: string[] = [];

  private current(): FieldExplanation | undefined {
    const name = this.stack[this.stack.length - 1];
    if (!name) return undefined;
    let entry = this.fields.get(name);
    if (!entry) {
      entry = { hits: [], labels: [], notes: [] };
      this.fields.set(name, entry);
    }
    return entry;
  }

  hit(hit: SelectorHit): void {
    this.hits.push(hit);
    const field = this.current();
    if (field) field.hits.push(hit);
    else this.page.push(hit);
  }

  label(text: string): void {
    this.current()?.labels.push(text);
  }

  note(text: string): void {
    this.current()?.notes.push(text);
  }

  /** Attribute everything `read` finds to `field` ("email", "message 3"). */
  within<T>(field: string, read: () => T): T {
    this.stack.push(field);
    try {
      this.current();
      return read();
    } finally {
      this.stack.pop();
    }
  }

  /** "hubspot:HIGHLIGHT_NAME" → the selector indexes that found something. */
  used(): Map<string, Set<number>> {
    const used = new Map<string, Set<number>>();
    for (const { site, key, index } of this.hits) {
      const id = `${site}:${key}`;
      let set = used.get(id);
      if (!set) used.set(id, (set = new Set()));
      set.add(index);
    }
    return used;
  }
}

export interface QueryOptions {
  /** Only elements this accepts (e.g. outside the global nav). */
  accept?: (el: Element) => boolean;
  /** Values for the chain's `%name%` placeholders. */
  vars?: Readonly<Record<string, string>>;
}

type ChainKey<S extends SiteSelectorSet> = Extract<keyof S['chains'], string>;
type LabelKey<S extends SiteSelectorSet> = Extract<keyof S['labels'], string>;

const PLACEHOLDER = /%([a-z]+)%/g;
const SAFE_VALUE = /^[\w-]{1,120}$/;

/**
 * Tests the elements of a walk against several chains (see SiteQuery.tester). `test(el)` makes `el`
 * the current element; `hit(slot)` says which selector of that chain it matches first, else
 * undefined, and is worked out only when asked (a reader needs some chains only inside a row);
 * `attribute(name)` reads an attribute of the current element once (linkedom's getAttribute scans
 * the attribute list, and a reader and several selectors ask for the same few).
 */
export class ChainTester {
  private current!: Element;
  /** The attributes read from the current element, names and values side by side: a handful, so no Map to clear per element. */
  private readonly names: string[] = [];
  private readonly values: (string | null)[] = [];
  private read = 0;
  /** The current element has no attributes at all (a bare wrapper, an SVG title): nothing to read. */
  private bare = false;
  /** The current element's tag (lower case) and class attribute, read once each. */
  private tag: string | undefined;
  private classes: string | undefined;

  /** Per slot, the chain's selectors in order: checked here, or queried once under the scope. */
  constructor(private readonly chains: readonly (readonly TestedSelector[])[]) {}

  test(el: Element): void {
    this.current = el;
    this.read = 0;
    this.bare = !el.hasAttributes();
    this.tag = undefined;
    this.classes = undefined;
  }

  /** The first selector of chain `slot` the current element matches (only those before `below` are tried), else undefined. */
  hit(slot: number, below = Infinity): number | undefined {
    const chain = this.chains[slot]!;
    for (let i = 0; i < chain.length; i += 1) {
      const selector = chain[i]!;
      if (selector.index >= below) break;
      if (selector.found ? selector.found.has(this.current) : this.matches(selector)) return selector.index;
    }
    return undefined;
  }

  attribute(name: string): string | null {
    if (this.bare) return null;
    const { names, values } = this;
    for (let i = 0; i < this.read; i += 1) if (names[i] === name) return values[i]!;
    const value = this.current.getAttribute(name);
    names[this.read] = name;
    values[this.read] = value;
    this.read += 1;
    return value;
  }

  /** The current element's tag, lower case ("footer"). */
  localName(): string {
    return (this.tag ??= this.current.localName.toLowerCase());
  }

  /** The current element's class attribute ('' without one). */
  classAttribute(): string {
    return (this.classes ??= this.attribute('class') ?? '');
  }

  /** The current element carries this class. */
  hasClass(name: string): boolean {
    return hasClassToken(this.classAttribute(), name);
  }

  private matches({ subject, ancestors }: TestedSelector): boolean {
    if (!compoundMatches(subject!, this)) return false;
    if (ancestors.length === 0) return true;
    // Descendant combinators only: the nearest ancestor that matches each compound, right to left, is as good as any.
    let node = this.current.parentElement;
    for (const compound of ancestors) {
      while (node && !compoundMatches(compound, plainReads(node))) node = node.parentElement;
      if (!node) return false;
      node = node.parentElement;
    }
    return true;
  }
}

/** A chain's selector as a ChainTester sees it: compounds it checks itself, or the elements a query found. */
interface TestedSelector {
  index: number;
  /** The compound the element itself must match, and those its ancestors must match, nearest first. */
  subject?: CompoundSelector;
  ancestors: CompoundSelector[];
  found?: Set<Element>;
}

const SPACE = /\s/;

/** A character JavaScript's \s matches (what the class attribute is split on here). */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 0xa0 && SPACE.test(String.fromCharCode(code));
}

/**
 * `name` is one of the whitespace-separated tokens of a class attribute: found in place, without
 * splitting the attribute or padding it with spaces (this runs for every element of a chat panel).
 */
export function hasClassToken(classes: string, name: string): boolean {
  if (classes === '') return name === '';
  for (let i = 0; i < name.length; i += 1) {
    // A name with a space in it is a run of tokens: the padded form answers that (and the empty name, below).
    if (isSpace(name.charCodeAt(i))) return paddedHas(classes, name);
  }
  return name === '' ? paddedHas(classes, name) : hasPlainClassToken(classes, name);
}

function paddedHas(classes: string, name: string): boolean {
  return ` ${classes.replace(/\s+/g, ' ')} `.includes(` ${name} `);
}

/** hasClassToken for a non-empty name without spaces (a class selector's). */
function hasPlainClassToken(classes: string, name: string): boolean {
  for (let at = classes.indexOf(name); at >= 0; at = classes.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || isSpace(classes.charCodeAt(at - 1))) && (end === classes.length || isSpace(classes.charCodeAt(end)))) return true;
  }
  return false;
}

interface AttributeTest {
  name: string;
  op: string;
  value?: string;
}

interface CompoundSelector {
  /** Lower case. */
  tag?: string;
  classes: string[];
  attributes: AttributeTest[];
}

const COMPOUND = /^([a-zA-Z][\w-]*)?((?:\.[\w-]+|#[\w-]+|\[[\w-]+(?:[~^$*|]?="[^"\]]*")?\])*)$/;
const COMPOUND_PART = /\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:([~^$*|]?)="([^"\]]*)")?\]/g;

/** "span.a.b", '[data-testid="x"]', '[data-id]' → its parts; undefined for combinators, lists and pseudo-classes. */
function parseCompound(selector: string): CompoundSelector | undefined {
  const match = COMPOUND.exec(selector.trim());
  if (!match || (!match[1] && !match[2])) return undefined;
  const compound: CompoundSelector = { tag: match[1]?.toLowerCase(), classes: [], attributes: [] };
  for (const part of match[2]!.matchAll(COMPOUND_PART)) {
    if (part[1]) compound.classes.push(part[1]);
    else if (part[2]) compound.attributes.push({ name: 'id', op: '', value: part[2] });
    else compound.attributes.push({ name: part[3]!, op: part[4] ?? '', value: part[5] });
  }
  return compound;
}

/**
 * Attributes whose values HTML compares without case in selectors, among those a page may carry
 * on a header or a row (the HTML standard lists more): a selector testing one is left to the engine.
 */
const CASELESS_VALUES = new Set(['dir', 'lang', 'type', 'rel', 'target', 'media', 'method', 'align', 'valign', 'scope', 'shape', 'text', 'color', 'face', 'charset', 'hreflang', 'http-equiv', 'accept', 'checked', 'disabled', 'multiple', 'readonly', 'selected']);

/**
 * 'header [data-testid="x"]' → the subject's compound and its ancestors', nearest first: compounds
 * joined by descendant combinators only, and only where this check agrees with the engine's
 * (no escapes, no class or case-insensitive attribute tested as an attribute, no empty value
 * tests); undefined for anything else, which the engine then answers.
 */
function parseDescendants(selector: string): CompoundSelector[] | undefined {
  if (selector.includes('\\')) return undefined;
  const parts = selector.trim().split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const compounds: CompoundSelector[] = [];
  for (const part of parts) {
    const compound = parseCompound(part);
    if (!compound) return undefined;
    for (const { name, op, value } of compound.attributes) {
      if (name !== name.toLowerCase() || name === 'class' || (value !== undefined && (CASELESS_VALUES.has(name) || (value === '' && op !== '')))) return undefined;
    }
    compounds.push(compound);
  }
  return compounds.reverse();
}

/** What a compound selector reads of an element: ChainTester's reads (each once) for the element under test, plainReads for its ancestors. */
interface ElementReads {
  localName(): string;
  classAttribute(): string;
  attribute(name: string): string | null;
}

const plainReads = (el: Element): ElementReads => ({
  localName: () => el.localName.toLowerCase(),
  classAttribute: () => el.getAttribute('class') ?? '',
  attribute: (name) => el.getAttribute(name),
});

/** The element matches the compound: its tag, every class, every attribute test. */
function compoundMatches(compound: CompoundSelector, el: ElementReads): boolean {
  if (compound.tag !== undefined && el.localName() !== compound.tag) return false;
  if (compound.classes.length > 0) {
    const classes = el.classAttribute();
    for (const name of compound.classes) if (!hasPlainClassToken(classes, name)) return false;
  }
  for (const attribute of compound.attributes) if (!attributeMatches(el.attribute(attribute.name), attribute)) return false;
  return true;
}

function attributeMatches(actual: string | null, { op, value }: AttributeTest): boolean {
  if (actual === null) return false;
  if (value === undefined) return true;
  switch (op) {
    case '':
      return actual === value;
    case '^':
      return actual.startsWith(value);
    case '$':
      return actual.endsWith(value);
    case '*':
      return actual.includes(value);
    case '~':
      return actual.split(/\s+/).includes(value);
    default:
      return actual === value || actual.startsWith(`${value}-`);
  }
}

/**
 * `SiteQuery.first(scope, key)` worked out from a walk of `scope`: offer each element below scope,
 * in document order, with the chain's hit on it (ChainTester.hit). The first shown element of the
 * earliest selector wins, as in `first`; once a selector has a winner, only earlier selectors can
 * change the answer (`index` bounds what is still worth testing).
 */
export class FirstShown {
  element: Element | undefined;
  /** The winner's selector; Infinity while there is none. */
  index = Infinity;

  constructor(private readonly isShown: (el: Element) => boolean) {}

  offer(el: Element, index: number | undefined): void {
    if (index !== undefined && index < this.index && this.isShown(el)) {
      this.element = el;
      this.index = index;
    }
  }
}

/** The selectors of one site for one scrape: chains by name, shown elements only, hits traced. */
export class SiteQuery<S extends SiteSelectorSet> {
  constructor(
    readonly site: Crm,
    readonly selectors: S,
    readonly trace?: ScrapeTrace,
    /** Shown to the user (Salesforce passes its cached-view aware judge). */
    readonly isShown: (el: Element) => boolean = isVisible,
  ) {}

  /** The chain's selectors with its placeholders filled; a selector whose value is unsafe is dropped. */
  chain(key: ChainKey<S>, vars?: Readonly<Record<string, string>>): readonly string[] {
    const chain = this.selectors.chains[key] ?? [];
    if (!vars) return chain;
    const filled: string[] = [];
    for (const selector of chain) {
      let ok = true;
      const text = selector.replace(PLACEHOLDER, (_, name: string) => {
        const value = vars[name];
        if (value === undefined || !SAFE_VALUE.test(value)) ok = false;
        return value ?? '';
      });
      filled.push(ok ? text : '');
    }
    return filled;
  }

  labels(key: LabelKey<S>): readonly string[] {
    return this.selectors.labels[key] ?? [];
  }

  private record(key: string, index: number, selector: string): void {
    this.trace?.hit({ site: this.site, key, index, selector: selector || (this.selectors.chains[key]?.[index] ?? '') });
  }

  /** Record that the chain's selector `index` found what the reader used (readers that index a chain once per scrape). */
  used(key: ChainKey<S>, index: number, selector = ''): void {
    if (this.trace) this.record(key, index, selector);
  }

  /**
   * Every element each selector of the chain finds under `scope`, mapped to the first selector
   * that finds it: one query per selector per scrape, then Map lookups per element (linkedom
   * compiles a selector on every query, and a 200-message chat would otherwise query thousands
   * of times). Not filtered by visibility: the caller walks shown rows.
   */
  index(scope: ParentNode, key: ChainKey<S>): Map<Element, number> {
    const marks = new Map<Element, number>();
    this.chain(key).forEach((selector, index) => {
      if (!selector) return;
      for (const el of Array.from(scope.querySelectorAll(selector))) if (!marks.has(el)) marks.set(el, index);
    });
    return marks;
  }

  /**
   * A tester for several chains at once, for a reader that walks a subtree itself (a 200-message
   * chat): `hit(slot)` says, per chain, the first selector the element matches. Compound selectors
   * (a tag, classes, attributes — the usual hooks), alone or joined by descendant combinators
   * ("header [data-testid=…]"), are checked with a few attribute reads per element; any other
   * selector is queried once under `scope`. linkedom compiles and walks the whole scope per query,
   * so in Node this is several times faster than one query per selector per row; in a browser the
   * reads are the ones the walk makes anyway.
   */
  tester(scope: ParentNode, keys: readonly ChainKey<S>[]): ChainTester {
    return new ChainTester(
      keys.map((key) => {
        const tested: TestedSelector[] = [];
        this.chain(key).forEach((selector, index) => {
          if (!selector) return;
          const compound = parseCompound(selector);
          const compounds = compound ? [compound] : parseDescendants(selector);
          if (compounds) tested.push({ index, subject: compounds[0], ancestors: compounds.slice(1) });
          else tested.push({ index, ancestors: [], found: new Set(Array.from(scope.querySelectorAll(selector))) });
        });
        return tested;
      }),
    );
  }

  /** A FirstShown for `first(scope, key)` answered by a walk of `scope` the reader makes anyway. */
  firstShown(): FirstShown {
    return new FirstShown(this.isShown);
  }

  /** What `first` would have found, from a FirstShown its walk fed; the hit is recorded as `first` records it. */
  firstFound(key: ChainKey<S>, found: FirstShown): Element | undefined {
    if (found.element) this.record(key, found.index, this.chain(key)[found.index]!);
    return found.element;
  }

  /** The first shown element a selector of the chain finds (selectors in order, each in document order). */
  first(scope: ParentNode, key: ChainKey<S>, options: QueryOptions = {}): Element | undefined {
    const chain = this.chain(key, options.vars);
    for (let index = 0; index < chain.length; index += 1) {
      const selector = chain[index]!;
      if (!selector) continue;
      // The first match is usually the one (querySelector stops there); the rest only when it is hidden or refused.
      const first = scope.querySelector(selector);
      if (!first) continue;
      const candidates = (options.accept?.(first) ?? true) && this.isShown(first) ? [first] : Array.from(scope.querySelectorAll(selector));
      for (const el of candidates) {
        if ((options.accept?.(el) ?? true) && this.isShown(el)) {
          this.record(key, index, selector);
          return el;
        }
      }
    }
    return undefined;
  }


  /** Every shown element found by the first selector of the chain that finds any (the others are the same hook in other app versions). */
  all(scope: ParentNode, key: ChainKey<S>, options: QueryOptions = {}): Element[] {
    const chain = this.chain(key, options.vars);
    for (let index = 0; index < chain.length; index += 1) {
      const selector = chain[index]!;
      if (!selector) continue;
      const found = Array.from(scope.querySelectorAll(selector)).filter((el) => (options.accept?.(el) ?? true) && this.isShown(el));
      if (found.length > 0) {
        this.record(key, index, selector);
        return found;
      }
    }
    return [];
  }

  /** Every shown element any selector of the chain finds, once each, in document order of each selector. */
  every(scope: ParentNode, key: ChainKey<S>, options: QueryOptions = {}): Element[] {
    const chain = this.chain(key, options.vars);
    const seen = new Set<Element>();
    const found: Element[] = [];
    chain.forEach((selector, index) => {
      if (!selector) return;
      let hit = false;
      for (const el of Array.from(scope.querySelectorAll(selector))) {
        if (seen.has(el) || !(options.accept?.(el) ?? true) || !this.isShown(el)) continue;
        seen.add(el);
        found.push(el);
        hit = true;
      }
      if (hit) this.record(key, index, selector);
    });
    return found;
  }

  /** The chain's selectors joined into one (for `matches` / `closest`); empty selectors dropped. */
  joined(key: ChainKey<S>, vars?: Readonly<Record<string, string>>): string {
    return this.chain(key, vars).filter(Boolean).join(', ');
  }

  /** Whether `el` matches a selector of the chain; records the first that does. */
  matches(el: Element, key: ChainKey<S>): boolean {
    const joined = this.joined(key);
    if (!joined || !el.matches(joined)) return false;
    if (this.trace) this.recordMatch(el, key);
    return true;
  }

  /**
   * The closest ancestor (or `el` itself) the chain matches: one joined query, the matching
   * selector worked out only when tracing. For scopes a reader must stay out of (the global nav).
   */
  closest(el: Element, key: ChainKey<S>): Element | null {
    const joined = this.joined(key);
    const found = joined ? el.closest(joined) : null;
    if (found && this.trace) this.recordMatch(found, key);
    return found;
  }

  private recordMatch(el: Element, key: ChainKey<S>): void {
    const chain = this.chain(key);
    const index = chain.findIndex((selector) => selector && el.matches(selector));
    if (index >= 0) this.record(key, index, chain[index]!);
  }

  /** Read `field` with everything found on the way attributed to it in the trace. */
  field<T>(field: string, read: () => T): T {
    return this.trace ? this.trace.within(field, read) : read();
  }

  /** A note on how the current field was decided (--explain). */
  note(text: string): void {
    this.trace?.note(text);
  }

  /** A UI label that matched for the current field (--explain). */
  label(text: string): void {
    this.trace?.label(text);
  }
}
