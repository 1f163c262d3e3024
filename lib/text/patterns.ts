import { normalize, normalizedWords } from './normalize';

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

/**
 * What a text must contain for a term's regex to match it, read from the term's first word: a
 * match starts where the text's letters and digits start (LEFT), with the word's leading letters
 * and digits. `exact`: that run of letters and digits is the whole word ("aws", "e" of
 * "e-commerce"); `prefix`: the text's word only starts with it ("migra*"). Null when the term does
 * not say (a raw /regex/, or a first word that starts with a wildcard or a sign): then nothing
 * can be ruled out.
 */
function termLead(term: Term): { exact: string } | { prefix: string } | null {
  if (term.startsWith('/') && term.endsWith('/') && term.length > 2) return null;
  const word = normalize(term).split(' ')[0]!;
  const literal = word.split('*')[0]!;
  const run = /^[a-z0-9]*/.exec(literal)![0];
  if (!run) return null;
  // The literal goes on with a sign ("e-commerce", "24/7"), or the word ends there: the text's run is exactly this.
  if (run.length < literal.length || word.length === literal.length) return { exact: run };
  return { prefix: run };
}

/** Prefix keys are at most this long: a text's word gives one key per length up to it. */
const PREFIX_KEY = 3;

/**
 * A prefix key (1 to PREFIX_KEY letters or digits) as a number, so a text's words are looked up
 * without cutting a string per length: base 37, a–z and 0–9 as 1–36 (no digit is 0, so "a" and
 * "aa" differ).
 */
function charKey(code: number): number {
  return code >= 97 ? code - 96 : code - 21; // a–z → 1–26, 0–9 (48–57) → 27–36
}
function prefixKey(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 37 + charKey(word.charCodeAt(i));
  return key;
}


/**
 * Rules out, before any regex runs, the term lists (a concept's, a need's…) that cannot match a
 * text, from the words the text contains: most of a lead's text names a handful of the hundreds of
 * concepts, and a regex of many alternatives tries them at every position of the text. Exact by
 * construction: a list is ruled out only when no word of the text starts (or is) what every one
 * of its terms' matches starts with (termLead); a list with a term that does not say is never
 * ruled out. The caller still runs the regex of every list not ruled out, so what matches is
 * what matched before; only the regexes that could not match are skipped. For regexes made by
 * compileAny / compileAnyGlobal / compileTerm from the same terms (their LEFT boundary).
 */
export class TermPrefilter {
  private readonly exact = new Map<string, number[]>();
  /** Lists by the prefixKey of their prefix terms' leads. */
  private readonly prefix = new Map<number, number[]>();
  private readonly always: number[] = [];
  /** Which lists the current call has listed: `seen[i] === stamp`, so nothing is cleared between calls. */
  private readonly seen: Uint32Array;
  private stamp = 0;
  readonly size: number;

  constructor(lists: ReadonlyArray<readonly Term[]>) {
    this.size = lists.length;
    this.seen = new Uint32Array(lists.length);
    lists.forEach((terms, index) => {
      if (terms.length === 0) return; // compileAny of nothing never matches
      const leads = terms.map(termLead);
      if (leads.some((lead) => lead === null)) {
        this.always.push(index);
        return;
      }
      for (const lead of leads as Array<NonNullable<ReturnType<typeof termLead>>>) {
        if ('exact' in lead) {
          const at = this.exact.get(lead.exact);
          if (!at) this.exact.set(lead.exact, [index]);
          else if (at[at.length - 1] !== index) at.push(index);
        } else {
          const key = prefixKey(lead.prefix.slice(0, PREFIX_KEY));
          const at = this.prefix.get(key);
          if (!at) this.prefix.set(key, [index]);
          else if (at[at.length - 1] !== index) at.push(index);
        }
      }
    });
  }

  /** 1 at each list's index that may match `text` (run its regex), 0 where it cannot. */
  candidates(text: string): Uint8Array {
    const out = new Uint8Array(this.size);
    for (const index of this.candidateIndexes(text)) out[index] = 1;
    return out;
  }

  /**
   * The indexes of the lists that may match `text`, ascending (the lists' order): the ones whose
   * regex to run, without visiting the hundreds that cannot match. A new array on every call.
   */
  candidateIndexes(text: string): number[] {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const out: number[] = [];
    this.add(this.always, out);
    for (const word of normalizedWords(text)) {
      this.add(this.exact.get(word), out);
      const longest = Math.min(word.length, PREFIX_KEY);
      let key = 0;
      for (let n = 0; n < longest; n++) {
        key = key * 37 + charKey(word.charCodeAt(n));
        this.add(this.prefix.get(key), out);
      }
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  private add(indexes: number[] | undefined, out: number[]): void {
    if (!indexes) return;
    for (const index of indexes) {
      if (this.seen[index] === this.stamp) continue;
      this.seen[index] = this.stamp;
      out.push(index);
    }
  }
}
