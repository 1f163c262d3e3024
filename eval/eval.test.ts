import { describe, expect, it } from 'vitest';
import { LeadSchema, STAGES } from '../lib/contracts';
import { HOLDOUT_PATH, loadLabeledLeads, loadProfile } from './dataset';
import { accuracy, binaryMetrics, confusion, isHot, rankedAbove } from './metrics';

describe('eval dataset (eval/leads.jsonl)', () => {
  const leads = loadLabeledLeads();
  it('has at least 80 leads, unique ids, both languages', () => {
    expect(leads.length).toBeGreaterThanOrEqual(80);
    expect(new Set(leads.map((l) => l.id)).size).toBe(leads.length);
    expect(leads.filter((l) => l.lang === 'es').length).toBeGreaterThanOrEqual(30);
    expect(leads.filter((l) => l.lang === 'en').length).toBeGreaterThanOrEqual(30);
  });
  it('every lead (and every clean twin) parses against LeadSchema', () => {
    for (const l of leads) {
      expect(LeadSchema.safeParse(l.lead).success, l.id).toBe(true);
      if (l.clean) expect(LeadSchema.safeParse(l.clean).success, l.id).toBe(true);
    }
  });
  it('every stage and priority appears; the required edge cases are present', () => {
    for (const s of STAGES) expect(leads.some((l) => l.expected.stage === s), s).toBe(true);
    for (const p of ['P1', 'P2', 'P3', 'P4']) expect(leads.some((l) => l.expected.priority === p), p).toBe(true);
    for (const tag of ['injection', 'free-mail-dm', 'urgent-off-profile', 'missing', 'benign-lookalike']) {
      expect(leads.some((l) => l.tags.includes(tag)), tag).toBe(true);
    }
    expect(leads.filter((l) => l.tags.includes('injection')).every((l) => l.clean)).toBe(true);
  });
  it('the profile parses', () => {
    expect(loadProfile().services.length).toBeGreaterThan(0);
  });
});

describe('held-out set (eval/holdout.jsonl, eval/HOLDOUT.md)', () => {
  const holdout = loadLabeledLeads(HOLDOUT_PATH);
  it('48 leads (24 es, 24 en), unique ids not shared with the main set, every stage at least 7 times', () => {
    expect(holdout.length).toBe(48);
    expect(holdout.filter((l) => l.lang === 'es').length).toBe(24);
    expect(holdout.filter((l) => l.lang === 'en').length).toBe(24);
    const mainIds = new Set(loadLabeledLeads().map((l) => l.id));
    expect(new Set(holdout.map((l) => l.id)).size).toBe(holdout.length);
    expect(holdout.filter((l) => mainIds.has(l.id))).toEqual([]);
    for (const s of STAGES) expect(holdout.filter((l) => l.expected.stage === s).length, s).toBeGreaterThanOrEqual(7);
  });
  it('every lead and clean twin parses; 6 injections, each with a clean twin', () => {
    for (const l of holdout) {
      expect(LeadSchema.safeParse(l.lead).success, l.id).toBe(true);
      if (l.clean) expect(LeadSchema.safeParse(l.clean).success, l.id).toBe(true);
    }
    const inj = holdout.filter((l) => l.tags.includes('injection'));
    expect(inj.length).toBe(6);
    expect(inj.every((l) => l.clean)).toBe(true);
  });
});

describe('eval metrics on a hand-made example', () => {
  // expected hot: A, B, C; predicted hot: A, B, D  → tp 2, fp 1, fn 1, tn 1
  const pairs = [
    { expected: true, predicted: true },
    { expected: true, predicted: true },
    { expected: true, predicted: false },
    { expected: false, predicted: true },
    { expected: false, predicted: false },
  ];
  it('precision, recall, F1', () => {
    const m = binaryMetrics(pairs);
    expect(m).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(binaryMetrics([{ expected: true, predicted: false }]).precision).toBeNull();
  });
  it('confusion matrix rows = expected, columns = predicted; accuracy', () => {
    const p = [
      { expected: 'SQL', predicted: 'SQL' },
      { expected: 'SQL', predicted: 'MQL' },
      { expected: 'MQL', predicted: 'MQL' },
      { expected: 'Review', predicted: 'Disqualified' },
    ];
    expect(confusion(p, ['SQL', 'MQL', 'Review', 'Disqualified'])).toEqual([
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(accuracy(p)).toBe(0.5);
    expect(accuracy([])).toBeNull();
  });
  it('hot = SQL or P1; ranked above compares stage and priority', () => {
    expect(isHot({ stage: 'MQL', priority: 'P1' })).toBe(true);
    expect(isHot({ stage: 'SQL', priority: 'P2' })).toBe(true);
    expect(isHot({ stage: 'MQL', priority: 'P2' })).toBe(false);
    expect(rankedAbove({ stage: 'MQL', priority: 'P3' }, { stage: 'Nurture', priority: 'P3' })).toBe(true);
    expect(rankedAbove({ stage: 'Nurture', priority: 'P2' }, { stage: 'Nurture', priority: 'P4' })).toBe(true);
    expect(rankedAbove({ stage: 'Nurture', priority: 'P4' }, { stage: 'Nurture', priority: 'P4' })).toBe(false);
  });
});
