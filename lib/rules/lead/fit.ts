import type { CompanyProfile, Lead } from '../../contracts';
import { normalize, normalizePair } from '../../text/normalize';
import { compileProfile, INDUSTRY_MATCHER, SERVICE_MATCHER, type CompiledProfile } from '../profile/compile';
import { locateCountries, phoneCountry } from './audience';
import { coverage, textKeys, type Keys } from './concepts';
import { EMAIL_TLDS } from './lexicon';
import { parseCompanySize } from './quantities';
import { readScope, type ScopeUnit } from './scope';
import { clampScore, type Contribution, type ScoreResult } from './types';

export type FitGrade = 'A' | 'B' | 'C' | 'D';

export interface FitResult extends ScoreResult {
  grade: FitGrade;
  /** Service names (the text before ":" or "—" in the profile), best match first. */
  matchedServices: string[];
  matchedIndustry: string | null;
  /** An explicit audience constraint is broken (a country not served, a size far outside the range): not the ICP. */
  outsideAudience: boolean;
  /** Which parts of fit rest on evidence from the lead (for the confidence and "limited evidence"). */
  known: { industry: boolean; need: boolean; size: boolean; location: boolean };
  /** The lead's size as read, per unit (for opportunity and priority). */
  scope: Partial<Record<ScopeUnit, number>>;
}

/** Source: the brief, rule 3 — grade A ≥ 75, B ≥ 55, C ≥ 35, D below. */
export function fitGrade(score: number): FitGrade {
  return score >= 75 ? 'A' : score >= 55 ? 'B' : score >= 35 ? 'C' : 'D';
}

// Weights of the four parts of fit (sum 100). Unknown parts get a neutral share, so a lead is
// not punished for what the record does not say; an explicit mismatch with the audience is.
const INDUSTRY_MAX = 30;
const SERVICE_MAX = 35;
const SIZE_MAX = 20;
const LOCATION_MAX = 15;
/** A service matches when the lead covers at least half of what its name says (description terms count a third each). */
const SERVICE_MATCH_SHARE = 0.5;
/** Fit of a lead outside an explicit audience: grade D, whatever else matches ("no es ICP"). */
const OUTSIDE_AUDIENCE_MAX = 25;

/** The lead's size per unit: the companySize field (employees) and what the description says ("180 trucks", "9 sedes"). */
export function leadScope(lead: Pick<Lead, 'companySize' | 'description'>): Partial<Record<ScopeUnit, number>> {
  const scope: Partial<Record<ScopeUnit, number>> = {};
  const employees = parseCompanySize(lead.companySize);
  if (employees !== null) scope.employees = employees;
  for (const m of readScope(normalize((lead.description ?? '').slice(0, 2_000)))) {
    if (scope[m.unit] !== undefined) continue;
    scope[m.unit] = Number.isFinite(m.max) ? m.max : m.min;
  }
  return scope;
}

/**
 * Countries a lead is in: the location field (explicit), else the phone's calling code, else a
 * corporate email's country domain (both inferred: they add points, they never disqualify).
 */
export function leadCountries(lead: Pick<Lead, 'location' | 'phone' | 'email'>): { countries: Set<string>; explicit: boolean } {
  const found = locateCountries(normalize(lead.location));
  if (found.size) return { countries: found, explicit: true };
  const byPhone = phoneCountry(lead.phone);
  if (byPhone) return { countries: new Set([byPhone]), explicit: false };
  const tld = /\.([a-z]{2,3})\s*$/.exec(normalize(lead.email))?.[1];
  const country = tld ? EMAIL_TLDS[tld] : undefined;
  return { countries: new Set(country ? [country] : []), explicit: false };
}

function industryPart(lead: Lead, c: CompiledProfile, out: Contribution[]): { name: string | null; known: boolean } {
  const field = normalize(lead.industry);
  if (c.industries.length === 0) {
    out.push({ key: 'industry_any', detail: '', points: 15 });
    return { name: null, known: !!field };
  }
  const fromField: Keys | null = field ? textKeys(field, INDUSTRY_MATCHER) : null;
  const inferred = textKeys(normalize(`${lead.company ?? ''} . ${(lead.description ?? '').slice(0, 2_000)}`), INDUSTRY_MATCHER);
  let best = 0;
  let name: string | null = null;
  for (const target of c.industries) {
    const direct = fromField ? coverage(target.keys, fromField).share : 0;
    const guessed = 0.8 * coverage(target.keys, inferred).share;
    const share = Math.max(direct, guessed);
    if (share > best) {
      best = share;
      name = target.name;
    }
  }
  const knownConcept = (keys: Keys | null) => !!keys && [...keys.keys()].some((k) => !k.startsWith('s:'));
  const known = !!field || knownConcept(inferred);
  if (best > 0) out.push({ key: 'industry', detail: name ?? '', points: Math.round(INDUSTRY_MAX * best) });
  else if (known && c.industriesAreExamples) out.push({ key: 'industry_other', detail: lead.industry ?? '', points: 8 });
  else if (known) out.push({ key: 'industry_off', detail: lead.industry ?? '', points: 0 });
  else out.push({ key: 'industry_unknown', detail: '', points: 12 });
  return { name, known };
}

