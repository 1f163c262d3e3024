/** One rule's contribution to a score, for the rationale: `key` names the rule (see phrases.ts), `detail` the evidence. */
export interface Contribution {
  key: string;
  detail: string;
  points: number;
}

export interface ScoreResult {
  score: number;
  contributions: Contribution[];
}

export const clampScore = (n: number): number => Math.max(0, Math.min(100, Math.round(Number.isFinite(n) ? n : 0)));
