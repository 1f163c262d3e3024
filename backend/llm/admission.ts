/**
 * Admission control in front of the upstream model server. vLLM accepts every request and
 * queues it without bound, so under load every caller waits until its timeout. Here at most
 * `maxConcurrency` calls run upstream, at most `maxQueue` wait (FIFO), and anything beyond is
 * refused at once with a Retry-After estimate — the caller can show the rules result and retry.
 */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
  constructor(readonly retryAfterSeconds: number) {
    super(`the LLM queue is full; retry after ${retryAfterSeconds} s`);
  }
}

export type Release = () => void;

export interface AdmissionStats {
  inFlight: number;
  queued: number;
  rejected: number;
  admitted: number;
}

export class Admission {
  private running = 0;
  private readonly waiting: ((release: Release) => void)[] = [];
  private rejectedCount = 0;
  private admittedCount = 0;
  /** Moving average of how long a slot is held (ms), for Retry-After. */
  private holdMs = 1_000;

  constructor(
    readonly maxConcurrency: number,
    readonly maxQueue: number,
  ) {}

  get stats(): AdmissionStats {
    return { inFlight: this.running, queued: this.waiting.length, rejected: this.rejectedCount, admitted: this.admittedCount };
  }

  /** True when a new caller would be refused right now. */
  get full(): boolean {
    return this.running >= this.maxConcurrency && this.waiting.length >= this.maxQueue;
  }

  /** Seconds until a place is likely to free up: the queue ahead drained at the observed rate. */
  retryAfterSeconds(): number {
    const rounds = (this.waiting.length + 1) / this.maxConcurrency;
    return Math.max(1, Math.min(60, Math.ceil((rounds * this.holdMs) / 1_000)));
  }

  /**
   * Takes a slot, or a place in the queue. Throws QueueFullError synchronously (no await
   * needed to know) when both are full, so a route can answer 429 before writing anything.
   */
  acquire(): Promise<Release> {
    if (this.running < this.maxConcurrency) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.maxQueue) {
      this.rejectedCount++;
      throw new QueueFullError(this.retryAfterSeconds());
    }
    return new Promise<Release>((resolve) => this.waiting.push(resolve));
  }

  private grant(): Release {
    this.running++;
    this.admittedCount++;
    const since = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holdMs = this.holdMs * 0.8 + (performance.now() - since) * 0.2;
      this.running--;
      const next = this.waiting.shift();
      if (next) next(this.grant());
    };
  }
}