function servicePart(lead: Lead, c: CompiledProfile, out: Contribution[]): { matched: string[]; known: boolean } {
  const matched: string[] = [];
  const { norm } = normalizePair((lead.description ?? '').slice(0, 2_000));
  if (c.services.length === 0) {
    out.push({ key: 'service_any', detail: '', points: 15 });
    return { matched, known: norm.length >= 3 };
  }
  if (norm.length < 3) {
    out.push({ key: 'service_unknown', detail: '', points: 8 });
    return { matched, known: false };
  }
  const leadKeys = textKeys(norm, SERVICE_MATCHER);
  const scored = c.services
    .map((s) => {
      let hit = 0;
      for (const [key, weight] of s.keys) if (leadKeys.has(key)) hit += weight;
      return { name: s.name, share: Math.min(1, hit / s.nameWeight) };
    })
    .filter((s) => s.share >= SERVICE_MATCH_SHARE)
    .sort((a, b) => b.share - a.share);
  for (const s of scored) if (!matched.includes(s.name)) matched.push(s.name);
  const first = scored[0];
  if (first) {
    out.push({ key: 'service', detail: matched.slice(0, 3).join("', '"), points: Math.min(SERVICE_MAX, Math.round(30 * first.share) + 5 * (scored.length - 1)) });
    return { matched, known: true };
  }
  // A text that names no need at all ("send the proposal by Friday, pricing for 40 users") leaves
  // the need unknown; one that names a need none of the services covers is off.
  const namesANeed = [...leadKeys.keys()].some((k) => !k.startsWith('s:'));
  if (namesANeed) out.push({ key: 'service_off', detail: '', points: 0 });
  else out.push({ key: 'service_unknown', detail: '', points: 12 });
  return { matched, known: namesANeed };
}

/** Fit 0–100 of a lead against the company profile (rule 3): industry, need vs services, size, location. */
export function scoreFit(lead: Lead, profile: CompanyProfile): FitResult {
  const c = compileProfile(profile);
  const contributions: Contribution[] = [];
  const industry = industryPart(lead, c, contributions);
  const service = servicePart(lead, c, contributions);
  let outside = false;

  // Size, in the audience's own unit (employees, vehicles, sites).
  const scope = leadScope(lead);
  const sizeKnown = Object.keys(scope).length > 0;
  if (c.sizes.length === 0) contributions.push({ key: 'size_any', detail: '', points: 12 });
  else {
    const comparable = c.sizes.filter((s) => scope[s.unit] !== undefined);
    if (comparable.length === 0) contributions.push({ key: 'size_unknown', detail: c.sizeLabel, points: 10 });
    else if (comparable.some((s) => scope[s.unit]! >= s.min && scope[s.unit]! <= s.max)) contributions.push({ key: 'size_in', detail: `${describeScope(scope)} ∈ ${c.sizeLabel}`, points: SIZE_MAX });
    else if (comparable.some((s) => scope[s.unit]! >= s.min / 2 && scope[s.unit]! <= s.max * 2)) contributions.push({ key: 'size_near', detail: `${describeScope(scope)} ~ ${c.sizeLabel}`, points: 6 });
    else {
      contributions.push({ key: 'size_off', detail: `${describeScope(scope)} ∉ ${c.sizeLabel}`, points: 0 });
      outside = true;
    }
  }

  // Place: the audience's countries.
  const { countries: located, explicit } = leadCountries(lead);
  if (c.countries.size === 0 || c.worldwide) contributions.push({ key: 'location_any', detail: '', points: 10 });
  else if (located.size === 0) contributions.push({ key: 'location_unknown', detail: '', points: 8 });
  else if ([...located].some((x) => c.countries.has(x))) contributions.push({ key: 'location_in', detail: lead.location || [...located].join(', '), points: explicit ? LOCATION_MAX : 12 });
  else if (!explicit) contributions.push({ key: 'location_unknown', detail: [...located].join(', '), points: 4 });
  else {
    // Only a location the record states rules a lead out; a phone prefix or a mail domain is a hint.
    contributions.push({ key: 'location_off', detail: lead.location || [...located].join(', '), points: 0 });
    outside = true;
  }

  let score = clampScore(contributions.reduce((sum, x) => sum + x.points, 0));
  if (outside && score > OUTSIDE_AUDIENCE_MAX) {
    contributions.push({ key: 'outside_audience', detail: '', points: OUTSIDE_AUDIENCE_MAX - score });
    score = OUTSIDE_AUDIENCE_MAX;
  }
  return {
    score,
    grade: fitGrade(score),
    contributions,
    matchedServices: service.matched,
    matchedIndustry: industry.name,
    outsideAudience: outside,
    known: { industry: industry.known, need: service.known, size: sizeKnown, location: explicit },
    scope,
  };
}

function describeScope(scope: Partial<Record<ScopeUnit, number>>): string {
  return Object.entries(scope)
    .map(([unit, n]) => (unit === 'employees' ? String(n) : `${n} ${unit}`))
    .join(', ');
}
