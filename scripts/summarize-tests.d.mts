export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  flaky: string[];
  bodies: Set<string>;
  failures: string[];
}
export function emptyTally(): Tally;
export function addVitest(tally: Tally, report: unknown): void;
export function addPlaywright(tally: Tally, report: unknown): void;
export function summarize(files: string[]): { tally: Tally; text: string };
