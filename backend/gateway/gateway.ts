import { LRUCache } from 'lru-cache';
import type { CompanyProfile } from '../../lib/contracts';
import type { CacheConfig } from '../config';
import type { LlmCallOptions } from '../llm/structured-chat';
import type { Admission, Lane } from './admission';
import type { BackendMetrics, CapabilityMetrics, CapabilityStats } from './metrics';

/**
 * One gateway per capability (leads, triage, draft, and what comes next), all made by
 * createGateway: everything between a route and the task that may call the LLM.
 *
 *   rules mode          → the task at once (microseconds; nothing to queue or cache);
 *   cache hit           → the cached LLM answer;
 *   same input in flight → join that call (one upstream call for all of them);
 *   else                 → a slot or a queue place in the shared Admission (its lane), or
 *                          QueueFullError → 429.
 *
 * Every request brings its deadline (epoch ms) and its abort signal. At the deadline the
 * request is answered with the rules result, whatever the upstream does. When every request
 * waiting on a call has gone (client closed the socket, or deadline passed), the call is
 * cancelled: it leaves the queue without an upstream call, or its upstream request is aborted
 * and its slot freed. Only LLM answers are cached: a fallback after an outage must not stick.
 *
 * A capability is one small file (backend/capabilities/): how to key its input, its rules
 * answer, and its task.
 */
export interface ResolvedProfile {
  profile: CompanyProfile;
  /** profileVersion(profile): part of every cache key. */
  version: string;
}

export interface Outcome<Out> {
  result: Out;
  /** Why the LLM answer was not used (a failure kind, `deadline`…); absent when it was, or in rules mode. */
  error?: string;
}

/** What a capability's task is given: the cancellation and budget of the call, the rules answer when known. */
export interface TaskContext<Out, Partial> extends LlmCallOptions {
  rules?: Out;
  /** Set when a caller wants early fields (the streaming lead route). */
  onPartial?: (partial: Partial) => void;
}

export interface Capability<In, Out, Partial = never> {
  /** The metrics label: leads, triage, draft… */
  readonly name: string;
  readonly mode: 'rules' | 'llm';
  /** Model + prompt + rules versions: part of every cache key. */
  readonly engine: string;
  /** Bounds the input before any work (hashing included): what the task may read of it. */
  normalize?(input: In): In;
  /** The cache and single-flight key of an input under a profile version. */
  key(input: In, profileVersion: string, engine: string): Promise<string>;
  /** The rules answer: the fallback at the deadline, and the preview a route may stream. */
  rules(input: In, profile: CompanyProfile): Out;
  /** The task: the LLM answer (with the rules answer on any failure), or the rules answer in rules mode. */
  run(input: In, profile: CompanyProfile, context: TaskContext<Out, Partial>): Promise<Outcome<Out>>;
}

export interface BeginOptions<Out> {
  /** Single-record requests and batch rows take different shares of the upstream (Admission). */
  lane: Lane;
  /** Epoch ms by which the answer must be back (the request's budget). */
  deadlineAt: number;
  /** Aborts when the client goes away. */
  signal?: AbortSignal;
  /** The rules answer when the caller already computed it (the streaming preview). */
  rules?: Out;
  /** Stream the upstream call so partials exist. A request joining a non-streaming call gets none. */
  wantPartial?: boolean;
  /**
   * When its lane has neither a slot nor a queue place, wait for one (until the deadline, then
   * QueueFullError) instead of being refused at once: the rows of a batch already admitted.
   */
  waitForPlace?: boolean;
}

/** The answer of a request whose client went away: nobody reads it. */
export class ClientGone extends Error {
  override name = 'ClientGone';
  constructor() {
    super('the client went away before the answer');
  }
}

export interface Run<Out, Partial> {
  /** Resolves with the answer (the rules one at the deadline); rejects with ClientGone if the client left. */
  outcome: Promise<Outcome<Out>>;
  /** How the request was served: by the rules, from the cache, by joining a call in flight, or by its own call. */
  via: 'rules' | 'cache' | 'joined' | 'upstream';
  /** The listener gets every partial the call produces until this request is answered — at once the latest one if the shared call already produced some. */
  onPartial(listener: (partial: Partial) => void): void;
}

export interface GatewayStats extends CapabilityStats {
  cacheEntries: number;
}

