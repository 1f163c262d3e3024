import type { Kysely } from 'kysely';
import { z } from 'zod';
import { maskContactsInText, maskEmail, maskPhone } from '../../lib/privacy/mask';
import type { Tables } from './tables';
import { isoTime, jsonText, parseRow, rowId } from './rows';

/** One audited change: who (a token fingerprint), what, and a detail with contacts masked. */
export const AuditEntrySchema = z.object({
  id: rowId,
  at: isoTime,
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.output<typeof AuditEntrySchema>;

export interface AuditInput {
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
}

/** Emails and phones never reach the audit log: by key (email, phone) and inside any text. */
export function maskForAudit(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (/email/i.test(key)) return maskEmail(value);
    if (/phone/i.test(key)) return maskPhone(value);
    return maskContactsInText(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskForAudit(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskForAudit(v, k)]));
  }
  return value;
}

/**
 * The optional audit log (PULSO_AUDIT_LOG=on; off by default). When off, `record` writes
 * nothing. Store writes that change team state (publishing a profile or a selector pack,
 * saving a campaign) record themselves in the same transaction.
 */
export class AuditLog {
  constructor(
    private readonly db: Kysely<Tables>,
    readonly enabled: boolean,
  ) {}

  async record(entry: AuditInput, db: Kysely<Tables> = this.db): Promise<void> {
    if (!this.enabled) return;
    await db
      .insertInto('audit_log')
      .values({ actor: entry.actor, action: entry.action, detail: jsonText(maskForAudit(entry.detail ?? {})) })
      .execute();
  }

  /** Newest first. */
  async list({ limit = 100 }: { limit?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(Math.min(Math.max(limit, 1), 1_000)).execute();
    return rows.map((row) => parseRow(AuditEntrySchema, row, 'audit entry'));
  }
}
