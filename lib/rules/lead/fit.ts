import type { CompanyProfile, Lead } from '../../contracts';
import { normalize } from '../../text/normalize';
import { locateCountries, phoneCountry } from './audience';
import { coverage, textKeys } from './concepts';
import { INDUSTRY_MATCHER, SERVICE_MATCHER, profileMatchers } from './profile-matchers';
import { parseCompanySize } from './quantities';
import { clampScore, type Contribution, type ScoreResult } from './types';

export type FitGrade = 'A' | 'B' | 'C' | 'D';

export interface FitResult extends ScoreResult {
  grade: FitGrade;
  /** Exact strings from profile.services, best match first. */
  matchedServices: string[];
  matchedIndustry: string | null;
}

/** Source: the brief, rule 3 — grade A ≥ 75, B ≥ 55, C ≥ 35, D below. */
export function fitGrade(score: number): FitGrade {
  return score >= 75 ? 'A' : score >= 55 ? 'B' : score >= 35 ? 'C' : 'D';
}

// Weights of the four parts of fit (sum 100): industry and service say most about the ICP.
const INDUSTRY_MAX = 35;
const SERVICE_MAX = 35;
const SIZE_MAX = 15;
const LOCATION_MAX = 15;
/** v2: a lead outside the audience's sizes or countries loses points (was 0). */
const OFF_AUDIENCE = -10;
/** v2: the highest fit (top of grade C) of a lead whose stated industry is not a target one. */
const OFF_INDUSTRY_CAP = 54;
/** A service matches when the lead covers at least half of what its name says. */
const SERVICE_MATCH_SHARE = 0.5;

/** Fit 0–100 of a lead against the company profile (rule 3): industry, need vs services, size, location. */
export function scoreFit(lead: Lead, profile: CompanyProfile): FitResult {
  const matchers = profileMatchers(profile);
  const contributions: Contribution[] = [];

  // Industry: the lead's industry field, else what the company name and description suggest (discounted).
  let matchedIndustry: string | null = null;
  const industryText = normalize(lead.industry);
  if (matchers.industries.length === 0) {
    contributions.push({ key: 'industry_any', detail: '', points: 20 });
  } else {
    const fromField = industryText ? textKeys(industryText, INDUSTRY_MATCHER) : null;
    const inferredText = normalize(`${lead.company ?? ''} . ${(lead.description ?? '').slice(0, 2_000)}`);
    const inferred = textKeys(inferredText, INDUSTRY_MATCHER);
    let best = 0;
    for (const target of matchers.industries) {
      const direct = fromField ? coverage(target.keys, fromField).share : 0;
      const guessed = 0.8 * coverage(target.keys, inferred).share;
      const share = Math.max(direct, guessed);
      if (share > best) {
        best = share;
        matchedIndustry = target.name;
      }
    }
    if (best > 0) contributions.push({ key: 'industry', detail: matchedIndustry ?? '', points: Math.round(INDUSTRY_MAX * best) });
    else if (industryText) contributions.push({ key: 'industry_off', detail: lead.industry ?? '', points: 0 });
    else contributions.push({ key: 'industry_unknown', detail: '', points: 10 });
  }

  // Need vs services.
  const matchedServices: string[] = [];
  const need = normalize(lead.description);
  if (matchers.services.length === 0) {
    contributions.push({ key: 'service_any', detail: '', points: 15 });
  } else if (need.length < 3) {
    contributions.push({ key: 'service_unknown', detail: '', points: 8 });
  } else {
    const leadKeys = textKeys(need, SERVICE_MATCHER);
    const scored = matchers.services
      .map((s) => ({ name: s.name, share: coverage(s.keys, leadKeys).share }))
      .filter((s) => s.share >= SERVICE_MATCH_SHARE)
      .sort((a, b) => b.share - a.share);
    for (const s of scored) matchedServices.push(s.name);
    const first = scored[0];
    if (first) {
      const points = Math.min(SERVICE_MAX, Math.round(30 * first.share) + 5 * (scored.length - 1));
      contributions.push({ key: 'service', detail: matchedServices.slice(0, 3).join("', '"), points });
    } else {
      contributions.push({ key: 'service_off', detail: '', points: 0 });
    }
  }

  // Company size vs the audience's ranges.
  const { sizes, countries, worldwide, sizeLabel } = matchers.audience;
  const size = parseCompanySize(lead.companySize);
  if (sizes.length === 0) contributions.push({ key: 'size_any', detail: '', points: 10 });
  else if (size === null) contributions.push({ key: 'size_unknown', detail: sizeLabel, points: 6 });
  else if (sizes.some((r) => size >= r.min && size <= r.max)) contributions.push({ key: 'size_in', detail: `${size} ∈ ${sizeLabel}`, points: SIZE_MAX });
  else if (sizes.some((r) => size >= r.min / 2 && size <= r.max * 2)) contributions.push({ key: 'size_near', detail: `${size} ~ ${sizeLabel}`, points: 7 });
  // v2: outside the audience is a reason against, not just no reason for (−10).
  else contributions.push({ key: 'size_off', detail: `${size} ∉ ${sizeLabel}`, points: OFF_AUDIENCE });

  // Location vs the audience's countries (the phone's country code when no location).
  const located = locateCountries(normalize(lead.location));
  if (located.size === 0) {
    const byPhone = phoneCountry(lead.phone);
    if (byPhone) located.add(byPhone);
  }
  if (countries.size === 0 || worldwide) contributions.push({ key: 'location_any', detail: '', points: 10 });
  else if (located.size === 0) contributions.push({ key: 'location_unknown', detail: '', points: 6 });
  else if ([...located].some((c) => countries.has(c))) contributions.push({ key: 'location_in', detail: lead.location || [...located].join(', '), points: LOCATION_MAX });
  else contributions.push({ key: 'location_off', detail: lead.location || [...located].join(', '), points: OFF_AUDIENCE });

  let score = clampScore(contributions.reduce((sum, c) => sum + c.points, 0));
  // v2: a stated industry the profile does not target caps fit at C ("acceptable"): the source's
  // SQL and MQL need a good fit, and the ICP names its industries.
  if (contributions.some((c) => c.key === 'industry_off') && score > OFF_INDUSTRY_CAP) {
    contributions.push({ key: 'industry_off_cap', detail: String(OFF_INDUSTRY_CAP), points: OFF_INDUSTRY_CAP - score });
    score = OFF_INDUSTRY_CAP;
  }
  return { score, grade: fitGrade(score), contributions, matchedServices, matchedIndustry };
}
