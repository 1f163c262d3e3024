/** Places: the countries a text names, and the country of a phone number (rule 3 of the brief). The audience itself is read in lib/rules/profile/compile.ts. */
import { compileAny, TermPrefilter } from '../../text/patterns';
import { COUNTRIES, PHONE_PREFIXES } from './lexicon';

const COUNTRY_MATCHERS = Object.entries(COUNTRIES).map(([code, terms]) => ({ code, regex: compileAny(terms) }));
const COUNTRY_PREFILTER = new TermPrefilter(Object.values(COUNTRIES));

/** Country codes named in a normalised text. */
export function locateCountries(normalizedText: string): Set<string> {
  const found = new Set<string>();
  if (!normalizedText) return found;
  for (const i of COUNTRY_PREFILTER.candidateIndexes(normalizedText)) {
    const country = COUNTRY_MATCHERS[i]!;
    if (country.regex.test(normalizedText)) found.add(country.code);
  }
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
