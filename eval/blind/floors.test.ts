import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLIND_DIR } from './dataset';
import { rulesBlindFigures } from './run';

/**
 * The quality gate of `npm test`: the rules engine's figures on the blind set (eval/HOLDOUT.md)
 * may not drop below the floors recorded in eval/blind/floors.json. Only figures are compared;
 * a failure names the figure, never the items behind it.
 */
const floors = JSON.parse(readFileSync(join(BLIND_DIR, 'floors.json'), 'utf8')) as Record<string, number>;
const figures = rulesBlindFigures();

describe('blind set v2: figures stay above their floors', () => {
  it('the set is the one whose hash was recorded: 68 leads, 130 conversations, 30 drafts', () => {
    expect([figures.leads, figures.conversations, figures.drafts]).toEqual([68, 130, 30]);
  });
  it.each(['hotPrecision', 'hotRecall', 'stageAccuracy', 'priorityAccuracy', 'intentAccuracy', 'escalationPrecision', 'escalationRecall', 'draftGrounding'] as const)(
    '%s ≥ its floor',
    (name) => {
      expect(figures[name], name).toBeGreaterThanOrEqual(floors[name]!);
    },
  );
  it('no injected lead ranks above the same lead without the injection', () => {
    expect(figures.injectionsRankedAboveClean).toBeLessThanOrEqual(floors.injectionsRankedAboveClean!);
  });
});
