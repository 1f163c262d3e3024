import { describe, expect, it } from 'vitest';
import { runCliInProcess as run } from '../testing/cli-in-process';

describe('pulso simulate', () => {
  it('prints rewards, regret, the best strategy per context and the lift interval; last line "lift: X"; same output for the same seed', async () => {
    const a = await run(['simulate', '--seed', '3', '--rounds', '6', '--seeds', '2', '--per-persona', '12']);
    expect(a.code).toBe(0);
    const lines = a.out.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^lift: -?\d+\.\d{3}$/);
    expect(a.out).toMatch(/cumulative reward +policy [\d.]+ +uniform [\d.]+/);
    expect(a.out).toMatch(/regret +policy [\d.]+ +uniform [\d.]+/);
    expect(a.out).toMatch(/best strategy per context/);
    expect(a.out).toMatch(/retain +complaint +\w+/);
    expect(a.out).toMatch(/lift mean -?[\d.]+, 95% confidence interval \[-?[\d.]+, -?[\d.]+\]/);
    expect(a.out).toMatch(/over 2 seed\(s\) \(seeds 3–4\)/);
    expect((await run(['simulate', '--seed', '3', '--rounds', '6', '--seeds', '2', '--per-persona', '12'])).out).toBe(a.out);
  });

  it('rejects a bad number (exit 2, names the option)', async () => {
    const r = await run(['simulate', '--rounds', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--rounds must be a whole number/);
    expect((await run(['simulate', '--seeds', '0'])).code).toBe(2);
  });
});
