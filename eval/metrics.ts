/** Pure metric functions of the evaluation (tested in eval.test.ts on hand-made examples). */

export const STAGE_ORDER = ['SQL', 'MQL', 'Nurture', 'Review', 'Disqualified'] as const;
export type StageLabel = (typeof STAGE_ORDER)[number];
export type PriorityLabel = 'P1' | 'P2' | 'P3' | 'P4';

export const STAGE_RANK: Record<StageLabel, number> = { SQL: 4, MQL: 3, Nurture: 2, Review: 1, Disqualified: 0 };
export const PRIORITY_RANK: Record<PriorityLabel, number> = { P1: 3, P2: 2, P3: 1, P4: 0 };

/** Hot lead (issue 3): SQL or P1. */
export function isHot(r: { stage: string; priority: string }): boolean {
  return r.stage === 'SQL' || r.priority === 'P1';
}

export interface Binary {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** null when nothing was predicted positive (undefined precision). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function binaryMetrics(pairs: ReadonlyArray<{ expected: boolean; predicted: boolean }>): Binary {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { expected, predicted } of pairs) {
    if (predicted && expected) tp++;
    else if (predicted) fp++;
    else if (expected) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export function accuracy<T>(pairs: ReadonlyArray<{ expected: T; predicted: T }>): number | null {
  if (pairs.length === 0) return null;
  return pairs.filter((p) => p.expected === p.predicted).length / pairs.length;
}

/** matrix[expected][predicted] counts over `labels` (rows = expected). */
export function confusion(pairs: ReadonlyArray<{ expected: string; predicted: string }>, labels: readonly string[]): number[][] {
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const { expected, predicted } of pairs) {
    const row = index.get(expected);
    const col = index.get(predicted);
    if (row === undefined || col === undefined) continue;
    matrix[row]![col]!++;
  }
  return matrix;
}

export function formatConfusion(matrix: number[][], labels: readonly string[]): string {
  const width = Math.max(12, ...labels.map((l) => l.length + 2));
  const head = `${'expected \\ predicted'.padEnd(22)}${labels.map((l) => l.padStart(width)).join('')}`;
  const rows = matrix.map((row, i) => `${(labels[i] ?? '').padEnd(22)}${row.map((n) => String(n).padStart(width)).join('')}`);
  return [head, ...rows].join('\n');
}

export const pct = (x: number | null): string => (x === null ? 'n/a' : `${(100 * x).toFixed(1)} %`);

/** True when `a` ranks the lead strictly above `b` (stage first, then priority). */
export function rankedAbove(a: { stage: string; priority: string }, b: { stage: string; priority: string }): boolean {
  const sa = STAGE_RANK[a.stage as StageLabel] ?? 0;
  const sb = STAGE_RANK[b.stage as StageLabel] ?? 0;
  const pa = PRIORITY_RANK[a.priority as PriorityLabel] ?? 0;
  const pb = PRIORITY_RANK[b.priority as PriorityLabel] ?? 0;
  return sa > sb || pa > pb;
}
