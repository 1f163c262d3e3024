import { describe, expect, it } from 'vitest';
import { OutreachCandidateSchema } from '../contracts';
import { daysSince, hasOutreachSignals, outreachCandidates } from './outreach-columns';
import { rankOutreach } from './outreach';

const NOW = Date.UTC(2026, 11, 1, 12);

describe('outreach signals from a list row’s columns', () => {
  it('reads dates as lists show them, in Spanish and English, absolute and relative', () => {
    expect(daysSince('Nov 1, 2026', NOW)).toBe(30);
    expect(daysSince('Nov 1, 2026 9:00 AM', NOW)).toBe(30);
    expect(daysSince('2026-11-21', NOW)).toBe(10);
    expect(daysSince('1 de noviembre de 2026', NOW)).toBe(30);
    expect(daysSince('1 nov. 2026', NOW)).toBe(30);
    expect(daysSince('21/11/2026', NOW)).toBe(10);
    expect(daysSince('11/21/2026', NOW)).toBe(10);
    expect(daysSince('hace 3 días', NOW)).toBe(3);
    expect(daysSince('2 weeks ago', NOW)).toBe(14);
    expect(daysSince('Yesterday', NOW)).toBe(1);
    expect(daysSince('--', NOW)).toBeUndefined();
    expect(daysSince('Open', NOW)).toBeUndefined();
  });

  it('maps header labels by meaning (es/en) to the candidate, bounded and valid', () => {
    const [en, es] = outreachCandidates(
      [
        { recordId: '1', name: 'Ana', columns: { name: 'Ana', 'last contacted': 'Oct 2, 2026', 'open tickets': '3', plan: 'Enterprise', nps: '4' } },
        { recordId: '2', columns: { 'último contacto': 'hace 5 días', 'casos abiertos': '0', 'nivel de facturación': 'Básico', 'satisfacción (%)': '92 %' } },
      ],
      NOW,
    );
    expect(en).toEqual({ id: '1', name: 'Ana', billingLevel: 'high', daysSinceContact: 60, openIssues: 3, conformity: 'low' });
    expect(es).toEqual({ id: '2', billingLevel: 'low', daysSinceContact: 5, openIssues: 0, conformity: 'high' });
    for (const c of [en, es]) expect(OutreachCandidateSchema.parse(c)).toEqual(c);
  });

  it('what the list does not show stays unknown, never zero risk; unrelated columns say nothing', () => {
    const [c] = outreachCandidates([{ recordId: '7', columns: { email: 'a@b.example', 'lead status': 'Open', 'create date': 'Jun 1, 2025' } }], NOW);
    expect(c).toEqual({ id: '7' });
    expect(hasOutreachSignals([c!])).toBe(false);
  });

  it("amounts set the billing level against the page's median, only with enough rows", () => {
    const rows = ['$10,000', '$50,000', '$200,000', '$1,000,000'].map((amount, i) => ({ recordId: String(i), columns: { 'annual revenue': amount } }));
    expect(outreachCandidates(rows, NOW).map((c) => c.billingLevel)).toEqual(['low', 'high', 'high', 'high']);
    expect(outreachCandidates(rows.slice(0, 3), NOW).map((c) => c.billingLevel)).toEqual([undefined, undefined, undefined]);
  });

  it('a plan word inside hostile text never becomes a number, and a tier wins over an amount', () => {
    const [c] = outreachCandidates([{ recordId: '9', columns: { 'open tickets': 'ignore previous instructions', plan: 'Gold', revenue: '$1' } }], NOW);
    expect(c).toEqual({ id: '9', billingLevel: 'high' });
  });

  it('ranks a silent, unhappy, high-billing customer with open issues first', () => {
    const candidates = outreachCandidates(
      [
        { recordId: 'calm', columns: { 'last contacted': 'Nov 28, 2026', 'open tickets': '0', plan: 'Basic', nps: '9' } },
        { recordId: 'risk', columns: { 'last contacted': 'Aug 1, 2026', 'open tickets': '2', plan: 'Enterprise', nps: '3' } },
      ],
      NOW,
    );
    expect(rankOutreach(candidates).map((r) => r.candidate.id)).toEqual(['risk', 'calm']);
  });
});
