import type { CompanyProfile, Lead, LeadClassification } from '../../lib/contracts';
import { leadCacheKey } from '../../lib/cache-key';
import { classifyLeadByRules } from '../../lib/rules/index';
import type { AdmissionConfig, CacheConfig } from '../config';
import { Admission, type AdmissionStats } from './admission';
import type { ClassifyOutcome, LeadClassifier, LeadPartial } from './lead-classifier';
import { TtlLru } from './result-cache';

/**
 * Everything between a route and the classifier: the result cache, single-flight and the
 * admission queue. Rules mode goes straight to the rules engine (microseconds; nothing to
 * queue or cache). In LLM mode, per request:
 *   cache hit → the cached result;
 *   the same lead+profile+engine already in flight → join it (one upstream call for all);
 *   else take an upstream slot or a queue place — or QueueFullError → 429.
 * Only LLM results are cached: a rules fallback after an outage must not stick for minutes.
 */
export interface LeadRun {
  outcome: Promise<ClassifyOutcome>;
  /** How the request was served: from the cache, by joining a call in flight, or by its own call. */
  via: 'rules' | 'cache' | 'joined' | 'upstream';
  /** The listener gets the partial once (at once if the shared call already produced it). */
  onPartial(listener: (partial: LeadPartial) => void): void;
}

export interface BeginOptions {
  /** The rules result, when the caller already computed it (the streaming preview). */
  rules?: LeadClassification;
  /** Stream the upstream call so partials exist. A request joining a non-streaming call gets none. */
  wantPartial?: boolean;
}

export interface GatewayMetrics {
  admission: AdmissionStats;
  cacheHits: number;
  cacheMisses: number;
  cacheEntries: number;
  joined: number;
  upstreamCalls: number;
  upstreamErrors: Record<string, number>;
}

interface Flight {
  outcome: Promise<ClassifyOutcome>;
  partial?: LeadPartial;
  listeners: Set<(partial: LeadPartial) => void>;
}

export interface LeadGateway {
  readonly mode: LeadClassifier['mode'];
  readonly engine: string;
  readonly admission: Admission;
  /** Resolves once the request is admitted (or served); rejects with QueueFullError when the queue is full. */
  begin(lead: Lead, profile: CompanyProfile, options?: BeginOptions): Promise<LeadRun>;
  metrics(): GatewayMetrics;
}

const noPartials = () => {};

export function createLeadGateway(classifier: LeadClassifier, admissionConfig: AdmissionConfig, cacheConfig: CacheConfig): LeadGateway {
  const admission = new Admission(admissionConfig.maxConcurrency, admissionConfig.maxQueue);
  const cache = new TtlLru<LeadClassification>(cacheConfig.ttlMs, cacheConfig.maxEntries);
  const inFlight = new Map<string, Flight>();
  const counters = { cacheHits: 0, cacheMisses: 0, joined: 0, upstreamCalls: 0 };
  const upstreamErrors: Record<string, number> = {};

  function runOf(flight: Flight, via: LeadRun['via']): LeadRun {
    return {
      outcome: flight.outcome,
      via,
      onPartial(listener) {
        if (flight.partial) listener(flight.partial);
        else flight.listeners.add(listener);
      },
    };
  }

  async function begin(lead: Lead, profile: CompanyProfile, options: BeginOptions = {}): Promise<LeadRun> {
    if (classifier.mode === 'rules') {
      const result = options.rules ?? classifyLeadByRules(lead, profile);
      return { outcome: Promise.resolve({ result }), via: 'rules', onPartial: noPartials };
    }
    const key = await leadCacheKey(lead, profile, classifier.engine);
    const cached = cache.get(key);
    if (cached) {
      counters.cacheHits++;
      return { outcome: Promise.resolve({ result: cached }), via: 'cache', onPartial: noPartials };
    }
    counters.cacheMisses++;
    const existing = inFlight.get(key);
    if (existing) {
      counters.joined++;
      return runOf(existing, 'joined');
    }
    // Throws QueueFullError synchronously: nothing is registered, nothing is written yet.
    const slot = admission.acquire();
    const flight: Flight = { outcome: undefined as never, listeners: new Set() };
    const broadcast = (partial: LeadPartial) => {
      flight.partial = partial;
      for (const listener of flight.listeners) listener(partial);
      flight.listeners.clear();
    };
    flight.outcome = (async () => {
      const release = await slot;
      try {
        counters.upstreamCalls++;
        const outcome = await classifier.classifyDetailed(lead, profile, {
          rules: options.rules,
          onPartial: options.wantPartial ? broadcast : undefined,
        });
        if (outcome.error) upstreamErrors[outcome.error] = (upstreamErrors[outcome.error] ?? 0) + 1;
        else if (outcome.result.source === 'llm') cache.set(key, outcome.result);
        return outcome;
      } finally {
        release();
        inFlight.delete(key);
      }
    })();
    inFlight.set(key, flight);
    return runOf(flight, 'upstream');
  }

  return {
    mode: classifier.mode,
    engine: classifier.engine,
    admission,
    begin,
    metrics: () => ({
      admission: admission.stats,
      ...counters,
      cacheEntries: cache.size,
      upstreamErrors: { ...upstreamErrors },
    }),
  };
}
