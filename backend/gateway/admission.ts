/**
 * Admission control in front of the upstream model server. vLLM accepts every request and
 * queues it without bound, so under load every caller waits until its timeout. Here at most
 * `maxConcurrency` calls run upstream, at most `maxQueue` wait, and anything beyond is refused
 * at once with a Retry-After estimate — the caller can show the rules result and retry.
 *
 * Two lanes share the slots. Batch rows may take all but `reserved.slots` slots and all but
 * `reserved.queue` queue places; single-record requests (a rep opening a record) may take
 * everything, and a freed slot goes to a waiting single request first. So five 100-lead batches
 * cannot fill the backend against the rep who opens one record (issue 9, D5).
 *
 * A waiter whose signal aborts (its client went away, or its budget ran out) leaves the queue
 * at once and never takes a slot.
 */
export type Lane = 'interactive' | 'batch';
export const LANES: readonly Lane[] = ['interactive', 'batch'];

export class QueueFullError extends Error {
  override name = 'QueueFullError';
  constructor(readonly retryAfterSeconds: number) {
    super(`the LLM queue is full; retry after ${retryAfterSeconds} s`);
  }
}

export type Release = () => void;

export interface LaneStats {
  inFlight: number;
  queued: number;
  rejected: number;
  admitted: number;
}

export interface AdmissionStats extends LaneStats {
  byLane: Record<Lane, LaneStats>;
}

export interface AdmissionLimits {
  maxConcurrency: number;
  maxQueue: number;
  /** Kept for single-record requests; default a quarter of each (none when there is only one). */
  reserved?: { slots: number; queue: number };
}

interface Waiter {
  lane: Lane;
  grant: (release: Release) => void;
}

/** A quarter, at least one, and never all of it (a lane with nothing could never run). */
export function defaultReserve(total: number): number {
  return total <= 1 ? 0 : Math.min(total - 1, Math.max(1, Math.floor(total / 4)));
}

const emptyLane = (): LaneStats => ({ inFlight: 0, queued: 0, rejected: 0, admitted: 0 });

export class Admission {
  readonly maxConcurrency: number;
  readonly maxQueue: number;
  readonly reserved: { slots: number; queue: number };
  private readonly lanes: Record<Lane, LaneStats> = { interactive: emptyLane(), batch: emptyLane() };
  private readonly waiting: Record<Lane, Waiter[]> = { interactive: [], batch: [] };
  /** Moving average of how long a slot is held (ms), for Retry-After. */
  private holdMs = 1_000;

  constructor(limits: AdmissionLimits) {
    this.maxConcurrency = limits.maxConcurrency;
    this.maxQueue = limits.maxQueue;
    this.reserved = limits.reserved ?? { slots: defaultReserve(limits.maxConcurrency), queue: defaultReserve(limits.maxQueue) };
  }

  get stats(): AdmissionStats {
    const byLane = { interactive: { ...this.lanes.interactive }, batch: { ...this.lanes.batch } };
    const sum = (k: keyof LaneStats) => byLane.interactive[k] + byLane.batch[k];
    return { inFlight: sum('inFlight'), queued: sum('queued'), rejected: sum('rejected'), admitted: sum('admitted'), byLane };
  }

  private get running(): number {
    return this.lanes.interactive.inFlight + this.lanes.batch.inFlight;
  }

  private get queued(): number {
    return this.lanes.interactive.queued + this.lanes.batch.queued;
  }

  /** The slots and queue places a lane may hold. */
  limits(lane: Lane): { slots: number; queue: number } {
    return lane === 'interactive'
      ? { slots: this.maxConcurrency, queue: this.maxQueue }
      : { slots: this.maxConcurrency - this.reserved.slots, queue: this.maxQueue - this.reserved.queue };
  }

  private canRun(lane: Lane): boolean {
    return this.running < this.maxConcurrency && this.lanes[lane].inFlight < this.limits(lane).slots;
  }

  private canQueue(lane: Lane): boolean {
    return this.queued < this.maxQueue && this.lanes[lane].queued < this.limits(lane).queue;
  }

  /** True when a new caller of this lane would be refused right now. */
  full(lane: Lane = 'interactive'): boolean {
    return !this.canRun(lane) && !this.canQueue(lane);
  }

  /** Counts a caller of this lane refused before it asked for a place (a batch refused as a whole), and says when to retry. */
  refuse(lane: Lane): QueueFullError {
    this.lanes[lane].rejected++;
    return new QueueFullError(this.retryAfterSeconds());
  }

  /** Seconds until a place is likely to free up: the queue ahead drained at the observed rate. */
  retryAfterSeconds(): number {
    const rounds = (this.queued + 1) / this.maxConcurrency;
    return Math.max(1, Math.min(60, Math.ceil((rounds * this.holdMs) / 1_000)));
  }

  /**
   * Takes a slot, or a place in the queue. Throws QueueFullError synchronously (no await
   * needed to know) when the lane has neither, so a route can answer 429 before writing
   * anything. Rejects with the signal's reason if it aborts while waiting.
   */
  acquire(lane: Lane = 'interactive', signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.canRun(lane) && this.waiting.interactive.length === 0 && (lane === 'interactive' || this.waiting.batch.length === 0)) {
      return Promise.resolve(this.grant(lane));
    }
    if (!this.canQueue(lane)) throw this.refuse(lane);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        grant: (release) => {
          signal?.removeEventListener('abort', leave);
          resolve(release);
        },
      };
      const leave = () => {
        const queue = this.waiting[lane];
        const at = queue.indexOf(waiter);
        if (at < 0) return;
        queue.splice(at, 1);
        this.lanes[lane].queued--;
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting[lane].push(waiter);
      this.lanes[lane].queued++;
    });
  }

  private grant(lane: Lane): Release {
    this.lanes[lane].inFlight++;
    this.lanes[lane].admitted++;
    const since = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holdMs = this.holdMs * 0.8 + (performance.now() - since) * 0.2;
      this.lanes[lane].inFlight--;
      this.next();
    };
  }

  /** Hands free slots to waiters: single requests first, then batch rows within their share. */
  private next(): void {
    for (const lane of LANES) {
      const queue = this.waiting[lane];
      while (queue.length > 0 && this.canRun(lane)) {
        const waiter = queue.shift()!;
        this.lanes[lane].queued--;
        waiter.grant(this.grant(lane));
      }
    }
  }
}
