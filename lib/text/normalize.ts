/**
 * Text normalisation shared by the rules engine: page text is hostile (HTML,
 * control characters, mixed accents), so every matcher works on one canonical
 * form — lowercase ASCII letters, digits, punctuation and single spaces.
 */

const HTML_TAG = /<[^>]{0,500}>/g;
const HTML_ENTITY = /&(?:nbsp|amp|lt|gt|quot|#39|apos);/g;
const ENTITY_TEXT: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Invisible characters that split a word without showing ("Ign\u200bore"): removed, not turned into a space. */
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[ \t\u00a0]+/g;

/**
 * Everything cleanText changes besides the outer whitespace: a tag or entity start, an invisible
 * or control character, a carriage return, a tab or no-break space, two spaces in a row. Text
 * without any (most CRM fields) is only trimmed, without the six passes.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const NEEDS_CLEANING = /[<&\r\t\u00a0\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]| {2}/;

/** Removes tags, decodes the common entities and drops control characters; keeps line breaks. */
export function cleanText(text: unknown): string {
  if (typeof text === 'number' && Number.isFinite(text)) return String(text);
  if (typeof text !== 'string' || text.length === 0) return '';
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(HTML_TAG, ' ')
    .replace(HTML_ENTITY, (entity) => ENTITY_TEXT[entity] ?? ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * The normalised text and, beside it, the same text before lowercasing and accent
 * stripping. When both have the same length (almost always) an index in `norm`
 * is an index in `display`, so a rationale can quote the lead's own words.
 */
export function normalizePair(text: unknown): NormalizedPair {
  if (typeof text !== 'string' || text.length > MEMO_MAX_CHARS) return normalizePairOnce(text);
  let pair = memo.get(text);
  if (!pair) {
    pair = normalizePairOnce(text);
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
    memo.set(text, pair);
  }
  return pair;
}

export interface NormalizedPair {
  readonly norm: string;
  readonly display: string;
}

/**
 * The rules read one lead's description from many places (urgency, fit, opportunity, needs,
 * language…), each asking for its normal form: the last few texts normalised are kept, so a
 * classification normalises each text once. Bounded in entries and in the length of a text
 * kept (a lead field is at most 8,000 characters); the pairs are frozen, so sharing is safe.
 */
const MEMO_ENTRIES = 64;
const MEMO_MAX_CHARS = 16_384;
const memo = new Map<string, NormalizedPair>();

/** Printable ASCII but the backtick: once cleaned (trimmed, no runs of spaces), normalising it is lowercasing it. */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

function normalizePairOnce(text: unknown): NormalizedPair {
  const cleaned = cleanText(text);
  if (PLAIN_ASCII.test(cleaned)) return Object.freeze({ norm: cleaned.toLowerCase(), display: cleaned });
  const display = cleaned.replace(/\s+/g, ' ').trim();
  if (!display) return EMPTY_PAIR;
  const norm = display
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
  return Object.freeze({ norm, display: display.length === norm.length ? display : norm });
}

const EMPTY_PAIR: NormalizedPair = Object.freeze({ norm: '', display: '' });

/** Lowercase, accents and diacritics stripped (ñ → n, ü → u), whitespace collapsed. */
export function normalize(text: unknown): string {
  return normalizePair(text).norm;
}

const TOKEN = /[a-z0-9]+/g;

/** Words of the normalised text (letters and digits only). */
export function tokenize(text: unknown): string[] {
  return normalize(text).match(TOKEN) ?? [];
}

/** The words of the last normalised text asked about (see normalizedWords). */
let lastWordsText: string | undefined;
let lastWords: readonly string[] = [];

/**
 * The letters-and-digits words of a text already normalised, as tokenize would find them in it,
 * shared and read-only: one lead's description is read word by word by several lists in a row
 * (the prefilters of lib/text/patterns.ts, contentStems), and the last text's words are kept.
 */
export function normalizedWords(norm: string): readonly string[] {
  if (norm !== lastWordsText) {
    lastWords = norm.match(TOKEN) ?? [];
    lastWordsText = norm;
  }
  return lastWords;
}

/** Words too common in either language to say anything about a lead's need or industry. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a al and are as at be by con de del desde el en entre es esta este esto for from la las lo los mas ' +
    'muy nos nuestra nuestro nuestros nuestras of on or our para pero por que se sin son su sus the their this to ' +
    'un una unos unas we with y you your it its is was fue ha han hay have has had will would can could ' +
    'also tambien como how what which cual quien who'
  ).split(' '),
);

const SUFFIXES = [
  'aciones', 'iciones', 'amente', 'ciones', 'mente', 'cion', 'sion', 'ings', 'ing', 'edly', 'ies', 'es', 's',
] as const;

/**
 * A light stemmer for Spanish and English: drops common inflectional endings and
 * the final vowel, then keeps at most six letters, so "clínicas", "clínica" and
 * "clinic" meet at "clinic", "facturación" and "facturas" at "factur".
 */
export function stem(token: string): string {
  let word = token;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  if (word.length > 4 && isVowel(word.charCodeAt(word.length - 1))) word = word.slice(0, -1);
  return word.slice(0, 6);
}

/** a, e, i, o or u (char codes): /[aeiou]$/ without a regex call per word. */
function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

/** Only the digits 0–9 (a word of a normalised text: letters and digits). */
function allDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** Prefix test used for inflection-tolerant matching: "urgen" matches urgente, urgently, urgencia. */
export function matchesPrefix(token: string, prefix: string): boolean {
  return token.startsWith(prefix);
}

/** Stems of the meaningful words of a text: no stopwords, no words shorter than three letters, no bare numbers. */
export function contentStems(text: unknown): Set<string> {
  const stems = new Set<string>();
  for (const token of normalizedWords(normalize(text))) {
    if (token.length < 3 || STOPWORDS.has(token) || allDigits(token)) continue;
    stems.add(stem(token));
  }
  return stems;
}

/**
 * Latin look-alikes (Cyrillic, Greek) and compatibility forms (fullwidth "ｉｇｎｏｒｅ",
 * mathematical letters) folded to plain ASCII letters — for screening text for
 * instructions, where "Іgnоrе" written with Cyrillic letters must read as "ignore".
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g',
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', Ѕ: 's', І: 'i', Ј: 'j',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  ı: 'i', ℓ: 'l',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

/** ASCII is its own NFKC form and holds no confusable: most CRM fields, returned as they are. */
const ASCII = /^[\x00-\x7f]*$/;

export function foldConfusables(text: string): string {
  if (!text) return '';
  if (ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(CONFUSABLE_RE, (c) => CONFUSABLES[c] ?? c);
}
