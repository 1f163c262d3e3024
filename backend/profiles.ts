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
  /**
   * The source as the profile routes use it: `current()` reads the store (GET /v1/profile says
   * what is current now), `publish()` makes the new profile current for this replica's requests at once.
   */
  readonly source: ProfileSource;
}

/**
 * How long a replica answers the requests that name no profile with the current profile it last
 * read. Without it every such request asked the store "which version is current" (a query per
 * classify: more CPU than the rules engine itself in the embedded database). A publish through
 * this replica is seen at once; one through another replica on the same PostgreSQL within this
 * long. A short re-read rather than LISTEN/NOTIFY: it needs no dedicated connection per replica
 * (which a transaction-pooling proxy such as PgBouncer would not keep), no reconnect-and-resubscribe
 * logic, and it bounds the staleness even when a notification is lost; it costs one indexed query
 * per second per replica. Clients that must not see the old profile for that second name the
 * version (profileVersion), which never goes stale.
 */
export const CURRENT_PROFILE_MAX_AGE_MS = 1_000;

export interface ProfileResolverOptions {
  /** Remembered profiles (sent inline, or found by version): at most this many … */
  maxProfiles?: number;
  /** … and this many bytes of JSON. */
  maxBytes?: number;
  /** CURRENT_PROFILE_MAX_AGE_MS unless told (tests). */
  currentMaxAgeMs?: number;
  now?: () => number;
}

/**
 * Resolves a request's profile: the one it carries (remembered, so the next request can name it
 * by version), the one it names by version (remembered here, or found in the source once and
 * remembered: a version's content never changes), or the current one (re-read at most every
 * currentMaxAgeMs). The remembered profiles are a bounded LRU (count and bytes) per replica; a
 * replica that has not seen a version answers 409 and the client sends the profile once more.
 */
export function createProfileResolver(source: ProfileSource, options: ProfileResolverOptions = {}): ProfileResolver {
  const recent = new LRUCache<string, CompanyProfile>({
    max: options.maxProfiles ?? 64,
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    // What the profile costs to hold, roughly its JSON size; computed once, when it is remembered.
    sizeCalculation: (profile) => Math.max(1, JSON.stringify(profile).length),
  });
  const current = currentProfileMemo(source, options.currentMaxAgeMs ?? CURRENT_PROFILE_MAX_AGE_MS, options.now ?? Date.now);
  const remember = (version: string, profile: CompanyProfile) => {
    if (!recent.has(version)) recent.set(version, profile);
  };
  return {
    source: {
      current: current.fresh,
      byVersion: (version) => source.byVersion(version),
      async publish(profile, by) {
        const published = await source.publish(profile, by);
        current.set(published);
        return published;
      },
    },
    async resolve({ profile, profileVersion: named }) {
      if (profile) {
        const version = await profileVersion(profile);
        remember(version, profile);
        return { profile, version };
      }
      if (named) {
        let known = recent.get(named);
        if (!known) {
          known = await source.byVersion(named);
          if (known) remember(named, known);
        }
        return known ? { profile: known, version: named } : undefined;
      }
      const { profile: currentProfile, version } = await current.get();
      // Clients learn the current version (GET /v1/profile, or an answer) and name it next time.
      remember(version, currentProfile);
      return { profile: currentProfile, version };
    },
  };
}

/**
 * The source's current profile, read at most once per maxAgeMs (concurrent requests share one
 * read). A publish here replaces it at once; a read that started before that publish does not
 * put the older profile back.
 */
function currentProfileMemo(source: ProfileSource, maxAgeMs: number, now: () => number) {
  let known: { value: CurrentProfile; at: number } | undefined;
  let reading: Promise<CurrentProfile> | undefined;
  let generation = 0;

  function fresh(): Promise<CurrentProfile> {
    const started = generation;
    const at = now();
    return source.current().then((value) => {
      if (generation === started) known = { value, at };
      return value;
    });
  }
  return {
    fresh,
    get(): Promise<CurrentProfile> {
      if (known && now() - known.at < maxAgeMs) return Promise.resolve(known.value);
      reading ??= fresh().finally(() => {
        reading = undefined;
      });
      return reading;
    },
    set(value: CurrentProfile) {
      generation++;
      known = { value, at: now() };
    },
  };
}
