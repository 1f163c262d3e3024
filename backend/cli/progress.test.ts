import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine } from './progress';

describe('batch progress', () => {
  it('formats the bar, the rate and the ETA', () => {
    expect(progressLine('p', 50, 200, 25, true)).toBe('p [######------------------] 50/200 25% · 25.0 rows/s · ETA 0:06');
    expect(progressLine('p', 50, 200, 250, false)).toBe('p: 50/200 rows (25%), 250 rows/s, ETA 0:01');
    expect(progressLine('p', 0, 10, 0, false)).toBe('p: 0/10 rows (0%), 0.0 rows/s, ETA ?');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('on a terminal redraws one line at most every 100 ms, and always the last', () => {
    let clock = 0;
    const out: string[] = [];
    const p = createProgress({ total: 5, write: (t) => out.push(t), tty: true, label: 'p', now: () => clock });
    for (let i = 0; i < 5; i++) {
      clock += 30;
      p.tick();
    }
    p.finish();
    expect(out.filter((t) => t.startsWith('\r')).length).toBeLessThanOrEqual(4);
    expect(out.at(-2)).toMatch(/^\rp \[#+\] 5\/5 100%/);
    expect(out.at(-1)).toBe('\n');
  });

  it('piped, writes a line per tenth; a resumed run counts the rows already done but not in its rate', () => {
    let clock = 0;
    const out: string[] = [];
    const p = createProgress({ total: 100, already: 60, write: (t) => out.push(t), tty: false, label: 'p', now: () => clock });
    for (let i = 0; i < 40; i++) {
      clock += 10;
      p.tick();
    }
    p.finish();
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('p: 70/100 rows (70%), 100 rows/s, ETA 0:00\n');
    expect(out.at(-1)).toMatch(/^p: 100\/100 rows \(100%\)/);
  });
});
