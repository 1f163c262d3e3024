import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, INDUSTRY_CONCEPTS, NEEDS, SERVICE_CONCEPTS } from '../rules/lead/lexicon';
import { BUYING } from '../rules/lead/signals';
import { normalize } from './normalize';
import { compileAny, TermPrefilter, type Term } from './patterns';

const may = (terms: readonly Term[], text: string) => new TermPrefilter([terms]).candidates(text)[0] === 1;

describe('TermPrefilter', () => {
  it('keeps a list whose term starts a word of the text, and rules out one whose terms start none', () => {
    expect(may(['migra*', 'lift and shift'], 'we plan a migration')).toBe(true);
    expect(may(['migra*', 'lift and shift'], 'we plan to lift and shift')).toBe(true);
    expect(may(['migra*', 'lift and shift'], 'we need a new website')).toBe(false);
  });

  it('a whole-word term needs that very word; a prefix term any word it starts', () => {
    expect(may(['aws'], 'aws is our cloud')).toBe(true);
    expect(may(['aws'], 'awsome')).toBe(false);
    expect(may(['ai'], 'fair and square')).toBe(false);
    expect(may(['ai'], 'an ai assistant')).toBe(true);
    expect(may(['bi*'], 'billing')).toBe(true);
    // the word's letters run up to the sign: "e" of e-commerce, "24" of 24/7
    expect(may(['e-commerce'], 'our e-commerce site')).toBe(true);
    expect(may(['e-commerce'], 'an ecommerce site')).toBe(false);
    expect(may(['24/7'], 'support 24/7')).toBe(true);
  });

  it('never rules out a list with a raw /regex/ term or a term it cannot read; an empty list never matches', () => {
    expect(may(['cloud*', '/(?<!copia de )seguridad/'], 'nothing here')).toBe(true);
    expect(may(['*ware'], 'nothing here')).toBe(true);
    expect(may([], 'anything')).toBe(false);
  });

  it('candidateIndexes lists, ascending and once each, the lists candidates() keeps (prefixes of one to three letters or digits)', () => {
    const prefilter = new TermPrefilter([['zz*'], ['migra*', 'm365'], ['cloud'], ['/raw/'], ['9x*', 'migration']]);
    for (const text of ['migration to the cloud with m365 and 9xl', 'nothing', '', 'm 9 mi mig migr']) {
      const marks = prefilter.candidates(text);
      const indexes = prefilter.candidateIndexes(text);
      expect(indexes).toEqual([...marks.keys()].filter((i) => marks[i] === 1));
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    }
    expect(prefilter.candidateIndexes('migration to the cloud with m365 and 9xl')).toEqual([1, 2, 3, 4]);
    expect(prefilter.candidateIndexes('m 9 mi mig migr')).toEqual([1, 3]);
  });

  it('reads the text as the regex does: capitals and accents are not the letters the terms are written in', () => {
    expect(may(['cloud*'], 'Cloud')).toBe(compileAny(['cloud*']).test('Cloud'));
    expect(may(['cloud*'], normalize('Cloud'))).toBe(true);
  });

  // Soundness over the lexicons the rules prefilter: whatever a list's regex matches, the list is kept.
  it('never rules out a list its regex matches (concepts, needs, countries, buying signals; over the eval texts and edge cases)', () => {
    const texts = [
      ...readFileSync(new URL('../../eval/leads.jsonl', import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          const { lead } = JSON.parse(line) as { lead: Record<string, unknown> };
          return [lead.description, lead.industry, lead.company, lead.jobTitle, lead.location].filter((v): v is string => typeof v === 'string');
        }),
      'e-commerce, 24/7 support, wi-fi, sd-wan, iso 27001, a.s.a.p, m365, power bi, x-ray, in-cab dash-cams',
      'copias de seguridad y seguridad perimetral; help desk y mesa de ayuda; escritorio remoto',
      'Ciudad de México, CDMX; São Paulo; Bogotá D.C.; U.S.A.; the uk; rfp out next month, request for proposal',
    ];
    const lists = [SERVICE_CONCEPTS.map((c) => c.terms), INDUSTRY_CONCEPTS.map((c) => c.terms), NEEDS.map((n) => n.terms), Object.values(COUNTRIES), BUYING.map((b) => b.terms)];
    let matched = 0;
    for (const terms of lists) {
      const prefilter = new TermPrefilter(terms);
      const regexes = terms.map((t) => compileAny(t));
      for (const raw of texts) {
        for (const text of [normalize(raw), raw]) {
          const candidates = prefilter.candidates(text);
          regexes.forEach((re, i) => {
            if (!re.test(text)) return;
            matched++;
            expect(candidates[i], `${terms[i]!.join('|').slice(0, 60)} on "${text.slice(0, 60)}"`).toBe(1);
          });
        }
      }
    }
    expect(matched).toBeGreaterThan(200);
  });
});
