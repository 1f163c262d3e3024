import type { CompanyProfile } from '../../contracts';
import { normalize, normalizePair } from '../../text/normalize';
import { compileAny, compileAnyGlobal } from '../../text/patterns';
import { locateCountries } from '../lead/audience';
import { compileConcepts, compileFiller, labelKeys, type Keys } from '../lead/concepts';
import { INDUSTRY_CONCEPTS, REGIONS, SERVICE_CONCEPTS, SERVICE_FILLER, SIZE_WORDS, WORLDWIDE } from '../lead/lexicon';
import { readScope, type ScopeMention, type ScopeUnit } from '../lead/scope';

/**
 * The company profile, understood once per version (issue 14, item 1): every rule reads this
 * instead of the raw text. Services are split into their name (the text before ":" or "—") and
 * the key terms of their description; industries, sizes and places come from the structured
 * fields, or from the target-audience prose when those are empty.
 */
export const SERVICE_MATCHER = compileConcepts(SERVICE_CONCEPTS);
export const INDUSTRY_MATCHER = compileConcepts(INDUSTRY_CONCEPTS);
const FILLER = compileFiller(SERVICE_FILLER);

/** Description words that say nothing about what a service is ("soluciones para proteger la información empresarial"). */
const GENERIC = compileFiller([
  ...SERVICE_FILLER, 'empresa*', 'compan*', 'business*', 'negocio*', 'cliente*', 'customer*', 'client*', 'necesidad*', 'need*', 'especific*',
  'specific*', 'herramienta*', 'tool*', 'lider*', 'leading', 'organizacion*', 'organi?ation*', 'mejor*', 'improv*', 'better', 'ideal*', 'adaptad*',
  'tailor*', 'acreditad*', 'accredited', 'aliado*', 'partner*', 'orientacion', 'guidance', 'every', 'each', 'cada', 'todo*', 'all', 'your', 'their',
  'nuestro*', 'our', 'tipo*', 'type*', 'forma*', 'way*', 'contra', 'against', 'en', 'un', 'una', 'a', 'an', 'of', 'in', 'on', 'por', 'o', 'or', 'from',
  'desde', 'otro', 'another', 'other', 'instant', 'instantane*', 'real', 'tiempo', 'time', 'live', 'vivo', 'solo', 'single', 'one', 'sistema',
  'system*', 'soporte', 'support', 'apoyo', 'gestion', 'management', 'control', 'eficien*', 'efficien*', 'operativ*', 'operational',
  'fabricante*', 'manufacturer*', 'vendor*', 'actuando', 'acting', 'ofrec*', 'offer*', 'provid*', 'proporcion*', 'brind*',
]);
const DESCRIPTION_WEIGHT = 0.35;
const EXAMPLES_CUE = compileAny(['como', 'tales como', 'such as', 'including', 'incluyendo', 'por ejemplo', 'e.g.', 'like', 'especially', 'especialmente', 'sobre todo', 'principalmente', 'mainly', 'en particular', 'in particular', 'entre otros', 'among others', 'etc']);
const REGION_MATCHERS = REGIONS.map((r) => ({ countries: r.countries, regex: compileAny(r.terms) }));
const SIZE_MATCHERS = SIZE_WORDS.map((s) => ({ ...s, regex: compileAnyGlobal(s.terms) }));
const WORLDWIDE_RE = compileAny(WORLDWIDE);

export interface CompiledService {
  /** What the rep reads: the service's name ("Respaldo de datos"). */
  name: string;
  /** The profile's own string for it. */
  label: string;
  /** Keys of the name (full weight) and of the description's key terms (DESCRIPTION_WEIGHT each). */
  keys: Keys;
  /** Weight of the name's keys: a lead covering half of it matches. */
  nameWeight: number;
  /** The key terms understood, for the options page. */
  terms: string[];
}

export interface CompiledIndustry {
  name: string;
  keys: Keys;
}

export interface AudienceSize {
  unit: ScopeUnit;
  min: number;
  max: number;
}

export interface CompiledProfile {
  services: CompiledService[];
  industries: CompiledIndustry[];
  /** Where the industries came from: the structured list, the audience prose, or nowhere. */
  industriesFrom: 'field' | 'audience' | 'none';
  /** The audience names industries as examples ("such as", "sobre todo"), not as a closed list. */
  industriesAreExamples: boolean;
  sizes: AudienceSize[];
  /** Country codes served; empty = no place named. */
  countries: Set<string>;
  worldwide: boolean;
  /** How the audience's sizes and places read, for the rationale and the options page. */
  sizeLabel: string;
  placeLabel: string;
}

function splitService(raw: string): { name: string; description: string } {
  const text = raw.replace(/\s+/g, ' ').trim();
  const m = /^(.{2,90}?)\s*(?::|—|–|\s-\s)\s*(.+)$/.exec(text);
  if (m && m[1]!.split(' ').length <= 8) return { name: m[1]!.trim(), description: m[2]!.trim() };
  return { name: text, description: '' };
}

function serviceOf(label: string): CompiledService | undefined {
  const { name, description } = splitService(label);
  const nameKeys = labelKeys(name, SERVICE_MATCHER, FILLER);
  if (nameKeys.size === 0) return undefined;
  const keys: Keys = new Map(nameKeys);
  const nameWeight = [...nameKeys.values()].reduce((a, b) => a + b, 0);
  const terms: string[] = [...nameKeys.keys()];
  if (description) {
    const descKeys = labelKeys(normalize(description).replace(GENERIC, ' '), SERVICE_MATCHER);
    for (const [key] of descKeys) {
      if (keys.has(key) || (key.startsWith('s:') && key.length < 6)) continue;
      keys.set(key, DESCRIPTION_WEIGHT);
      terms.push(key);
    }
  }
  return { name, label, keys, nameWeight, terms: terms.map((k) => (k.startsWith('s:') ? `${k.slice(2)}…` : k)).slice(0, 12) };
}

