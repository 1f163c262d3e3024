import type { CompanyProfile, Lead } from './contracts';
import { stableHash } from './stable-hash';

/** Whitespace and empty fields do not change a classification, so they must not change the key. */
export function normalizeLeadForKey(lead: Lead): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [field, value] of Object.entries(lead)) {
    if (typeof value === 'number') out[field] = value;
    else if (typeof value === 'string' && value.trim()) out[field] = value.trim().replace(/\s+/g, ' ');
  }
  return out;
}

// Parsed profiles are never mutated, so one hash per profile object: a 50-row list would
// otherwise serialise and hash the whole profile 50 times.
const versions = new WeakMap<CompanyProfile, Promise<string>>();

export function profileVersion(profile: CompanyProfile): Promise<string> {
  let version = versions.get(profile);
  if (!version) {
    version = stableHash(profile).then((hash) => hash.slice(0, 16));
    versions.set(profile, version);
  }
  return version;
}

/**
 * One key for the extension's cache and the backend's: a hash of the lead's fields,
 * the profile version and the engine (model + prompt + rules versions), so a new
 * profile or model never serves a stale result.
 */
export async function leadCacheKey(lead: Lead, profile: CompanyProfile, engine: string): Promise<string> {
  return leadCacheKeyForVersion(lead, await profileVersion(profile), engine);
}

/** What a lead's cache key is the hash of (stableHash, or the backend's synchronous equivalent). */
export function leadKeyMaterial(lead: Lead, version: string, engine: string): object {
  return { lead: normalizeLeadForKey(lead), profile: version, engine };
}

/** leadCacheKey when the caller already knows the profile's version (the backend resolves it once per request). */
export function leadCacheKeyForVersion(lead: Lead, version: string, engine: string): Promise<string> {
  return stableHash(leadKeyMaterial(lead, version, engine));
}