export interface Gateway<In, Out, Partial = never> {
  readonly name: string;
  readonly mode: 'rules' | 'llm';
  readonly engine: string;
  readonly admission: Admission;
  /** Resolves once the request is served, joined or admitted; rejects with QueueFullError when its lane is full. */
  begin(input: In, profile: ResolvedProfile, options: BeginOptions<Out>): Promise<Run<Out, Partial>>;
  /** begin, then the outcome. */
  answer(input: In, profile: ResolvedProfile, options: BeginOptions<Out>): Promise<Outcome<Out>>;
  stats(): GatewayStats;
}

/** What every gateway of a server shares: one upstream budget, one metrics registry, one cache policy. */
export interface GatewayDeps {
  admission: Admission;
  metrics: BackendMetrics;
  cache: CacheConfig;
}

/** A call in flight, shared by every request for the same key. */
interface Flight<Out, Partial> {
  key: string;
  outcome: Promise<Outcome<Out>>;
  controller: AbortController;
  /** Requests still waiting for this call. */
  waiting: number;
  started: boolean;
  settled: boolean;
  partial?: Partial;
  listeners: Set<(partial: Partial) => void>;
}

const noPartials = () => {};

export function createGateway<In, Out extends object, Partial = never>(capability: Capability<In, Out, Partial>, deps: GatewayDeps): Gateway<In, Out, Partial> {
  const { admission } = deps;
  const cache = new LRUCache<string, Out>({ max: deps.cache.maxEntries, ttl: Math.max(1, deps.cache.ttlMs) });
  const caching = deps.cache.ttlMs > 0;
  const metrics: CapabilityMetrics = deps.metrics.capability(capability.name, () => cache.size);
  const inFlight = new Map<string, Flight<Out, Partial>>();

  function startFlight(key: string, input: In, profile: CompanyProfile, options: BeginOptions<Out>): Flight<Out, Partial> {
    const controller = new AbortController();
    // A batch row may run on a slot lent from the single requests' reserve; if a rep needs it
    // back, the row's attempt is aborted and it asks again, first in the batch queue.
    let preemptAttempt: (() => void) | undefined;
    const onPreempt = options.lane === 'batch' ? () => preemptAttempt?.() : undefined;
    // Throws QueueFullError synchronously: nothing is registered yet.
    let slot = admission.acquire(options.lane, { signal: controller.signal, onPreempt });
    const flight: Flight<Out, Partial> = { key, outcome: undefined as never, controller, waiting: 0, started: false, settled: false, listeners: new Set() };
    // Every partial reaches every request still waiting (a campaign streams several steps); a
    // request that joins later gets the latest one at once, then the rest.
    const broadcast = (partial: Partial) => {
      flight.partial = partial;
      for (const listener of flight.listeners) listener(partial);
    };
    flight.outcome = (async (): Promise<Outcome<Out>> => {
      for (;;) {
        let release;
        try {
          release = await slot;
        } catch {
          // Everyone waiting left while the call was queued: no upstream call at all.
          return { result: options.rules ?? capability.rules(input, profile), error: 'aborted' };
        }
        flight.started = true;
        const started = performance.now();
        // This attempt ends with the call (everyone left) or when its lent slot is taken back.
        const attempt = new AbortController();
        const endAttempt = () => attempt.abort(controller.signal.reason);
        controller.signal.addEventListener('abort', endAttempt, { once: true });
        let preempted = false;
        preemptAttempt = () => {
          preempted = true;
          attempt.abort(new Error('preempted'));
        };
        try {
          metrics.upstreamCall();
          const outcome = await capability
            .run(input, profile, {
              signal: attempt.signal,
              deadlineAt: options.deadlineAt,
              rules: options.rules,
              onPartial: options.wantPartial ? broadcast : undefined,
            })
            .catch((err: unknown) => {
              if (preempted) return undefined;
              throw err;
            });
          // An answer that made it before the slot was taken back is kept.
          if (preempted && (!outcome || outcome.error) && !controller.signal.aborted) {
            slot = admission.acquire(options.lane, { signal: controller.signal, onPreempt, resume: true });
            continue;
          }
          if (!outcome) return { result: options.rules ?? capability.rules(input, profile), error: 'aborted' };
          metrics.upstreamDone(outcome.error, (performance.now() - started) / 1_000);
          if (caching && !outcome.error && (outcome.result as { source?: string }).source === 'llm') cache.set(key, outcome.result);
          return outcome;
        } finally {
          preemptAttempt = undefined;
          controller.signal.removeEventListener('abort', endAttempt);
          release();
        }
      }
    })().finally(() => {
      flight.settled = true;
      if (inFlight.get(key) === flight) inFlight.delete(key);
    });
    inFlight.set(key, flight);
    return flight;
  }

  /** One request's view of a flight: its own deadline and its own client. */
  function join(flight: Flight<Out, Partial>, via: Run<Out, Partial>['via'], rules: () => Out, options: BeginOptions<Out>): Run<Out, Partial> {
    flight.waiting++;
    let done = false;
    const outcome = new Promise<Outcome<Out>>((resolve, reject) => {
      const finish = () => {
        done = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        flight.waiting--;
      };
      /** This request stops waiting; the call is cancelled when nobody waits for it any more. */
      const leave = (reason: string) => {
        finish();
        if (flight.waiting > 0 || flight.settled) return;
        // A request arriving now must start its own call, not join the cancelled one.
        if (inFlight.get(flight.key) === flight) inFlight.delete(flight.key);
        flight.controller.abort(new Error(reason));
      };
      const onAbort = () => {
        if (done) return;
        metrics.abandoned(flight.started ? 'upstream' : 'queued');
        leave('aborted');
        reject(new ClientGone());
      };
      const timer = setTimeout(() => {
        if (done) return;
        metrics.deadlineFallback();
        leave('deadline');
        resolve({ result: rules(), error: 'deadline' });
      }, Math.max(0, options.deadlineAt - Date.now()));
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      flight.outcome.then(
        (o) => {
          if (done) return;
          finish();
          resolve(o);
        },
        (err: unknown) => {
          if (done) return;
          finish();
          reject(err);
        },
      );
    });
    return {
      outcome,
      via,
      onPartial(listener) {
        const live = (p: Partial) => {
          if (!done) listener(p);
        };
        if (flight.partial !== undefined) live(flight.partial);
        flight.listeners.add(live);
      },
    };
  }

  async function begin(raw: In, { profile, version }: ResolvedProfile, options: BeginOptions<Out>): Promise<Run<Out, Partial>> {
    const input = capability.normalize ? capability.normalize(raw) : raw;
    let rules = options.rules;
    const rulesOf = () => (rules ??= capability.rules(input, profile));
    if (capability.mode === 'rules') {
      return { outcome: capability.run(input, profile, { rules }), via: 'rules', onPartial: noPartials };
    }
    const key = await capability.key(input, version, capability.engine);
    const cached = caching ? cache.get(key) : undefined;
    if (cached) {
      metrics.cacheHit();
      return { outcome: Promise.resolve({ result: cached }), via: 'cache', onPartial: noPartials };
    }
    metrics.cacheMiss();
    for (;;) {
      const existing = inFlight.get(key);
      if (existing) {
        metrics.joined();
        return join(existing, 'joined', rulesOf, options);
      }
      const preemptible = options.lane === 'batch';
      if (!options.waitForPlace || !admission.full(options.lane, preemptible)) return join(startFlight(key, input, profile, options), 'upstream', rulesOf, options);
      const left = Math.max(0, Math.ceil(options.deadlineAt - Date.now()));
      const placed = await admission
        .waitForPlace(options.lane, options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(left)]) : AbortSignal.timeout(left), preemptible)
        .then(
          () => true,
          () => false,
        );
      if (options.signal?.aborted) throw new ClientGone();
      if (!placed) throw admission.refuse(options.lane);
      // The same input may have started meanwhile: join it rather than call twice.
      const cachedNow = caching ? cache.get(key) : undefined;
      if (cachedNow) return { outcome: Promise.resolve({ result: cachedNow }), via: 'cache', onPartial: noPartials };
    }
  }

  return {
    name: capability.name,
    mode: capability.mode,
    engine: capability.engine,
    admission,
    begin,
    async answer(input, profile, options) {
      return (await begin(input, profile, options)).outcome;
    },
    stats: () => ({ ...metrics.snapshot(), cacheEntries: cache.size }),
  };
}
