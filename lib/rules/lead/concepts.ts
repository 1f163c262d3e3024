import { contentStems, normalize } from '../../text/normalize';
import { compileAny, compileAnyGlobal, TermPrefilter, type Term } from '../../text/patterns';
import type { Concept } from './lexicon';

export interface CompiledConcepts {
  list: ReadonlyArray<{ id: string; weight: number; test: RegExp; all: RegExp }>;
  /** Which concepts a text cannot name, from its words (a lead's text names a few of them). */
  prefilter: TermPrefilter;
}

export function compileConcepts(concepts: readonly Concept[]): CompiledConcepts {
  return {
    list: concepts.map((c) => ({ id: c.id, weight: c.weight ?? 1, test: compileAny(c.terms), all: compileAnyGlobal(c.terms) })),
    prefilter: new TermPrefilter(concepts.map((c) => c.terms)),
  };
}

/** Weighted keys of a text: the concepts it names, plus "s:<stem>" for every other meaningful word. */
export type Keys = Map<string, number>;

/**
 * Keys of a short label from the profile ("Cloud migration", "Clínicas dentales"):
 * concepts first; the words no concept explains become stem keys, so a profile
 * in words this lexicon does not know still matches leads that use those words.
 */
export function labelKeys(label: string, concepts: CompiledConcepts, filler?: RegExp): Keys {
  let rest = normalize(label);
  const keys: Keys = new Map();
  for (const concept of concepts.list) {
    if (!concept.test.test(rest)) continue;
    keys.set(concept.id, concept.weight);
    rest = rest.replace(concept.all, ' ');
  }
  if (filler) rest = rest.replace(filler, ' ');
  for (const s of contentStems(rest)) keys.set(`s:${s}`, 1);
  return keys;
}

/** Keys of free text from the lead (already normalised): every concept named, every word's stem. */
export function textKeys(normalizedText: string, concepts: CompiledConcepts): Keys {
  const keys: Keys = new Map();
  if (!normalizedText) return keys;
  for (const i of concepts.prefilter.candidateIndexes(normalizedText)) {
    const concept = concepts.list[i]!;
    if (concept.test.test(normalizedText)) keys.set(concept.id, concept.weight);
  }
  for (const s of contentStems(normalizedText)) keys.set(`s:${s}`, 1);
  return keys;
}

/** Share (0–1) of the label's weight that the text covers, and which keys matched. */
export function coverage(label: Keys, text: Keys): { share: number; matched: string[] } {
  let total = 0;
  let hit = 0;
  const matched: string[] = [];
  for (const [key, weight] of label) {
    total += weight;
    if (text.has(key)) {
      hit += weight;
      matched.push(key);
    }
  }
  return { share: total > 0 ? hit / total : 0, matched };
}

export function compileFiller(terms: readonly Term[]): RegExp {
  return compileAnyGlobal(terms);
}
