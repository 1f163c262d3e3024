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
 * Tests elements against several chains (see SiteQuery.tester). `test(el)` fills `hits` — per
 * chain, the first selector `el` matches, else undefined — and `attribute(name)` reads an
 * attribute of the element last tested, once: linkedom's getAttribute scans the attribute list.
 */
export class ChainTester {
  readonly hits: (number | undefined)[];
  private current: Element | undefined;
  private readonly cache = new Map<string, string | null>();
  /** The current element's upper-case tag and its class attribute padded with spaces, read once each. */
  private tag: string | undefined;
  private classes: string | undefined;

  constructor(
    slots: number,
    private readonly compiled: readonly { slot: number; index: number; selector: CompoundSelector }[],
    private readonly queried: readonly { slot: number; index: number; found: Set<Element> }[],
  ) {
    this.hits = new Array(slots).fill(undefined);
  }

  attribute(name: string): string | null {
    let value = this.cache.get(name);
    if (value === undefined) {
      value = this.current!.getAttribute(name);
      this.cache.set(name, value);
    }
    return value;
  }

  /** The current element's tag, upper case. */
  tagName(): string {
    return (this.tag ??= this.current!.tagName.toUpperCase());
  }

  /** The current element carries this class. */
  hasClass(name: string): boolean {
    return this.paddedClasses().includes(` ${name} `);
  }

  private paddedClasses(): string {
    return (this.classes ??= ` ${(this.attribute('class') ?? '').replace(/\s+/g, ' ')} `);
  }

  test(el: Element): readonly (number | undefined)[] {
    this.current = el;
    this.cache.clear();
    this.tag = undefined;
    this.classes = undefined;
    const hits = this.hits;
    hits.fill(undefined);
    for (const { slot, index, selector } of this.compiled) {
      if (hits[slot] !== undefined && hits[slot]! < index) continue;
      if (selector.tag && this.tagName() !== selector.tag) continue;
      if (selector.classes.length > 0) {
        const classes = this.paddedClasses();
        if (!selector.classes.every((padded) => classes.includes(padded))) continue;
      }
      if (!selector.attributes.every((attribute) => attributeMatches(this.attribute(attribute.name), attribute))) continue;
      hits[slot] = index;
    }
    for (const { slot, index, found } of this.queried) if ((hits[slot] === undefined || hits[slot]! > index) && found.has(el)) hits[slot] = index;
    return hits;
  }
}

interface AttributeTest {
  name: string;
  op: string;
  value?: string;
}

interface CompoundSelector {
  tag?: string;
  /** Each class name with a space on either side, to find in a padded class attribute. */
  classes: string[];
  attributes: AttributeTest[];
}

const COMPOUND = /^([a-zA-Z][\w-]*)?((?:\.[\w-]+|#[\w-]+|\[[\w-]+(?:[~^$*|]?="[^"\]]*")?\])*)$/;
const COMPOUND_PART = /\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:([~^$*|]?)="([^"\]]*)")?\]/g;

/** "span.a.b", '[data-testid="x"]', '[data-id]' → its parts; undefined for combinators, lists and pseudo-classes. */
function parseCompound(selector: string): CompoundSelector | undefined {
  const match = COMPOUND.exec(selector.trim());
  if (!match || (!match[1] && !match[2])) return undefined;
  const compound: CompoundSelector = { tag: match[1]?.toUpperCase(), classes: [], attributes: [] };
  for (const part of match[2]!.matchAll(COMPOUND_PART)) {
    if (part[1]) compound.classes.push(` ${part[1]} `);
    else if (part[2]) compound.attributes.push({ name: 'id', op: '', value: part[2] });
    else compound.attributes.push({ name: part[3]!, op: part[4] ?? '', value: part[5] });
  }
  return compound;
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
   * chat): `test(el)` says, per chain, the first selector `el` matches. Compound selectors (a tag,
   * classes, attributes — the usual hooks) are checked with a few attribute reads per element;
   * any other selector is queried once under `scope`. linkedom compiles and walks per query, so in
   * Node this is several times faster than one query per selector per row.
   */
  tester(scope: ParentNode, keys: readonly ChainKey<S>[]): ChainTester {
    const compiled: { slot: number; index: number; selector: CompoundSelector }[] = [];
    const queried: { slot: number; index: number; found: Set<Element> }[] = [];
    keys.forEach((key, slot) => {
      this.chain(key).forEach((selector, index) => {
        if (!selector) return;
        const compound = parseCompound(selector);
        if (compound) compiled.push({ slot, index, selector: compound });
        else queried.push({ slot, index, found: new Set(Array.from(scope.querySelectorAll(selector))) });
      });
    });
    return new ChainTester(keys.length, compiled, queried);
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
