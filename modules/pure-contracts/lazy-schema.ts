// A contract schema in a content script, built the first time something reads it
// (./mark-pure.ts puts each lib/contracts schema behind one in the content scripts' builds).
// Building zod schemas is cold code at page load (each one a chain of constructors, clones and
// checks): built eagerly, a content script's schemas were most of its evaluation, one long task
// before the first result. Behind this stand-in, a schema is built by its first parse, in the task
// that needs it, and one the page never parses (a campaign's, a list's on a record) is never built.

/** Marks a value as one of these stand-ins (its schema not necessarily built yet). */
const LAZY = Symbol('pulso.lazySchema');

/**
 * A stand-in for the schema `build` returns: every read (`parse`, `_zod`, `extend`, `shape`…)
 * builds the schema once and is answered by it, so methods run on the built schema itself
 * (zod binds them to it), and `instanceof`, nesting in other schemas and composing work as on
 * the schema. Throws on first use if `build` returns anything but a zod schema.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    if (built) return built;
    const value = build();
    if (!value || typeof value !== 'object' || !('_zod' in value)) {
      throw new TypeError('modules/pure-contracts: lazySchema() was given something that is not a zod schema');
    }
    return (built = value);
  };
  return new Proxy({} as T, {
    get: (_target, key) => (key === LAZY ? true : Reflect.get(schema(), key)),
    has: (_target, key) => key === LAZY || Reflect.has(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    getPrototypeOf: () => Object.getPrototypeOf(schema()),
  });
}

/** Whether `value` is a stand-in made by lazySchema (for tests). */
export function isLazySchema(value: unknown): boolean {
  return typeof value === 'object' && value !== null && LAZY in value;
}
