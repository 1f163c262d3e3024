import type { Language } from '../../text/language';
import { normalize } from '../../text/normalize';
import { compileAny, TermPrefilter } from '../../text/patterns';
import { NEEDS } from './lexicon';

const COMPILED = NEEDS.map((need) => ({ ...need, regex: compileAny(need.terms) }));
const PREFILTER = new TermPrefilter(NEEDS.map((need) => need.terms));

/** Need labels (rule 9) found in the lead's text, in the lead's language, lexicon order. */
export function detectNeeds(text: string, language: Language): string[] {
  const norm = normalize(text);
  if (!norm) return [];
  const found: string[] = [];
  for (const i of PREFILTER.candidateIndexes(norm)) {
    const need = COMPILED[i]!;
    if (need.regex.test(norm)) found.push(need[language]);
  }
  // "Cloud migration" already says cloud; when the text only says cloud, keep the label anyway.
  return found.slice(0, 20);
}
