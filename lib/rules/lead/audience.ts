import { normalize } from '../../text/normalize';
import { compileAny } from '../../text/patterns';
import { COUNTRIES, PHONE_PREFIXES, REGIONS, SIZE_WORDS, WORLDWIDE } from './lexicon';

/** What a profile's free-text targetAudience says about size and place (rule 3 of the brief). */
export interface Audience {
  /** Employee ranges; empty when the audience names no size. */
  sizes: Array<{ min: number; max: number }>;
  /** Country codes; empty when it names no place. */
  countries: Set<string>;
  worldwide: boolean;
  /** How the audience named them, for the rationale ("50–5000", "España, Latinoamérica"). */
  sizeLabel: string;
}

const COUNTRY_MATCHERS = Object.entries(COUNTRIES).map(([code, terms]) => ({ code, regex: compileAny(terms) }));
const REGION_MATCHERS = REGIONS.map((r) => ({ countries: r.countries, regex: compileAny(r.terms) }));
const SIZE_MATCHERS = SIZE_WORDS.map((s) => ({ min: s.min, max: s.max, regex: compileAny(s.terms) }));
const WORLDWIDE_RE = compileAny(WORLDWIDE);

const NUM = '(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(k|mil)?';
const RANGE = new RegExp(`${NUM}\\s*(?:-|a|to|y|and|hasta|al)\\s*${NUM}\\s*(?:empleados|employees|trabajadores|personas|people|staff|workers|emp)`, 'g');
const AT_LEAST = new RegExp(`(?:mas de|more than|over|al menos|at least|desde|from|\\+)\\s*${NUM}\\s*(?:empleados|employees|trabajadores|personas|people|staff|workers)`, 'g');
const AT_MOST = new RegExp(`(?:menos de|less than|fewer than|under|hasta|up to)\\s*${NUM}\\s*(?:empleados|employees|trabajadores|personas|people|staff|workers)`, 'g');
const PLUS = new RegExp(`${NUM}\\s*\\+\\s*(?:empleados|employees|trabajadores|personas|people|staff|workers)`, 'g');

function num(digits: string | undefined, unit: string | undefined): number {
  const n = Number((digits ?? '0').replace(/[.,]/g, ''));
  return unit ? n * 1000 : n;
}

export function parseAudience(targetAudience: string): Audience {
  const text = normalize(targetAudience);
  const sizes: Array<{ min: number; max: number }> = [];
  for (const m of text.matchAll(RANGE)) sizes.push({ min: num(m[1], m[2]), max: num(m[3], m[4]) });
  for (const m of text.matchAll(AT_LEAST)) sizes.push({ min: num(m[1], m[2]), max: Number.POSITIVE_INFINITY });
  for (const m of text.matchAll(PLUS)) sizes.push({ min: num(m[1], m[2]), max: Number.POSITIVE_INFINITY });
  for (const m of text.matchAll(AT_MOST)) sizes.push({ min: 1, max: num(m[1], m[2]) });
  // Explicit numbers are more precise than words; words count only when no number was given.
  if (sizes.length === 0) for (const s of SIZE_MATCHERS) if (s.regex.test(text)) sizes.push({ min: s.min, max: s.max });

  const countries = locateCountries(text);
  for (const region of REGION_MATCHERS) if (region.regex.test(text)) for (const c of region.countries) countries.add(c);
  const sizeLabel = sizes.map((s) => (Number.isFinite(s.max) ? `${s.min}–${s.max}` : `${s.min}+`)).join(', ');
  return { sizes, countries, worldwide: WORLDWIDE_RE.test(text), sizeLabel };
}

/** Country codes named in a normalised text. */
export function locateCountries(normalizedText: string): Set<string> {
  const found = new Set<string>();
  if (!normalizedText) return found;
  for (const country of COUNTRY_MATCHERS) if (country.regex.test(normalizedText)) found.add(country.code);
  return found;
}

/** Country of an international phone number ("+34 91…", "0052 55…"), or null. */
export function phoneCountry(phone: string | undefined): string | null {
  if (typeof phone !== 'string') return null;
  const trimmed = phone.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (!trimmed.startsWith('+')) {
    if (!digits.startsWith('00')) return null;
    digits = digits.slice(2);
  }
  let best: string | null = null;
  let bestLen = 0;
  for (const [prefix, code] of PHONE_PREFIXES) {
    if (digits.startsWith(prefix) && prefix.length > bestLen) {
      best = code;
      bestLen = prefix.length;
    }
  }
  return best;
}
