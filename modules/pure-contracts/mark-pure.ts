import { parseSync, type Plugin } from 'vite';

// lib/contracts is declarations only (it depends on nothing of ours): every top-level const is a
// zod schema or a value built from others, with no effect but its value. A bundler cannot know
// that — `z.string().max(4_000)` calls methods — so every bundle that imports one contract used to
// construct them all at load, and ship them: each content script built ~all the extension's
// schemas (its pages', the background's) before painting anything. This marks each such
// initializer pure (`/* @__PURE__ */ (() => init)()`, evaluated where it was, in the same order),
// so a bundle keeps, and builds at load, only the schemas it uses.
const CONTRACT = /[\\/]lib[\\/]contracts[\\/][\w-]+\.ts$/;

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** True if evaluating the expression can call something (a bare literal or a reference needs no mark). */
function calls(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(calls);
  const typed = node as Node;
  if (typed.type === 'CallExpression' || typed.type === 'NewExpression' || typed.type === 'TaggedTemplateExpression') return true;
  return Object.entries(typed).some(([key, value]) => key !== 'type' && typeof value === 'object' && calls(value));
}

/** The contract module's source with every top-level const initializer that calls something marked pure. */
export function markContractsPure(code: string, filename: string): string {
  const { program, errors } = parseSync(filename, code, { lang: 'ts', sourceType: 'module' });
  if (errors.length > 0) throw new Error(`modules/pure-contracts.ts could not parse ${filename}: ${errors[0]!.message}`);
  const inits: Node[] = [];
  for (const statement of program.body as unknown as Node[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations as Node[]) {
      const init = declarator.init as Node | null;
      if (init && calls(init)) inits.push(init);
    }
  }
  let out = code;
  for (const init of inits.reverse()) {
    out = `${out.slice(0, init.start)}/* @__PURE__ */ (() => (${out.slice(init.start, init.end)}))()${out.slice(init.end)}`;
  }
  return out;
}

export function pureContracts(): Plugin {
  return {
    name: 'pulso:pure-contracts',
    enforce: 'pre',
    transform(code, id) {
      if (!CONTRACT.test(id) || id.endsWith('.test.ts')) return null;
      return { code: markContractsPure(code, id), map: null };
    },
  };
}
