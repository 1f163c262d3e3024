import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
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
});
