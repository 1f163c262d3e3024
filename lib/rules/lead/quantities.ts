import { normalize } from '../../text/normalize';
import { execAll } from '../../text/regex';

/**
 * Numbers as CRMs write them: "201-500", "1,000+", "5k", "10.000", "$5M",
 * "5 millones", "2,5 M€", "2.5B", "mil millones". Returns null when no number.
 */

const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:mil millones|billones?|billion|billions|bn|b|mmm|mmd)\b/, 1e9],
  [/^(?:millones|millon|million|millions|mill|mio|mm|m)\b/, 1e6],
  [/^(?:mil|thousand|k)\b/, 1e3],
];

const NUMBER = /(\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(\+)?\s*([a-z ]{0,14})/g;

/** "10.000" and "1,000" are thousands; "2.5" and "2,5" are decimals. */
function readNumber(text: string): number {
  const groups = /^\d{1,3}(?:([.,\s])\d{3})+$/.exec(text);
  if (groups) return Number(text.replace(/[.,\s]/g, ''));
  const lastSep = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  if (lastSep < 0) return Number(text);
  const intPart = text.slice(0, lastSep).replace(/[.,\s]/g, '');
  return Number(`${intPart}.${text.slice(lastSep + 1)}`);
}

function quantities(value: unknown): number[] {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? [value] : [];
  let text = normalize(value).slice(0, 200);
  if (!text) return [];
  // "mil millones", "un millón": a multiplier said without digits means one of it.
  if (!/\d/.test(text)) text = text.replace(/^(?:un |una |one |a )?(?=mil millones|millon|millones|million|billion|mil\b|thousand)/, '1 ');
  const out: number[] = [];
  for (const match of execAll(NUMBER, text)) {
    const base = readNumber((match[1] ?? '').trim());
    if (!Number.isFinite(base)) continue;
    const unit = (match[3] ?? '').trim();
    let factor = 1;
    for (const [pattern, multiplier] of MULTIPLIERS) {
      if (pattern.test(unit)) {
        factor = multiplier;
        break;
      }
    }
    out.push(base * factor);
    if (out.length >= 4) break;
  }
  return out;
}

/** Company size in employees: a range gives its midpoint, "1,000+" its floor. */
export function parseCompanySize(value: unknown): number | null {
  const numbers = quantities(value);
  if (numbers.length === 0) return null;
  const [first = 0, second] = numbers;
  if (second !== undefined && second > first) return Math.round((first + second) / 2);
  return Math.round(first);
}

/** Annual revenue in currency units (the currency symbol is ignored). */
export function parseMoney(value: unknown): number | null {
  const numbers = quantities(value);
  if (numbers.length === 0) return null;
  const [first = 0, second] = numbers;
  if (second !== undefined && second > first) {
    // "5-10M": the multiplier is written once, after the second number.
    const scaled = first < 1000 && second >= 1e6 && first * 1e6 <= second ? first * 1e6 : first;
    return (scaled + second) / 2;
  }
  return first;
}
