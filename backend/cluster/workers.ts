import { availableParallelism } from 'node:os';
import type { Config } from '../config';

/**
 * How many processes `pulso serve` runs (node:cluster, one port). Rules mode is CPU-bound (the
 * rules engine, JSON, HTTP): one process per core, up to MAX_DEFAULT_WORKERS, measured in
 * `npm run bench` (docs/scaling.md). With an LLM the backend mostly waits on vLLM, and one
 * process keeps one admission queue, one result cache and one single-flight for the whole
 * backend: one process unless PULSO_WORKERS says otherwise.
 */
export const MAX_DEFAULT_WORKERS = 8;

export function workerCount(config: Pick<Config, 'workers' | 'llm'>, cores = availableParallelism()): number {
  if (config.workers !== undefined) return config.workers;
  return config.llm ? 1 : Math.max(1, Math.min(cores, MAX_DEFAULT_WORKERS));
}

/**
 * One worker's share of the upstream: LLM_MAX_CONCURRENCY and LLM_MAX_QUEUE are the backend's
 * (docs/scaling.md: Σ of the backends' caps ≤ the GPUs' batch slots), so N workers split them,
 * each keeping at least one slot.
 */
export function workerConfig(config: Config, workers: number): Config {
  if (workers <= 1) return config;
  return {
    ...config,
    admission: {
      maxConcurrency: Math.max(1, Math.floor(config.admission.maxConcurrency / workers)),
      maxQueue: Math.floor(config.admission.maxQueue / workers),
    },
  };
}
