import { describe, expect, it } from 'vitest';
import type { PolicyArm } from '../../lib/contracts';
import { seededRandom } from '../../lib/learning/random';
import { SHOP, triage } from '../../lib/rules/drafts/test-fixtures';
import type { Store } from '../store/store';
import { createStrategySuggester } from './strategy-suggester';

/** A store whose policy is these arms (the suggester reads nothing else); counts the reads. */
function storeWith(arms: () => PolicyArm[] | Promise<PolicyArm[]>) {
  const reads = { count: 0 };
  const store = { policy: { arms: async () => (reads.count++, arms()) } } as unknown as Store;
  return { store, reads };
}

const UNHAPPY_COMPLAINT = triage({ intent: 'complaint', sentiment: -0.6, conformity: 'low' });
/** 40 events in the unhappy × complaint context: empathetic is accepted, the rest discarded. */
const LEARNED: PolicyArm[] = (['empathetic', 'technical', 'compensation', 'escalate', 'follow_up'] as const).map((strategy) => ({
  segment: 'unhappy',
  intent: 'complaint',
  strategy,
  pulls: 40,
  weight: 40,
  rewardSum: strategy === 'empathetic' ? 36 : 4,
}));

describe('the draft strategy the team policy suggests', () => {
  it('no suggestion before anything was learned: the rules strategy stands', async () => {
    const { store } = storeWith(() => []);
    expect(await createStrategySuggester(store).suggest(UNHAPPY_COMPLAINT, SHOP)).toBeUndefined();
  });

  it('Thompson sampling picks what the team accepts in that context, and still explores', async () => {
    const { store } = storeWith(() => LEARNED);
    const suggester = createStrategySuggester(store, { rng: seededRandom('suggester') });
    const picks = await Promise.all(Array.from({ length: 200 }, () => suggester.suggest(UNHAPPY_COMPLAINT, SHOP)));
    const empathetic = picks.filter((p) => p === 'empathetic').length;
    expect(empathetic).toBeGreaterThan(180);
    expect(empathetic).toBeLessThan(200);
  });

  it('never suggests compensation to a team whose policy allows none, nor anything when the triage escalates', async () => {
    const { store } = storeWith(() => LEARNED.map((arm) => ({ ...arm, rewardSum: arm.strategy === 'compensation' ? 40 : 0 })));
    const suggester = createStrategySuggester(store, { rng: seededRandom('no-coupons') });
    const stingy = { ...SHOP, replyPolicy: { ...SHOP.replyPolicy, maxCompensation: 0 } };
    for (let i = 0; i < 50; i++) expect(await suggester.suggest(UNHAPPY_COMPLAINT, stingy)).not.toBe('compensation');
    expect(await suggester.suggest({ ...UNHAPPY_COMPLAINT, escalate: true }, SHOP)).toBeUndefined();
  });

  it('reads the store once per max age, again at once after feedback was recorded', async () => {
    let clock = 0;
    const { store, reads } = storeWith(() => LEARNED);
    const suggester = createStrategySuggester(store, { now: () => clock, maxAgeMs: 1_000 });
    await Promise.all([suggester.suggest(UNHAPPY_COMPLAINT, SHOP), suggester.suggest(UNHAPPY_COMPLAINT, SHOP)]);
    expect(reads.count).toBe(1);
    clock = 999;
    await suggester.suggest(UNHAPPY_COMPLAINT, SHOP);
    expect(reads.count).toBe(1);
    suggester.invalidate();
    await suggester.suggest(UNHAPPY_COMPLAINT, SHOP);
    expect(reads.count).toBe(2);
    clock = 2_500;
    await suggester.suggest(UNHAPPY_COMPLAINT, SHOP);
    expect(reads.count).toBe(3);
  });

  it('a failing store: the last policy read, else no suggestion, with a warning', async () => {
    let fail = true;
    const warnings: string[] = [];
    const { store } = storeWith(() => {
      if (fail) throw new Error('database down');
      return LEARNED;
    });
    const suggester = createStrategySuggester(store, { maxAgeMs: 0, logger: { warn: (_o, msg) => warnings.push(msg ?? '') } });
    expect(await suggester.suggest(UNHAPPY_COMPLAINT, SHOP)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    fail = false;
    expect(await suggester.suggest(UNHAPPY_COMPLAINT, SHOP)).toBeDefined();
    fail = true;
    expect(await suggester.suggest(UNHAPPY_COMPLAINT, SHOP)).toBeDefined();
  });

  it('a store slower than the read bound does not hold the draft: no suggestion this time', async () => {
    let release!: (arms: PolicyArm[]) => void;
    const { store } = storeWith(() => new Promise<PolicyArm[]>((resolve) => (release = resolve)));
    const suggester = createStrategySuggester(store, { readTimeoutMs: 1 });
    expect(await suggester.suggest(UNHAPPY_COMPLAINT, SHOP)).toBeUndefined();
    release(LEARNED);
    // The read finished after the bound: its policy serves the next draft.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await suggester.suggest(UNHAPPY_COMPLAINT, SHOP)).toBeDefined();
  });
});
