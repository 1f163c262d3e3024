import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { markContractsPure } from './mark-pure';

const CONTRACT = `import { z } from 'zod';
export const LIMIT = 40;
export const KINDS = ['a', 'b'] as const;
const Name = z.string().max(LIMIT);
export const UsedSchema = z.object({ name: Name, kind: z.enum(KINDS) });
export const UnusedSchema = UsedSchema.extend({ extra: z.array(z.string().max(9)).max(4) }).describe('only the pages use me');
export type Used = z.infer<typeof UsedSchema>;
export function isKind(value: string): boolean {
  return (KINDS as readonly string[]).includes(value);
}
`;

describe('markContractsPure', () => {
  it('marks each top-level const that calls something pure, where it was, and leaves the rest as written', () => {
    const out = markContractsPure(CONTRACT, 'lib/contracts/sample.ts');
    expect(out).toContain('const Name = /* @__PURE__ */ (() => (z.string().max(LIMIT)))();');
    expect(out).toContain('export const UsedSchema = /* @__PURE__ */ (() => (z.object({ name: Name, kind: z.enum(KINDS) })))();');
    expect(out).toContain("export const UnusedSchema = /* @__PURE__ */ (() => (UsedSchema.extend(");
    expect(out).toContain('export const LIMIT = 40;');
    expect(out).toContain("export const KINDS = ['a', 'b'] as const;");
    expect(out).toContain('export function isKind(value: string): boolean {');
  });

  it('lets a bundle keep, and build at load, only the schemas it uses', async () => {
    const bundle = await rolldown({
      input: 'entry',
      external: ['zod'],
      plugins: [
        {
          name: 'sample',
          resolveId: (id) => (id === 'entry' || id === './sample' ? id : null),
          load: (id) =>
            id === 'entry'
              ? "import { UsedSchema } from './sample';\nconsole.log(UsedSchema.parse({ name: 'x', kind: 'a' }));"
              : id === './sample'
                ? { code: markContractsPure(CONTRACT, 'sample.ts'), moduleType: 'ts' }
                : null,
        },
      ],
    });
    const { output } = await bundle.generate({ format: 'esm' });
    await bundle.close();
    const code = output[0].code;
    expect(code).toContain('z.object({');
    expect(code).not.toContain('only the pages use me');
    expect(code).not.toContain('isKind');
  });

  it('refuses a module it cannot parse instead of passing it through', () => {
    expect(() => markContractsPure('export const A = z.object({', 'lib/contracts/broken.ts')).toThrow(/could not parse/);
  });

  it('lazy: puts each schema behind a stand-in built on first use, and leaves the other values as they were', () => {
    const out = markContractsPure(CONTRACT, 'lib/contracts/sample.ts', { lazy: true });
    expect(out).toMatch(/^import \{ lazySchema as __pulsoLazySchema \} from ".*lazy-schema\.ts";\n/);
    expect(out).toContain('const Name = /* @__PURE__ */ __pulsoLazySchema(() => (z.string().max(LIMIT)));');
    expect(out).toContain('export const UsedSchema = /* @__PURE__ */ __pulsoLazySchema(() => (z.object({ name: Name, kind: z.enum(KINDS) })));');
    expect(out).toContain('export const UnusedSchema = /* @__PURE__ */ __pulsoLazySchema(() => (UsedSchema.extend(');
    expect(out).toContain("export const KINDS = ['a', 'b'] as const;");
    const values = markContractsPure("import { z } from 'zod';\nexport const CODES = Object.keys({ a: 1 });\nexport const PackSchema = plain(4);\n", 'values.ts', { lazy: true });
    expect(values).toContain('export const CODES = /* @__PURE__ */ (() => (Object.keys({ a: 1 })))();');
    expect(values).toContain('export const PackSchema = /* @__PURE__ */ __pulsoLazySchema(() => (plain(4)));');
  });

  it('lazy: the module builds no schema as it is evaluated, and each one the first time it is used', async () => {
    const dir = mkdtempSync(join(import.meta.dirname, '.lazy-sample-'));
    try {
      const sample = `import { z } from 'zod';
export const built: string[] = [];
const track = <T>(name: string, schema: T): T => (built.push(name), schema);
export const LIMIT = 4;
const name = z.string().max(track('name', LIMIT));
export const UsedSchema = track('Used', z.object({ name }));
export const OtherSchema = track('Other', UsedSchema.extend({ more: z.number() }));
`;
      writeFileSync(join(dir, 'sample.ts'), markContractsPure(sample, 'sample.ts', { lazy: true }));
      const mod = (await import(join(dir, 'sample.ts'))) as { built: string[]; UsedSchema: z.ZodType; LIMIT: number };
      expect(mod.LIMIT).toBe(4);
      expect(mod.built).toEqual([]);
      expect(mod.UsedSchema.parse({ name: 'Ana' })).toEqual({ name: 'Ana' });
      expect(mod.UsedSchema.safeParse({ name: 'Anastasia' }).success).toBe(false);
      expect(mod.built).toEqual(['Used', 'name']); // an object reads its fields' schemas when it first parses
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lazy: in lib/contracts, every exported zod schema is built on first use, and nothing else is put behind a stand-in', async () => {
    const dir = resolve(import.meta.dirname, '../../lib/contracts');
    const files = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const out = markContractsPure(readFileSync(join(dir, file), 'utf8'), file, { lazy: true });
      const lazy = [...out.matchAll(/^export const (\w+) = \/\* @__PURE__ \*\/ __pulsoLazySchema\(/gm)].map((match) => match[1]!);
      const real = (await import(join(dir, file))) as Record<string, unknown>;
      // What the module itself declares (not what it re-exports), less aliases of another module's
      // schema (`PublishProfileMessageSchema = PublishProfileRequestSchema`): those are a stand-in already.
      const declared = [...out.matchAll(/^export const (\w+)\b(?! = \w+;$)/gm)].map((match) => match[1]!);
      const schemas = declared.filter((name) => real[name] instanceof z.ZodType);
      expect(lazy.sort(), file).toEqual(schemas.sort());
    }
  });
});
