import type { Kysely } from 'kysely';
import { z } from 'zod';
import { stableStringify } from '../../lib/stable-hash';
import type { AuditLog } from './audit-log';
import type { Tables } from './tables';
import { isoTime, jsonText, parseRow } from './rows';

/**
 * A selector pack as stored: the signed JSON document, its version and signature. The pack's
 * own schema (and the signature check) belong to the scrapers (lib/contracts): callers pass
 * that schema to read, and the store validates the document with it. The document is kept
 * as jsonb, which does not keep key order: a signature must be over the canonical form
 * (`stableStringify` in lib/stable-hash.ts), never over the bytes as sent.
 */
const JsonDocumentSchema = z.record(z.string(), z.unknown());

export interface StoredSelectorPack<T = Record<string, unknown>> {
  version: string;
  signature: string;
  document: T;
  publishedAt: string;
  publishedBy: string;
}

const RowSchema = z.object({
  version: z.string().min(1).max(100),
  signature: z.string().min(1).max(10_000),
  document: JsonDocumentSchema,
  publishedAt: isoTime,
  publishedBy: z.string(),
});

export class SelectorPackVersionConflict extends Error {
  override name = 'SelectorPackVersionConflict';
}

const COLUMNS = ['version', 'signature', 'document', 'published_at as publishedAt', 'published_by as publishedBy'] as const;

export class SelectorPacks {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Stores a pack (the caller has checked its schema and signature). Publishing the same
   * version again with the same content is a no-op; with other content it is refused: a
   * version names one pack forever.
   */
  async publish(pack: { version: string; signature: string; document: unknown }, { publishedBy }: { publishedBy: string }): Promise<StoredSelectorPack> {
    const parsed = RowSchema.pick({ version: true, signature: true, document: true }).parse(pack);
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('selector_packs')
        .values({ version: parsed.version, signature: parsed.signature, document: jsonText(parsed.document), published_by: publishedBy })
        .onConflict((oc) => oc.column('version').doNothing())
        .returning(COLUMNS)
        .executeTakeFirst();
      if (inserted) {
        await this.audit.record({ actor: publishedBy, action: 'selectors.publish', detail: { version: parsed.version } }, trx);
        return parseRow(RowSchema, inserted, `selector pack ${parsed.version}`);
      }
      const existing = parseRow(RowSchema, await trx.selectFrom('selector_packs').select(COLUMNS).where('version', '=', parsed.version).executeTakeFirstOrThrow(), `selector pack ${parsed.version}`);
      if (existing.signature !== parsed.signature || stableStringify(existing.document) !== stableStringify(parsed.document)) {
        throw new SelectorPackVersionConflict(`selector pack version ${parsed.version} already exists with other content; publish it under a new version`);
      }
      return existing;
    });
  }

  /** The latest published pack, its document validated with `schema`. */
  async current<T>(schema: z.ZodType<T>): Promise<StoredSelectorPack<T> | undefined> {
    const row = await this.db.selectFrom('selector_packs').select(COLUMNS).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? this.read(row, schema) : undefined;
  }

  async byVersion<T>(version: string, schema: z.ZodType<T>): Promise<StoredSelectorPack<T> | undefined> {
    const row = await this.db.selectFrom('selector_packs').select(COLUMNS).where('version', '=', version).executeTakeFirst();
    return row ? this.read(row, schema) : undefined;
  }

  private read<T>(row: unknown, schema: z.ZodType<T>): StoredSelectorPack<T> {
    const pack = parseRow(RowSchema, row, 'selector pack');
    return { ...pack, document: parseRow(schema, pack.document, `selector pack ${pack.version} document`) };
  }
}
