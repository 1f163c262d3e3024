import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isLazySchema, lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on its first read, once, and not before', () => {
    let builds = 0;
    const Name = lazySchema(() => {
      builds++;
      return z.string().max(5);
    });
    expect(isLazySchema(Name)).toBe(true);
    expect(builds).toBe(0);
    expect(Name.parse('Ana')).toBe('Ana');
    expect(Name.safeParse('Anastasia').success).toBe(false);
    expect(builds).toBe(1);
  });

  it('behaves as the schema it stands for: instanceof, nested in others, composed, detached methods', () => {
    const Fields = lazySchema(() => z.object({ name: z.string().max(20).optional(), email: z.string().max(50).optional() }));
    const Lead = lazySchema(() => Fields.refine((lead) => Boolean(lead.name || lead.email), { message: 'a name or an email', path: ['name'] }));
    const Batch = lazySchema(() => z.object({ items: z.array(z.object({ id: z.string(), lead: Lead })).max(2) }));
    expect(Lead instanceof z.ZodType).toBe(true);
    expect(Object.keys(Fields.shape)).toEqual(['name', 'email']);
    expect(Batch.parse({ items: [{ id: '1', lead: { name: 'Ana', extra: 1 } }] })).toEqual({ items: [{ id: '1', lead: { name: 'Ana' } }] });
    const refused = Batch.safeParse({ items: [{ id: '1', lead: {} }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ message: 'a name or an email', path: ['items', 0, 'lead', 'name'] });
    expect(Fields.extend({ phone: z.string() }).omit({ email: true }).parse({ name: 'x', phone: '1', email: 'y' })).toEqual({ name: 'x', phone: '1' });
    const { safeParse } = Lead;
    expect(safeParse({ email: 'a@b.c' }).success).toBe(true);
    expect(z.union([Lead, z.null()]).parse(null)).toBeNull();
  });

  it('refuses, on first use, to stand for something that is not a zod schema', () => {
    const NotASchema = lazySchema(() => ['a', 'b'] as unknown as z.ZodString);
    expect(() => NotASchema.parse('a')).toThrow(/not a zod schema/);
  });
});
