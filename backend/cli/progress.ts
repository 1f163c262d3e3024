/**
 * A progress bar with rate and ETA for batch commands, on stderr. On a terminal it redraws one
 * line (at most every 100 ms); piped, it writes a plain line at every tenth of the way, so logs
 * stay readable. The clock is injectable for tests.
 */
export interface ProgressOptions {
  /** Rows in the whole input. */
  total: number;
  /** Rows already done before this run (a resumed --out): counted as done, not in the rate. */
  already?: number;
  write: (text: string) => void;
  tty: boolean;
  label: string;
  now?: () => number;
}

export interface Progress {
  /** One more row done. */
  tick(): void;
  /** The last redraw, and a line break on a terminal. */
  finish(): void;
  readonly done: number;
  /** Rows per second in this run. */
  rate(): number;
}

const BAR = 24;

/** "0:05", "1:02:03". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function progressLine(label: string, done: number, total: number, rate: number, tty: boolean): string {
  const share = total ? done / total : 1;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
  const pct = `${Math.floor(share * 100)}%`;
  const speed = `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} rows/s`;
  if (!tty) return `${label}: ${done}/${total} rows (${pct}), ${speed}, ETA ${eta}`;
  const filled = Math.round(share * BAR);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} ${pct} · ${speed} · ETA ${eta}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const already = options.already ?? 0;
  let done = already;
  let lastDraw = -Infinity;
  let lastTenth = Math.floor((already / Math.max(1, options.total)) * 10);
  const rate = () => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? (done - already) / seconds : 0;
  };
  const draw = (force: boolean) => {
    if (options.tty) {
      const t = now();
      if (!force && t - lastDraw < 100) return;
      lastDraw = t;
      options.write(`\r${progressLine(options.label, done, options.total, rate(), true)}`);
      return;
    }
    const tenth = Math.floor((done / Math.max(1, options.total)) * 10);
    if (force || tenth > lastTenth) {
      lastTenth = tenth;
      options.write(`${progressLine(options.label, done, options.total, rate(), false)}\n`);
    }
  };
  return {
    tick() {
      done++;
      draw(done === options.total);
    },
    finish() {
      if (options.tty) {
        draw(true);
        options.write('\n');
      } else if (done !== options.total || options.total === 0) draw(true);
    },
    get done() {
      return done;
    },
    rate,
  };
}
