import { LRUCache } from 'lru-cache';
import { profileVersion } from '../lib/cache-key';
import type { CompanyProfile } from '../lib/contracts';
import type { ResolvedProfile } from './gateway/gateway';

/**
 * Where the team's profile lives: the store (backend/store/profile-source.ts), the database
 * every replica shares. Async: each request asks which version is current.
 */
export interface CurrentProfile extends ResolvedProfile {
  /** When an admin published it; null for the configured one (PULSO_PROFILE or the demo). */
  updatedAt: string | null;
  source: 'published' | 'configured';
}

export interface ProfileSource {
  /** The profile a request that names none uses: the published one, else the configured one. */
  current(): Promise<CurrentProfile>;
  /** A profile this source knows by version (the current one, and any the store keeps), else undefined. */
  byVersion(version: string): Promise<CompanyProfile | undefined>;
  /** PUT /v1/profile; `publishedBy` is the requester's token fingerprint, never the token. */
  publish(profile: CompanyProfile, by?: { publishedBy: string }): Promise<CurrentProfile>;
}

/** How a request names its profile (lib/contracts ProfileRefSchema). */
export interface ProfileRef {
  profile?: CompanyProfile;
  profileVersion?: string;
}

export interface ProfileResolver {
  /** The profile a request means, or undefined when it names a version nobody here knows (→ 409). */
  resolve(ref: ProfileRef): Promise<ResolvedProfile | undefined>;
  readonly source: ProfileSource;
}

/**
 * Resolves a request's profile: the one it carries (remembered, so the next request can name it
 * by version), the one it names by version (remembered here or known to the source), or the
 * current one. The remembered profiles are a bounded LRU (count and bytes) per replica; a
 * replica that has not seen a version answers 409 and the client sends the profile once more.
 */
export function createProfileResolver(source: ProfileSource, limits: { maxProfiles?: number; maxBytes?: number } = {}): ProfileResolver {
  const recent = new LRUCache<string, CompanyProfile>({
    max: limits.maxProfiles ?? 64,
    maxSize: limits.maxBytes ?? 32 * 1024 * 1024,
    // What the profile costs to hold, roughly its JSON size; computed once, when it is remembered.
    sizeCalculation: (profile) => Math.max(1, JSON.stringify(profile).length),
  });
  return {
    source,
    async resolve({ profile, profileVersion: named }) {
      if (profile) {
        const version = await profileVersion(profile);
        if (!recent.has(version)) recent.set(version, profile);
        return { profile, version };
      }
      if (named) {
        const known = recent.get(named) ?? (await source.byVersion(named));
        return known ? { profile: known, version: named } : undefined;
      }
      const { profile: current, version } = await source.current();
      return { profile: current, version };
    },
  };
}
