import { normalize } from './normalize';

/**
 * Keyword terms, written once for both languages and compiled to regexes at
 * module load. A term is matched against normalize()d text, so it is written
 * without accents and in lowercase:
 *   "perdida de datos"  — the exact words (any whitespace between them);
 *   "urgen*"            — a word prefix: urgente, urgently, urgencia, urgency;
 *   "/regex/"           — a raw regex source, for the few terms words cannot say.
 * Boundaries are letters/digits, so "24/7" and "e-commerce" work as terms.
 */
export type Term = string;

const SPECIAL = /[.+?^${}()|[\]\\]/g;

function termSource(term: Term): string {
  const normalized = term.startsWith('/') && term.endsWith('/') && term.length > 2 ? null : normalize(term);
  if (normalized === null) return term.slice(1, -1);
  return normalized
    .split(' ')
    .map((word) => {
      const prefix = word.endsWith('*');
      const body = (prefix ? word.slice(0, -1) : word).replace(SPECIAL, '\\$&').replace(/\*/g, '[a-z0-9]*');
      return prefix ? `${body}[a-z0-9]*` : body;
    })
    .join('[\\s\\-]+');
}

const LEFT = '(?<![a-z0-9])';
const RIGHT = '(?![a-z0-9])';

/** One regex for one term (non-global: for test()). */
export function compileTerm(term: Term): RegExp {
  return new RegExp(`${LEFT}(?:${termSource(term)})${RIGHT}`);
}

/** One regex for any of the terms (non-global). */
export function compileAny(terms: readonly Term[]): RegExp {
  if (terms.length === 0) return /(?!)/;
  return new RegExp(`${LEFT}(?:${terms.map(termSource).join('|')})${RIGHT}`);
}

/** One global regex for any of the terms, to find every occurrence with matchAll/exec. */
export function compileAnyGlobal(terms: readonly Term[]): RegExp {
  if (terms.length === 0) return /(?!)/g;
  return new RegExp(`${LEFT}(?:${terms.map(termSource).join('|')})${RIGHT}`, 'g');
}
