import type { Language } from '../../text/language';
import { normalize } from '../../text/normalize';
import { compileAny } from '../../text/patterns';
import { NEXT_STEP } from './safety';
import { countWords, joinParagraphs, paragraphs } from './text';

/**
 * Deterministic tone actions on a draft's text (the rules versions; the LLM rewrites when
 * configured). "translate" is not here: rules drafts are templates, so translating re-renders
 * the template in the other language (compose.ts).
 */

/** tú → usted, for the common verbs, pronouns and enclitics of replies. Case of the first letter kept. */
const TU_TO_USTED: [string, string][] = [
  ['contigo', 'con usted'],
  ['tú', 'usted'],
  ['ti', 'usted'],
  ['te', 'le'],
  ['tu', 'su'],
  ['tus', 'sus'],
  ['tienes', 'tiene'],
  ['puedes', 'puede'],
  ['necesitas', 'necesita'],
  ['necesites', 'necesite'],
  ['quieres', 'quiere'],
  ['quieras', 'quiera'],
  ['estás', 'está'],
  ['eres', 'es'],
  ['pudiste', 'pudo'],
  ['hiciste', 'hizo'],
  ['tengas', 'tenga'],
  ['puedas', 'pueda'],
  ['hayas', 'haya'],
  ['respondas', 'responda'],
  ['repitas', 'repita'],
  ['recibirás', 'recibirá'],
  ['podrás', 'podrá'],
  ['verás', 'verá'],
  ['podrías', 'podría'],
  ['sabes', 'sabe'],
  ['encuentras', 'encuentra'],
  ['escribes', 'escribe'],
  ['indicas', 'indica'],
  ['responde', 'responda'],
  ['escríbenos', 'escríbanos'],
  ['cuéntanos', 'cuéntenos'],
  ['avísanos', 'avísenos'],
  ['confírmanos', 'confírmenos'],
  ['dinos', 'díganos'],
  ['indícanos', 'indíquenos'],
  ['envíanos', 'envíenos'],
  ['llámanos', 'llámenos'],
  // campaign templates (lib/campaign/templates.ts)
  ['buscas', 'busca'],
  ['has', 'ha'],
  ['trabajas', 'trabaja'],
  ['cuentas', 'cuenta'],
  ['valoras', 'valora'],
];
const TU_MAP = new Map(TU_TO_USTED.map(([a, b]) => [a, b]));
const TU_WORDS = new RegExp(`(?<![\\p{L}\\p{N}])(${TU_TO_USTED.map(([a]) => a).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
/** Infinitive + "te" (ayudarte, confirmarte, ofrecerte, escribirte) → "le". */
const ENCLITIC_TE = /(?<![\p{L}])([\p{L}]{3,}[aeií]r)te(?![\p{L}])/giu;
const NOT_ENCLITIC = new Set(['contraparte', 'baluarte', 'estandarte', 'aparte']);

function keepCase(source: string, replacement: string): string {
  return source[0] && source[0] === source[0].toUpperCase() && source[0] !== source[0].toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

export function toUsted(text: string): string {
  return text
    .replace(/(^|\n)¡?Hola(?: ([^\n,!:]{1,40}))?[,!:]?(?=\s|$)/g, (_m, pre: string, name?: string) => `${pre}Buenos días${name ? `, ${name}` : ''}:`)
    .replace(TU_WORDS, (m) => keepCase(m, TU_MAP.get(m.toLowerCase()) ?? m))
    .replace(ENCLITIC_TE, (m, stem: string) => (NOT_ENCLITIC.has(m.toLowerCase()) ? m : `${stem}le`))
    .replace(/¡Que tenga un buen día!/g, 'Que tenga un buen día.');
}

const EXPANSIONS: [RegExp, string][] = [
  [/\bI'm\b/g, 'I am'],
  [/\bI've\b/g, 'I have'],
  [/\bI'll\b/g, 'I will'],
  [/\bwe'll\b/gi, 'we will'],
  [/\bwe're\b/gi, 'we are'],
  [/\bwe've\b/gi, 'we have'],
  [/\bwe'd\b/gi, 'we would'],
  [/\byou'll\b/gi, 'you will'],
  [/\byou're\b/gi, 'you are'],
  [/\bthey'll\b/gi, 'they will'],
  [/\bthere's\b/gi, 'there is'],
  [/\bit's\b/gi, 'it is'],
  [/\bcan't\b/gi, 'cannot'],
  [/\bdon't\b/gi, 'do not'],
  [/\bdoesn't\b/gi, 'does not'],
  [/\bwon't\b/gi, 'will not'],
  [/\bisn't\b/gi, 'is not'],
  [/\blet's\b/gi, 'let us'],
];
const EMOJI = /\s*[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]+/gu;

function fixCase(original: string, replacement: string): string {
  return original[0] === original[0]?.toUpperCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export function toFormalEnglish(text: string): string {
  let out = text.replace(/(^|\n)(?:Hi|Hey|Hello)(?: ([^\n,!:]{1,40}))?[,!]?(?=\s|$)/g, (_m, pre: string, name?: string) => (name ? `${pre}Dear ${name},` : `${pre}Hello,`));
  for (const [re, to] of EXPANSIONS) out = out.replace(re, (m) => fixCase(m, to));
  return out
    .replace(/\bThanks so much\b/g, 'Thank you very much')
    .replace(/\bThanks\b/g, 'Thank you')
    .replace(/\bjust\s+/g, '')
    .replace(/Have a great day!/g, 'Kind regards.')
    .replace(EMOJI, '')
    .replace(/!/g, '.');
}

export function toFormal(text: string, lang: Language): string {
  return lang === 'es' ? toUsted(text).replace(EMOJI, '') : toFormalEnglish(text);
}

/** Sentences a shorter draft drops first: thanks, patience, understanding, pleasantries. */
const OPTIONAL = compileAny([
  'gracias por tu paciencia', 'gracias por su paciencia', 'entiendo lo frustrante', 'que tengas un buen dia', 'que tenga un buen dia',
  'gracias por confiar', 'no hace falta que', 'thank you for your patience', 'i understand how frustrating', 'have a great day',
  'thanks so much for trusting', 'there s no need to', 'there is no need to', 'if everything is fine', 'si todo esta en orden',
  'kind regards',
]);


/**
 * Shorter: drops optional sentences, then middle sentences from the end, keeping the greeting,
 * the first body sentence, the next step and the signature, until the text is at most
 * `target` words (default: 60 % of its words, never above maxWords).
 */
export function shorten(text: string, maxWords: number, target?: number): string {
  const paras = paragraphs(text);
  const words = countWords(text);
  const goal = Math.max(1, Math.min(maxWords, target ?? Math.ceil(words * 0.6)));
  if (paras.length === 0) return text;
  // Greeting = the first paragraph when it is a single short line; signature = the last when short.
  const hasGreeting = paras.length > 1 && paras[0]!.length === 1 && countWords(paras[0]![0]!) <= 6;
  const hasSignature = paras.length > 1 && paras.at(-1)!.length === 1 && countWords(paras.at(-1)![0]!) <= 8;
  const bodyStart = hasGreeting ? 1 : 0;
  const bodyEnd = hasSignature ? paras.length - 1 : paras.length;
  type Loc = { p: number; s: number; rank: number };
  const candidates: Loc[] = [];
  let first = true;
  for (let p = bodyStart; p < bodyEnd; p++) {
    paras[p]!.forEach((sentence, s) => {
      const norm = normalize(sentence);
      if (first) {
        first = false;
        return; // the acknowledgement / main answer stays
      }
      if (NEXT_STEP.test(norm) || sentence.includes('?')) return; // the next step stays
      candidates.push({ p, s, rank: OPTIONAL.test(norm) ? 0 : 1 });
    });
  }
  // Optional first; among equals, the later sentence first.
  candidates.sort((a, b) => a.rank - b.rank || b.p - a.p || b.s - a.s);
  const dropped = new Set<string>();
  const current = () =>
    joinParagraphs(paras.map((para, p) => para.filter((_, s) => !dropped.has(`${p}:${s}`))));
  for (const c of candidates) {
    if (countWords(current()) <= goal) break;
    dropped.add(`${c.p}:${c.s}`);
  }
  return truncateWords(current(), maxWords);
}

/** Last resort: at most `maxWords` words, cut at a word and closed with "…". */
export function truncateWords(text: string, maxWords: number): string {
  if (countWords(text) <= maxWords) return text;
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.,:%€$/-]*/gu;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    count++;
    if (count === maxWords) return `${text.slice(0, m.index + m[0].length).replace(/[.,;:]+$/, '')}…`;
  }
  return text;
}

/** Friendlier: a warm greeting and a warm closing before the signature (within maxWords). */
export function friendlier(text: string, lang: Language, maxWords: number): string {
  const paras = paragraphs(text);
  if (paras.length === 0) return text;
  const greetingLine = paras[0]!.length === 1 ? paras[0]![0]! : '';
  if (lang === 'es') {
    const name = /^(?:Hola|Buenos días|Buenas tardes|Estimad[oa])(?:,?\s+([^,!:\n]{1,40}))?[,!:]?$/.exec(greetingLine);
    if (name) paras[0] = [`¡Hola${name[1] ? ` ${name[1]}` : ''}!`];
  } else {
    const name = /^(?:Hi|Hello|Dear|Hey)(?:\s+([^,!:\n]{1,40}))?[,!:]?$/.exec(greetingLine);
    if (name) paras[0] = [`Hi${name[1] ? ` ${name[1]}` : ''}!`];
  }
  const closing = lang === 'es' ? '¡Gracias por confiar en nosotros! 😊' : 'Thanks so much for trusting us! 😊';
  const norm = normalize(text);
  if (!norm.includes(normalize(closing.replace(' 😊', '')))) {
    const sigIndex = paras.length > 1 && paras.at(-1)!.length === 1 && countWords(paras.at(-1)![0]!) <= 8 ? paras.length - 1 : paras.length;
    const bodyIndex = Math.max(0, sigIndex - 1);
    paras[bodyIndex] = [...paras[bodyIndex]!, closing];
  }
  const out = joinParagraphs(paras);
  return countWords(out) <= maxWords ? out : shorten(out, maxWords, maxWords);
}
