import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LLM_FAILURE_REASONS } from '../llm/structured-chat';
import { LANES, type Admission } from './admission';

/**
 * The backend's Prometheus metrics (prom-client, one registry per server so tests and replicas
 * in one process never mix): the shared admission (by lane) and, for every capability (leads,
 * triage, draft, …), its upstream calls, failures by kind, single-flight joins, cache, clients
 * that went away and deadline fallbacks. GET /metrics renders the registry.
 */

/**
 * The failure kinds every capability reports, zero until they happen (so dashboards see the
 * series). `aborted` is not a failure: every client of the call had gone (requests_abandoned).
 */
const KNOWN_FAILURES = LLM_FAILURE_REASONS.filter((kind) => kind !== 'aborted');

/** What one capability's gateway counts; `snapshot()` is for tests and benches. */
export interface CapabilityMetrics {
  cacheHit(): void;
  cacheMiss(): void;
  joined(): void;
  upstreamCall(): void;
  /** A task outcome: its failure kind (undefined = the model's answer was used) and how long the call took. */
  upstreamDone(error: string | undefined, seconds: number): void;
  /** A request whose client went away, while it waited for a slot or while its call ran. */
  abandoned(stage: 'queued' | 'upstream'): void;
  /** A request answered with the rules at its deadline. */
  deadlineFallback(): void;
  snapshot(): CapabilityStats;
}

export interface CapabilityStats {
  cacheHits: number;
  cacheMisses: number;
  joined: number;
  upstreamCalls: number;
  upstreamErrors: Record<string, number>;
  abandoned: number;
  deadlineFallbacks: number;
}

export interface BackendMetrics {
  readonly registry: Registry;
  capability(name: string, cacheEntries: () => number): CapabilityMetrics;
  /** The Prometheus text exposition. */
  render(): Promise<string>;
}

export function createBackendMetrics(admission: Admission, options: { processMetrics?: boolean } = {}): BackendMetrics {
  const registry = new Registry();
  // Process metrics (RSS, heap, event-loop lag, GC): for the server that is really running, not
  // for every test instance (each would start its own event-loop monitor).
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const laneGauge = (name: string, help: string, read: (lane: (typeof LANES)[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['lane'],
      registers,
      collect() {
        for (const lane of LANES) this.set({ lane }, read(lane));
      },
    });
  // Monotonic counts kept by Admission, exposed as counters.
  const laneCounter = (name: string, help: string, read: (lane: (typeof LANES)[number]) => number) =>
    new Counter({
      name,
      help,
      labelNames: ['lane'],
      registers,
      collect() {
        this.reset();
        for (const lane of LANES) this.inc({ lane }, read(lane));
      },
    });
  const lanes = () => admission.stats.byLane;
  laneGauge('pulso_llm_in_flight', 'Upstream LLM calls running now.', (l) => lanes()[l].inFlight);
  laneGauge('pulso_llm_queued', 'Requests waiting for an upstream slot.', (l) => lanes()[l].queued);
  laneGauge('pulso_llm_lane_slots', 'Upstream slots a lane may hold (single requests: all of them).', (l) => admission.limits(l).slots);
  laneGauge('pulso_llm_lane_queue', 'Queue places a lane may hold.', (l) => admission.limits(l).queue);
  laneCounter('pulso_llm_admitted_total', 'Requests given an upstream slot.', (l) => lanes()[l].admitted);
  laneCounter('pulso_llm_rejected_total', 'Requests refused with 429 because their lane was full.', (l) => lanes()[l].rejected);
  laneCounter('pulso_llm_preempted_total', 'Batch rows stopped on a slot lent from the reserve because a single request needed it (they run again).', (l) => lanes()[l].preempted);
  new Gauge({ name: 'pulso_llm_max_concurrency', help: 'LLM_MAX_CONCURRENCY.', registers }).set(admission.maxConcurrency);
  new Gauge({ name: 'pulso_llm_max_queue', help: 'LLM_MAX_QUEUE.', registers }).set(admission.maxQueue);

  const byCapability = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name, help, labelNames: ['capability', ...labelNames], registers });
  const calls = byCapability('pulso_llm_upstream_calls_total', 'Calls made to the upstream LLM (a retry counts once).');
  const errors = byCapability('pulso_llm_upstream_errors_total', 'Upstream calls that ended in the rules fallback, by kind.', ['kind']);
  const joined = byCapability('pulso_llm_single_flight_joined_total', 'Requests that shared an identical call already in flight.');
  const hits = byCapability('pulso_cache_hits_total', 'Server-side result cache hits.');
  const misses = byCapability('pulso_cache_misses_total', 'Server-side result cache misses.');
  const abandoned = byCapability('pulso_requests_abandoned_total', 'Requests whose client went away before the answer (their slot or queue place was freed).', ['stage']);
  const deadlines = byCapability('pulso_deadline_fallbacks_total', 'Requests answered with the rules result because their budget ran out.');
  const upstreamSeconds = new Histogram({
    name: 'pulso_llm_upstream_seconds',
    help: 'Time an upstream task took, retry included, by outcome (llm = the answer was used).',
    labelNames: ['capability', 'outcome'],
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
    registers,
  });
  const cacheGauges = new Map<string, () => number>();
  new Gauge({
    name: 'pulso_cache_entries',
    help: 'Entries in the server-side result cache.',
    labelNames: ['capability'],
    registers,
    collect() {
      for (const [capability, size] of cacheGauges) this.set({ capability }, size());
    },
  });

  return {
    registry,
    render: () => registry.metrics(),
    capability(capability, cacheEntries) {
      cacheGauges.set(capability, cacheEntries);
      const stats: CapabilityStats = { cacheHits: 0, cacheMisses: 0, joined: 0, upstreamCalls: 0, upstreamErrors: {}, abandoned: 0, deadlineFallbacks: 0 };
      // Every series exists from the start, at zero.
      for (const c of [calls, joined, hits, misses, deadlines]) c.inc({ capability }, 0);
      for (const kind of KNOWN_FAILURES) errors.inc({ capability, kind }, 0);
      for (const stage of ['queued', 'upstream']) abandoned.inc({ capability, stage }, 0);
      return {
        cacheHit: () => (stats.cacheHits++, hits.inc({ capability })),
        cacheMiss: () => (stats.cacheMisses++, misses.inc({ capability })),
        joined: () => (stats.joined++, joined.inc({ capability })),
        upstreamCall: () => (stats.upstreamCalls++, calls.inc({ capability })),
        upstreamDone(error, seconds) {
          upstreamSeconds.observe({ capability, outcome: error ? 'fallback' : 'llm' }, seconds);
          // A call the gateway cancelled (every client gone) is counted as abandoned, not as a failure.
          if (!error || error === 'aborted') return;
          stats.upstreamErrors[error] = (stats.upstreamErrors[error] ?? 0) + 1;
          errors.inc({ capability, kind: error });
        },
        abandoned: (stage) => (stats.abandoned++, abandoned.inc({ capability, stage })),
        deadlineFallback: () => (stats.deadlineFallbacks++, deadlines.inc({ capability })),
        snapshot: () => ({ ...stats, upstreamErrors: { ...stats.upstreamErrors } }),
      };
    },
  };
}
