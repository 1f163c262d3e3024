import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile } from './beta-distribution';

describe('Beta distribution', () => {
  it('Beta(1, 1) is uniform', () => {
    for (const x of [0.1, 0.37, 0.9]) expect(betaCdf(x, 1, 1)).toBeCloseTo(x, 9);
    expect(betaQuantile(0.05, 1, 1)).toBeCloseTo(0.05, 9);
  });
  it('matches closed forms: Beta(a, 1) has CDF xᵃ, Beta(1, b) has 1 − (1 − x)ᵇ', () => {
    expect(betaCdf(0.5, 3, 1)).toBeCloseTo(0.125, 9);
    expect(betaCdf(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 9);
    expect(betaQuantile(0.5, 2, 1)).toBeCloseTo(Math.SQRT1_2, 8);
  });
  it('is symmetric for a = b, and the quantile inverts the CDF', () => {
    expect(betaCdf(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 9);
    for (const [a, b] of [[2.5, 40], [120, 80], [0.6, 0.9]] as const) {
      for (const p of [0.05, 0.5, 0.95]) expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 8);
    }
  });
});
