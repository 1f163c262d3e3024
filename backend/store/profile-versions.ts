import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { profileVersion } from '../../lib/cache-key';
import { CompanyProfileSchema, type CompanyProfile } from '../../lib/contracts';
import type { AuditLog } from './audit-log';
import type { Tables } from './tables';
import { isoTime, jsonText, parseRow } from './rows';

/** A published team profile: its version (`profileVersion()`), who published it and when. */
export interface PublishedProfile {
  version: string;
  profile: CompanyProfile;
  publishedAt: string;
  /** A token fingerprint (token-fingerprint.ts), never the token. */
  publishedBy: string;
}

export type ProfilePublication = Omit<PublishedProfile, 'profile'>;

const PublicationRowSchema = z.object({ version: z.string().min(1), published_at: isoTime, published_by: z.string() });

/**
 * Profile versions. Every publication is kept (history: who, when); the current profile is
 * the latest publication, so every replica on one database serves the same one. Documents
 * are immutable per version, so parsed ones are cached by version: a request costs one small
 * query for "which version is current", not 80 KB of JSON.
 */
export class ProfileVersions {
  private readonly documents = new LRUCache<string, CompanyProfile>({ max: 32 });

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly audit: AuditLog,
  ) {}

  async publish(profile: CompanyProfile, { publishedBy, publishedAt }: { publishedBy: string; publishedAt?: string }): Promise<PublishedProfile> {
    const parsed = CompanyProfileSchema.parse(profile);
    const version = await profileVersion(parsed);
    const row = await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('profiles')
        .values({ version, document: jsonText(parsed), ...(publishedAt ? { first_published_at: publishedAt } : {}) })
        .onConflict((oc) => oc.column('version').doNothing())
        .execute();
      const inserted = await trx
        .insertInto('profile_publications')
        .values({ version, published_by: publishedBy, ...(publishedAt ? { published_at: publishedAt } : {}) })
        .returning(['version', 'published_at', 'published_by'])
        .executeTakeFirstOrThrow();
      await this.audit.record({ actor: publishedBy, action: 'profile.publish', detail: { version, name: parsed.name } }, trx);
      return inserted;
    });
    this.documents.set(version, parsed);
    return { ...this.publication(row), profile: parsed };
  }

  /** The latest publication, or undefined when no profile was ever published. */
  async current(): Promise<PublishedProfile | undefined> {
    const row = await this.db
      .selectFrom('profile_publications')
      .select(['version', 'published_at', 'published_by'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? this.withDocument(this.publication(row)) : undefined;
  }

  /** A version this store has held (the `profileVersion` protocol); its latest publication. */
  async byVersion(version: string): Promise<PublishedProfile | undefined> {
    const row = await this.db
      .selectFrom('profile_publications')
      .select(['version', 'published_at', 'published_by'])
      .where('version', '=', version)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? this.withDocument(this.publication(row)) : undefined;
  }

  /** Publications, newest first. */
  async history({ limit = 50 }: { limit?: number } = {}): Promise<ProfilePublication[]> {
    const rows = await this.db
      .selectFrom('profile_publications')
      .select(['version', 'published_at', 'published_by'])
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(limit, 1), 1_000))
      .execute();
    return rows.map((row) => this.publication(row));
  }

  private publication(row: unknown): ProfilePublication {
    const r = parseRow(PublicationRowSchema, row, 'profile publication');
    return { version: r.version, publishedAt: r.published_at, publishedBy: r.published_by };
  }

  private async withDocument(publication: ProfilePublication): Promise<PublishedProfile> {
    let profile = this.documents.get(publication.version);
    if (!profile) {
      const row = await this.db.selectFrom('profiles').select('document').where('version', '=', publication.version).executeTakeFirstOrThrow();
      profile = parseRow(CompanyProfileSchema, row.document, `profile ${publication.version}`);
      this.documents.set(publication.version, profile);
    }
    return { ...publication, profile };
  }
}