function industriesFromText(text: string): CompiledIndustry[] {
  const { norm, display } = normalizePair(text);
  const found: CompiledIndustry[] = [];
  for (const concept of INDUSTRY_MATCHER.list) {
    concept.all.lastIndex = 0;
    const m = concept.all.exec(norm);
    if (!m) continue;
    const at = m.index ?? 0;
    found.push({ name: display.slice(at, at + m[0].length), keys: new Map([[concept.id, concept.weight]]) });
  }
  return found;
}

function mergeSizes(sizes: AudienceSize[]): AudienceSize[] {
  const out: AudienceSize[] = [];
  for (const s of [...sizes].sort((a, b) => a.unit.localeCompare(b.unit) || a.min - b.min)) {
    const last = out[out.length - 1];
    if (last && last.unit === s.unit && s.min <= last.max) last.max = Math.max(last.max, s.max);
    else out.push({ ...s });
  }
  return out;
}

const UNIT_LABEL: Record<ScopeUnit, string> = { employees: 'employees', vehicles: 'vehicles', sites: 'sites', users: 'users' };
/** "50–5000", "50+ vehicles": employees are the default unit and go unsaid in the rationale; `withUnits` names them too. */
export function sizeLabelOf(sizes: readonly AudienceSize[], withUnits = false): string {
  return sizes
    .map((s) => `${Number.isFinite(s.max) ? `${s.min}–${s.max}` : `${s.min}+`}${s.unit === 'employees' && !withUnits ? '' : ` ${UNIT_LABEL[s.unit]}`}`)
    .join(', ');
}

/** Sizes an audience names: explicit numbers with their unit first; size words ("medianas y grandes", "SMBs") when there are none. */
export function audienceSizes(norm: string): AudienceSize[] {
  const explicit: AudienceSize[] = readScope(norm).map((m: ScopeMention) => ({ unit: m.unit, min: m.min, max: m.max }));
  if (explicit.some((s) => s.unit === 'employees')) return mergeSizes(explicit);
  const words: AudienceSize[] = [];
  for (const s of SIZE_MATCHERS) {
    s.regex.lastIndex = 0;
    if (s.regex.test(norm)) words.push({ unit: 'employees', min: s.min, max: s.max });
  }
  return mergeSizes([...explicit, ...words]);
}

export function compileProfileUncached(profile: CompanyProfile): CompiledProfile {
  const services = (profile.services ?? [])
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 0)
    .map(serviceOf)
    .filter((s): s is CompiledService => !!s);
  const audience = profile.targetAudience ?? '';
  const audienceNorm = normalize(audience);
  let industries = (profile.targetIndustries ?? [])
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 0)
    .map((name) => ({ name, keys: labelKeys(name, INDUSTRY_MATCHER) }))
    .filter((s) => s.keys.size > 0);
  let industriesFrom: CompiledProfile['industriesFrom'] = industries.length ? 'field' : 'none';
  if (!industries.length) {
    industries = industriesFromText(audience);
    if (industries.length) industriesFrom = 'audience';
  }
  const sizes = audienceSizes(audienceNorm);
  const countries = locateCountries(audienceNorm);
  const regions: string[] = [];
  for (const region of REGION_MATCHERS) {
    const m = region.regex.exec(audienceNorm);
    if (!m) continue;
    regions.push(m[0]);
    for (const c of region.countries) countries.add(c);
  }
  const worldwide = WORLDWIDE_RE.test(audienceNorm);
  return {
    services,
    industries,
    industriesFrom,
    industriesAreExamples: industriesFrom === 'audience' && EXAMPLES_CUE.test(audienceNorm),
    sizes,
    countries,
    worldwide,
    sizeLabel: sizeLabelOf(sizes),
    placeLabel: worldwide ? 'worldwide' : [...countries].join(', '),
  };
}

const byObject = new WeakMap<CompanyProfile, CompiledProfile>();
const byContent = new Map<string, CompiledProfile>();
const CONTENT_CACHE_MAX = 32;

/**
 * The compiled profile, computed once per profile version: the same object hits a WeakMap;
 * a new object with the same services and audience (every backend request parses its own)
 * hits a small content cache.
 */
export function compileProfile(profile: CompanyProfile): CompiledProfile {
  const cached = byObject.get(profile);
  if (cached) return cached;
  const key = `${(profile.services ?? []).join('\n')}\u0000${(profile.targetIndustries ?? []).join('\n')}\u0000${profile.targetAudience ?? ''}`;
  let compiled = byContent.get(key);
  if (!compiled) {
    compiled = compileProfileUncached(profile);
    if (byContent.size >= CONTENT_CACHE_MAX) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, compiled);
  }
  byObject.set(profile, compiled);
  return compiled;
}

/** What the rules understood of a profile, for the options page ("what was understood"). */
export interface ProfileUnderstanding {
  services: Array<{ name: string; terms: string[] }>;
  industries: string[];
  industriesFrom: CompiledProfile['industriesFrom'];
  industriesAreExamples: boolean;
  sizes: string;
  places: string;
}

export function describeProfile(profile: CompanyProfile): ProfileUnderstanding {
  const c = compileProfile(profile);
  return {
    services: c.services.map((s) => ({ name: s.name, terms: s.terms })),
    industries: c.industries.map((i) => i.name),
    industriesFrom: c.industriesFrom,
    industriesAreExamples: c.industriesAreExamples,
    sizes: sizeLabelOf(c.sizes, true),
    places: c.placeLabel,
  };
}
