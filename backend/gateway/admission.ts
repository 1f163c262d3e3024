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
 * The reserve is lent, not left idle: a batch row that can be preempted (it gives `onPreempt`)
 * may run on a reserved slot while no single request wants one. When a single request finds
 * every slot taken, the most recently granted lent slot is taken back at once — its holder is
 * told to stop (its upstream call is aborted) and asks again with `resume`, ahead of the batch
 * queue — so the rep still never waits behind a batch, and an idle reserve still does work.
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
  /** Lent slots taken back for a single request (batch lane only). */
  preempted: number;
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
  /** Set when the waiter may run on a lent slot (and be preempted there). */
  onPreempt?: () => void;
  grant: (release: Release) => void;
}

/** A batch slot being held, so a lent one can be taken back. */
interface Held {
  onPreempt?: () => void;
  revoke: () => void;
}

export interface AcquireOptions {
  signal?: AbortSignal;
  /**
   * The holder can stop when asked (batch rows): it may then run on a reserved slot while no
   * single request wants it, and is called, once, if that slot is taken back — the slot is
   * already free by then; the holder asks again with `resume`.
   */
  onPreempt?: () => void;
  /** A preempted holder asking again: queued first in its lane, past the queue bound (it held a slot a moment ago). */
  resume?: boolean;
}

/** A quarter, at least one, and never all of it (a lane with nothing could never run). */
export function defaultReserve(total: number): number {
  return total <= 1 ? 0 : Math.min(total - 1, Math.max(1, Math.floor(total / 4)));
}

const emptyLane = (): LaneStats => ({ inFlight: 0, queued: 0, rejected: 0, admitted: 0, preempted: 0 });

export class Admission {
  readonly maxConcurrency: number;
  readonly maxQueue: number;
  readonly reserved: { slots: number; queue: number };
  private readonly lanes: Record<Lane, LaneStats> = { interactive: emptyLane(), batch: emptyLane() };
  private readonly waiting: Record<Lane, Waiter[]> = { interactive: [], batch: [] };
  /** Batch slots held, in the order they were granted (the newest lent one is taken back first). */
  private readonly heldBatch: Held[] = [];
  /** Callers waiting for a lane to have a slot or a queue place again (waitForPlace). */
  private readonly placeWaiters: { lane: Lane; preemptible: boolean; wake: () => void }[] = [];
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
    return { inFlight: sum('inFlight'), queued: sum('queued'), rejected: sum('rejected'), admitted: sum('admitted'), preempted: sum('preempted'), byLane };
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

  /** `borrow`: a preemptible batch row, which may run on a reserved slot while no single request waits. */
  private canRun(lane: Lane, borrow = false): boolean {
    if (this.running >= this.maxConcurrency) return false;
    if (this.lanes[lane].inFlight < this.limits(lane).slots) return true;
    return lane === 'batch' && borrow && this.waiting.interactive.length === 0;
  }

  private canQueue(lane: Lane): boolean {
    return this.queued < this.maxQueue && this.lanes[lane].queued < this.limits(lane).queue;
  }

  /** True when a new caller of this lane would be refused right now (`preemptible`: one that gives onPreempt). */
  full(lane: Lane = 'interactive', preemptible = false): boolean {
    return !this.canRun(lane, preemptible) && !this.canQueue(lane);
  }

  /**
   * True when a batch arriving now should be refused as a whole: the lane has neither a slot
   * nor a queue place, and the rows of batches already admitted waiting for one (waitForPlace)
   * are as many as the lane's queue. A batch's budget (25 s) is about twice a single request's
   * (15 s), which LLM_MAX_QUEUE is sized to (two rounds): so a second line as long as the queue
   * can still start in time, and a longer one could not.
   */
  batchLineFull(): boolean {
    return this.full('batch', true) && this.placeWaiters.filter((entry) => entry.lane === 'batch').length >= this.limits('batch').queue;
  }

