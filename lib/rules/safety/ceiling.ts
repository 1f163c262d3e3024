import type { Lead, LeadClassification, Priority, Stage } from '../../contracts';
import { functionWords } from '../../text/language';
import { cleanText, foldConfusables, normalize } from '../../text/normalize';

/**
 * How far an LLM answer may rank a lead above the rules (issue 9, D8): injected text must never
 * raise stage or priority, whatever the injection detector says. The detector is a blocklist and
 * will always miss some spelling (base64, German, a polite paraphrase), so the guarantee does not
 * rest on it. It rests on what the rules can verify:
 *
 * 1. Unverifiable text pins the answer to the rules. A field with an encoded run (base64, hex,
 *    percent-escapes), a description sentence the rules cannot read as Spanish or English, or any
 *    mention of the classifier's own vocabulary (stage and priority names, "classify", "qualified",
 *    "top of the list"…) means a model could have been steered by words the rules could not
 *    check: its stage and priority may not exceed the rules'.
 * 2. Verifiable text lets the model go one step above the rules, no more, and only where the
 *    rules' own evidence allows it: SQL only with a decision-making title, P1 only with high
 *    urgency or a big opportunity the rules found. An instruction that slipped through in plain
 *    words can therefore move a lead by one step at most, and never to SQL or P1 without the
 *    evidence a rep can read in the rationale.
 * 3. A flagged injection pins the answer to the rules too (the v2 cap, unchanged).
 */
export interface LlmCeiling {
  stage: Stage;
  priority: Priority;
  /** False when some text could not be verified (the answer is pinned to the rules). */
  verifiable: boolean;
  /** What could not be verified, for the rationale ('' when verifiable). */
  reason: string;
}

const STAGE_ORDER: readonly Stage[] = ['Disqualified', 'Review', 'Nurture', 'MQL', 'SQL'];
const PRIORITY_ORDER: readonly Priority[] = ['P4', 'P3', 'P2', 'P1'];

const ENCODED = /[A-Za-z0-9+/_-]{24,}={0,2}|(?:%[0-9a-f]{2}){3,}|\b[0-9a-f]{32,}\b|\\u[0-9a-f]{4}|&#x?[0-9a-f]+;/i;
const URL_OR_EMAIL = /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
/** The classifier's own words, in the languages an attacker is likely to use. */
const VOCABULARY =
  /(?<![a-z])(?:sql(?!\s*(?:server|database|db|base|quer|consult|instan|azure|managed|dba|injection|developer))|mql|p[1-4](?![0-9a-z])|nurture|disqualif|descalific|stage|etapa|priorit|prioridad|priorite|prioritat|classif|clasific|classez|klassifiz|einstuf|stufe|scoring|puntuaci|qualifi|calificad|cualificad|qualifiz|hot lead|lead caliente|call list|top of (?:the|today|your)|pre-?qualif|instruc|anweisung|consigne|ignore|ignora|ignorez|vergiss|oublie|system prompt|you are an? (?:ai|assistant|model))/;

function words(text: string): number {
  return (normalize(text).match(/[a-z]{2,}/g) ?? []).length;
}

/** The part of a field's text the rules cannot vouch for, or '' when all of it reads as plain data. */
export function unverifiableText(text: string, prose: boolean): string {
  const clean = cleanText(text).replace(URL_OR_EMAIL, ' ');
  if (!clean.trim()) return '';
  const folded = foldConfusables(clean);
  const encoded = ENCODED.exec(folded);
  if (encoded && /[A-Z]/.test(encoded[0]) && /[a-z]/.test(encoded[0]) && /\d/.test(encoded[0])) return encoded[0].slice(0, 40);
  if (encoded && !/^[A-Za-z-]+$/.test(encoded[0])) return encoded[0].slice(0, 40);
  const vocab = VOCABULARY.exec(normalize(folded));
  if (vocab) return vocab[0];
  if (!prose) return '';
  for (const sentence of folded.split(/(?<=[.!?;:])\s+|\n+/)) {
    if (words(sentence) < 5) continue;
    // Readable means Spanish or English words a reader can check, more than any other language's.
    const f = functionWords(sentence);
    if (f.es + f.en === 0 || f.pt > f.es + f.en) return sentence.trim().slice(0, 60);
  }
  return '';
}

const FREE_TEXT: ReadonlyArray<keyof Lead> = ['description', 'status', 'source', 'owner'];
const SHORT_TEXT: ReadonlyArray<keyof Lead> = ['fullName', 'jobTitle', 'company', 'email', 'phone', 'industry', 'location', 'companySize', 'annualRevenue'];

export function llmCeiling(lead: Lead, rules: LeadClassification): LlmCeiling {
  const pinned = (reason: string): LlmCeiling => ({ stage: rules.stage, priority: rules.priority, verifiable: false, reason });
  if ((rules.flags ?? []).includes('possible_injection')) return pinned('possible injection flagged');
  for (const field of [...FREE_TEXT, ...SHORT_TEXT]) {
    const value = (lead as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    const bad = unverifiableText(value, FREE_TEXT.includes(field));
    if (bad) return pinned(`${field}: '${bad}'`);
  }
  const stageIndex = Math.min(STAGE_ORDER.indexOf(rules.stage) + 1, STAGE_ORDER.length - 1);
  let stage = STAGE_ORDER[stageIndex]!;
  if (stage === 'SQL' && rules.contact.decisionPower !== 'HIGH') stage = 'MQL';
  let priority = PRIORITY_ORDER[Math.min(PRIORITY_ORDER.indexOf(rules.priority) + 1, PRIORITY_ORDER.length - 1)]!;
  if (priority === 'P1' && rules.scores.urgency < 60 && rules.scores.opportunity < 60) priority = 'P2';
  return { stage, priority, verifiable: true, reason: '' };
}

/** The answer's stage and priority, held at or below the ceiling. */
export function capToCeiling(stage: Stage, priority: Priority, ceiling: LlmCeiling): { stage: Stage; priority: Priority; capped: string[] } {
  const capped: string[] = [];
  if (STAGE_ORDER.indexOf(stage) > STAGE_ORDER.indexOf(ceiling.stage)) {
    capped.push(`stage ${stage} -> ${ceiling.stage}`);
    stage = ceiling.stage;
  }
  if (PRIORITY_ORDER.indexOf(priority) > PRIORITY_ORDER.indexOf(ceiling.priority)) {
    capped.push(`priority ${priority} -> ${ceiling.priority}`);
    priority = ceiling.priority;
  }
  return { stage, priority, capped };
}
