import { describe, expect, it } from 'vitest';
import { beta, gamma, seededRandom } from './random';

const draws = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('seeded random source', () => {
  it('repeats itself for the same seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xa = draws(5, () => a.next());
    expect(draws(5, () => b.next())).toEqual(xa);
    expect(draws(5, () => c.next())).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });
  it('has the right moments for Gamma and Beta draws (shapes below and above 1)', () => {
    const rng = seededRandom('moments');
    expect(mean(draws(20_000, () => gamma(rng, 0.5)))).toBeCloseTo(0.5, 1);
    expect(mean(draws(20_000, () => gamma(rng, 4)))).toBeCloseTo(4, 1);
    expect(mean(draws(20_000, () => beta(rng, 2, 6)))).toBeCloseTo(0.25, 2);
    expect(mean(draws(20_000, () => beta(rng, 0.5, 0.5)))).toBeCloseTo(0.5, 1);
  });
});