  /**
   * Resolves when the lane has a slot or a queue place again (or at once if it has one), for a
   * caller that would rather wait than be refused: the rows of a batch already admitted. Not a
   * reservation — acquire may still refuse if another caller took the place first. Rejects with
   * the signal's reason when it aborts.
   */
  waitForPlace(lane: Lane, signal?: AbortSignal, preemptible = false): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.full(lane, preemptible)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const entry = {
        lane,
        preemptible,
        wake: () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        },
      };
      const leave = () => {
        const at = this.placeWaiters.indexOf(entry);
        if (at >= 0) this.placeWaiters.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.placeWaiters.push(entry);
    });
  }

  /** Counts a caller of this lane refused before it asked for a place (a batch refused as a whole), and says when to retry. */
  refuse(lane: Lane): QueueFullError {
    this.lanes[lane].rejected++;
    return new QueueFullError(this.retryAfterSeconds());
  }

  /** Seconds until a place is likely to free up: the queue ahead drained at the observed rate. */
  retryAfterSeconds(): number {
    const rounds = (this.queued + this.placeWaiters.length + 1) / this.maxConcurrency;
    return Math.max(1, Math.min(60, Math.ceil((rounds * this.holdMs) / 1_000)));
  }

  /**
   * Takes a slot, or a place in the queue. Throws QueueFullError synchronously (no await
   * needed to know) when the lane has neither, so a route can answer 429 before writing
   * anything. Rejects with the signal's reason if it aborts while waiting.
   */
  acquire(lane: Lane = 'interactive', signalOrOptions?: AbortSignal | AcquireOptions): Promise<Release> {
    const { signal, onPreempt, resume = false }: AcquireOptions = signalOrOptions instanceof AbortSignal ? { signal: signalOrOptions } : (signalOrOptions ?? {});
    if (signal?.aborted) return Promise.reject(signal.reason);
    // A rep finding every slot taken gets a lent one back at once.
    if (lane === 'interactive' && !this.canRun('interactive')) this.takeBackLentSlot();
    const borrow = onPreempt !== undefined;
    if (this.canRun(lane, borrow) && this.waiting.interactive.length === 0 && (lane === 'interactive' || this.waiting.batch.length === 0)) {
      return Promise.resolve(this.grant(lane, onPreempt));
    }
    if (!resume && !this.canQueue(lane)) throw this.refuse(lane);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        onPreempt,
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
        this.wakePlaceWaiters();
      };
      signal?.addEventListener('abort', leave, { once: true });
      if (resume) this.waiting[lane].unshift(waiter);
      else this.waiting[lane].push(waiter);
      this.lanes[lane].queued++;
    });
  }

  private grant(lane: Lane, onPreempt?: () => void): Release {
    this.lanes[lane].inFlight++;
    this.lanes[lane].admitted++;
    const since = performance.now();
    let released = false;
    const free = (held: boolean) => {
      if (released) return false;
      released = true;
      if (held) this.holdMs = this.holdMs * 0.8 + (performance.now() - since) * 0.2;
      this.lanes[lane].inFlight--;
      const at = this.heldBatch.indexOf(entry);
      if (at >= 0) this.heldBatch.splice(at, 1);
      return true;
    };
    const entry: Held = { onPreempt, revoke: () => free(false) };
    if (lane === 'batch') this.heldBatch.push(entry);
    return () => {
      if (free(true)) this.next();
    };
  }

  /** Frees the newest preemptible batch slot held beyond the batch share, and tells its holder. */
  private takeBackLentSlot(): void {
    if (this.lanes.batch.inFlight <= this.limits('batch').slots) return;
    for (let i = this.heldBatch.length - 1; i >= 0; i--) {
      const held = this.heldBatch[i]!;
      if (!held.onPreempt) continue;
      held.revoke();
      this.lanes.batch.preempted++;
      held.onPreempt();
      return;
    }
  }

  /** Hands free slots to waiters: single requests first, then batch rows within their share (or on a lent slot). */
  private next(): void {
    for (const lane of LANES) {
      const queue = this.waiting[lane];
      while (queue.length > 0 && this.canRun(lane, queue[0]!.onPreempt !== undefined)) {
        const waiter = queue.shift()!;
        this.lanes[lane].queued--;
        waiter.grant(this.grant(lane, waiter.onPreempt));
      }
    }
    this.wakePlaceWaiters();
  }

  private wakePlaceWaiters(): void {
    for (let i = 0; i < this.placeWaiters.length; ) {
      const entry = this.placeWaiters[i]!;
      if (this.full(entry.lane, entry.preemptible)) i++;
      else {
        this.placeWaiters.splice(i, 1);
        entry.wake();
      }
    }
  }
}
