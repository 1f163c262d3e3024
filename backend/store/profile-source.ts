import { profileVersion } from '../../lib/cache-key';
import type { CompanyProfile } from '../../lib/contracts';
import type { Store } from './store';

/** The team's profile as the routes see it (the shape of backend/profiles.ts's CurrentProfile). */
export interface StoredCurrentProfile {
  profile: CompanyProfile;
  version: string;
  /** When an admin published it; null for the configured one (PULSO_PROFILE or the demo). */
  updatedAt: string | null;
  source: 'published' | 'configured';
}

/**
 * The server's profile source backed by the store: the latest published profile (every
 * replica on one database serves the same one), else the configured one; any version the
 * store ever held is found by `byVersion` (the `profileVersion` protocol).
 */
export function storeProfileSource(store: Pick<Store, 'profiles'>, configured: CompanyProfile) {
  async function current(): Promise<StoredCurrentProfile> {
    const published = await store.profiles.current();
    if (published) return { profile: published.profile, version: published.version, updatedAt: published.publishedAt, source: 'published' };
    return { profile: configured, version: await profileVersion(configured), updatedAt: null, source: 'configured' };
  }
  return {
    current,
    async byVersion(version: string): Promise<CompanyProfile | undefined> {
      const stored = await store.profiles.byVersion(version);
      if (stored) return stored.profile;
      return (await profileVersion(configured)) === version ? configured : undefined;
    },
    /** PUT /v1/profile; `publishedBy` is the requester's token fingerprint (`requesterFingerprint`). */
    async publish(profile: CompanyProfile, { publishedBy }: { publishedBy: string } = { publishedBy: 'anonymous' }): Promise<StoredCurrentProfile> {
      const published = await store.profiles.publish(profile, { publishedBy });
      return { profile: published.profile, version: published.version, updatedAt: published.publishedAt, source: 'published' };
    },
  };
}
