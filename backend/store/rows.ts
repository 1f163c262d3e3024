import { z } from 'zod';

/** Reading rows back: both engines agree on these after coercion (pg returns int8 as text). */
export const isoTime = z.coerce.date().transform((d) => d.toISOString());
export const rowId = z.coerce.number().int().nonnegative();

/** A stored row that does not match its schema is a fault, said with where it is. */
export class StoredDataError extends Error {
  override name = 'StoredDataError';
}

export function parseRow<T extends z.ZodType>(schema: T, row: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredDataError(`stored ${where} is not valid: ${issue?.path.join('.') || '(row)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** JSON text for a jsonb column (both engines parse a text parameter into jsonb the same way). */
export const jsonText = (value: unknown): string => JSON.stringify(value);
