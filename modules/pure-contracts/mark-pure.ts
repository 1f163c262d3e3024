import { resolve } from 'node:path';
import { parseSync, type Plugin } from 'vite';

// lib/contracts is declarations only (it depends on nothing of ours): every top-level const is a
// zod schema or a value built from others, with no effect but its value. A bundler cannot know
// that — `z.string().max(4_000)` calls methods — so every bundle that imports one contract used to
// construct them all at load, and ship them: each content script built ~all the extension's
// schemas (its pages', the background's) before painting anything. This marks each such
// initializer pure (`/* @__PURE__ */ (() => init)()`, evaluated where it was, in the same order),
// so a bundle keeps, and builds at load, only the schemas it uses.
//
// In the content scripts' builds it goes one step further (`lazy`): a schema the bundle keeps is
// not built at load either, but by its first use (./lazy-schema.ts), so the script's evaluation
// (one task, before the first result) builds none, and a schema the page never parses is never
// built. A schema is a const whose name ends in `Schema`, or whose initializer starts from `z` or
// from another schema of the module (`shortText = z.string().max(…)`, `LeadSchema =
// LeadFieldsSchema.refine(…)`); other values (`CRMS`, `DEFAULT_SLA_HOURS`) stay as they were.
// lib/settings.ts is declarations too (the settings' schema, its defaults, its storage key), and
// parsed by every content script as it starts.
const CONTRACT = /[\\/]lib[\\/](contracts[\\/][\w-]+|settings)\.ts$/;
const LAZY_SCHEMA_MODULE = resolve(import.meta.dirname, 'lazy-schema.ts');
const LAZY = '__pulsoLazySchema';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** True if evaluating the expression can call something (a bare literal or a reference needs no mark). */
function calls(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(calls);
  const typed = node as Node;
  if (typed.type === 'CallExpression' || typed.type === 'NewExpression' || typed.type === 'TaggedTemplateExpression') return true;
  return Object.entries(typed).some(([key, value]) => key !== 'type' && typeof value === 'object' && calls(value));
}

/** The identifier a chain of calls and reads starts from: `z` in `z.string().max(4)`, `Lead` in `Lead.shape.email`. */
function chainRoot(node: Node): string | undefined {
  let current: Node = node;
  for (;;) {
    if (current.type === 'CallExpression') current = current.callee as Node;
    else if (current.type === 'MemberExpression') current = current.object as Node;
    else if (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression') current = current.expression as Node;
    else return current.type === 'Identifier' ? (current.name as string) : undefined;
  }
}

/** The module's top-level const declarators with an initializer, in source order. */
function topLevelConsts(program: { body: unknown[] }): { name: string | undefined; init: Node }[] {
  const found: { name: string | undefined; init: Node }[] = [];
  for (const statement of program.body as Node[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations as Node[]) {
      const id = declarator.id as Node;
      if (declarator.init) found.push({ name: id.type === 'Identifier' ? (id.name as string) : undefined, init: declarator.init as Node });
    }
  }
  return found;
}

/**
 * The contract module's source with every top-level const initializer that calls something
 * marked pure; with `lazy`, the schemas among them built on first use instead (see above).
 */
export function markContractsPure(code: string, filename: string, { lazy = false }: { lazy?: boolean } = {}): string {
  const { program, errors } = parseSync(filename, code, { lang: 'ts', sourceType: 'module' });
  if (errors.length > 0) throw new Error(`modules/pure-contracts.ts could not parse ${filename}: ${errors[0]!.message}`);
  const schemas = new Set<string>(['z']);
  const edits: { init: Node; lazy: boolean }[] = [];
  for (const { name, init } of topLevelConsts(program)) {
    const root = chainRoot(init);
    const isSchema = lazy && (init.type === 'CallExpression' || init.type === 'MemberExpression' || init.type === 'TSAsExpression') && (name?.endsWith('Schema') || (root !== undefined && schemas.has(root)));
    if (isSchema && name) schemas.add(name);
    if (isSchema || calls(init)) edits.push({ init, lazy: Boolean(isSchema) });
  }
  let out = code;
  for (const { init, lazy: later } of edits.reverse()) {
    const expression = out.slice(init.start, init.end);
    const wrapped = later ? `/* @__PURE__ */ ${LAZY}(() => (${expression}))` : `/* @__PURE__ */ (() => (${expression}))()`;
    out = `${out.slice(0, init.start)}${wrapped}${out.slice(init.end)}`;
  }
  if (edits.some((edit) => edit.lazy)) out = `import { lazySchema as ${LAZY} } from ${JSON.stringify(LAZY_SCHEMA_MODULE)};\n${out}`;
  return out;
}

/** The plugin: `lazy` in the content scripts' builds (modules/pure-contracts/index.ts). */
export function pureContracts({ lazy = false }: { lazy?: boolean } = {}): Plugin {
  return {
    name: 'pulso:pure-contracts',
    enforce: 'pre',
    transform(code, id) {
      if (!CONTRACT.test(id) || id.endsWith('.test.ts')) return null;
      return { code: markContractsPure(code, id, { lazy }), map: null };
    },
  };
}
