import type { CompanyProfile } from '../../contracts';
import { parseAudience, type Audience } from './audience';
import { compileConcepts, compileFiller, labelKeys, type Keys } from './concepts';
import { INDUSTRY_CONCEPTS, SERVICE_CONCEPTS, SERVICE_FILLER } from './lexicon';

export const SERVICE_MATCHER = compileConcepts(SERVICE_CONCEPTS);
export const INDUSTRY_MATCHER = compileConcepts(INDUSTRY_CONCEPTS);
const FILLER = compileFiller(SERVICE_FILLER);

/** Everything the rules derive from one profile, computed once per profile object. */
export interface ProfileMatchers {
  services: ReadonlyArray<{ name: string; keys: Keys }>;
  industries: ReadonlyArray<{ name: string; keys: Keys }>;
  audience: Audience;
}

const cache = new WeakMap<CompanyProfile, ProfileMatchers>();

export function profileMatchers(profile: CompanyProfile): ProfileMatchers {
  const cached = cache.get(profile);
  if (cached) return cached;
  const services = (profile.services ?? [])
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 0)
    .map((name) => ({ name, keys: labelKeys(name, SERVICE_MATCHER, FILLER) }))
    .filter((s) => s.keys.size > 0);
  const industries = (profile.targetIndustries ?? [])
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 0)
    .map((name) => ({ name, keys: labelKeys(name, INDUSTRY_MATCHER) }))
    .filter((s) => s.keys.size > 0);
  const matchers: ProfileMatchers = { services, industries, audience: parseAudience(profile.targetAudience ?? '') };
  cache.set(profile, matchers);
  return matchers;
}

/** The keys of any product or service label (a catalog item's name), as profile services are keyed. */
export function serviceLabelKeys(label: string): Keys {
  return labelKeys(label, SERVICE_MATCHER, FILLER);
}
