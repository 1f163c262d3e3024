import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CLIENT_TIMEOUT_MS, CompanyProfileSchema, describeZodIssues, type CompanyProfile, type SelectorPack } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { loadSelectorPackFile } from './selectors/pack-source';
import { MEMORY_DATA_DIR } from './store/location';

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const intFrom = (def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(def) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, `expected an integer between ${min} and ${max}`))
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The environment, exactly as CONTRACTS.md names it (plus LLM_TIMEOUT_MS, PULSO_PROFILE and the admission/cache knobs). */
export const EnvSchema = z.object({
  PORT: intFrom(8787, 0, 65_535),
  HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  LLM_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:8000/v1' })
      .optional(),
  ),
  LLM_MODEL: optionalText.transform((v) => v ?? 'openai/gpt-oss-20b'),
  LLM_API_KEY: optionalText,
  /** One attempt's limit (docs/llm.md: the lead's output cap at the batch's pace); the route's deadline bounds it too. */
  LLM_TIMEOUT_MS: intFrom(12_000, 1, 600_000),
  /**
   * gpt-oss's reasoning budget. It cannot be turned off: vLLM rejects "none" for harmony
   * models, and leaving the field out means the model's default (medium), so "low" is the least.
   */
  LLM_REASONING_EFFORT: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'low' : v.trim()))
    .pipe(
      z.enum(['low', 'medium', 'high'], {
        error: (issue) =>
          issue.input === 'none'
            ? 'gpt-oss always reasons: vLLM rejects "none" for it, and without the field it reasons at medium; use low (the least), medium or high'
            : 'expected low, medium or high',
      }),
    ),
  /** Decode time per output token at the vLLM batch size in use (docs/llm.md); decides whether a retry can still finish. */
  LLM_MS_PER_OUTPUT_TOKEN: intFrom(8, 1, 1_000),
  /** Wait before the single retry (429, 5xx, timeout, connection error). */
  LLM_RETRY_BACKOFF_MS: intFrom(200, 0, 10_000),
  /** Upstream calls in flight at once; keep it at or below vLLM's --max-num-seqs (compose pairs them at 16). */
  LLM_MAX_CONCURRENCY: intFrom(16, 1, 10_000),
  /**
   * Requests waiting for an upstream slot; beyond it → 429 with Retry-After. Two rounds of 16
   * calls is what a 15 s budget can still finish (docs/llm.md); a longer queue only waits for
   * its deadline.
   */
  LLM_MAX_QUEUE: intFrom(32, 0, 100_000),
  /** Server-side result cache (LLM results only); 0 disables it. */
  PULSO_CACHE_TTL_MS: intFrom(300_000, 0, 86_400_000),
  PULSO_CACHE_MAX_ENTRIES: intFrom(5_000, 1, 1_000_000),
  /**
   * Everything a single-record request may take, queueing and the rules fallback included: 5 s
   * less than the extension waits (CLIENT_TIMEOUT_MS), which leaves the network its share.
   */
  PULSO_REQUEST_BUDGET_MS: intFrom(CLIENT_TIMEOUT_MS.single - 5_000, 1, 600_000),
  /** The same for a whole batch (rows not answered by then get the rules result). */
  PULSO_BATCH_BUDGET_MS: intFrom(CLIENT_TIMEOUT_MS.batch - 5_000, 1, 600_000),
  /** Receiving a whole request, headers and body: a client that declares a body and never sends it is cut off (408). */
  PULSO_REQUEST_TIMEOUT_MS: intFrom(15_000, 1, 600_000),
  /** Receiving the headers. */
  PULSO_HEADERS_TIMEOUT_MS: intFrom(10_000, 1, 600_000),
  /** An idle keep-alive connection; above a load balancer's usual 60 s idle time-out, so the balancer closes first. */
  PULSO_KEEP_ALIVE_TIMEOUT_MS: intFrom(65_000, 1, 600_000),
  PULSO_TEAM_TOKENS: list,
  PULSO_ADMIN_TOKEN: optionalText,
  PULSO_ALLOWED_ORIGINS: list,
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' }).optional(),
  ),
  PULSO_PROFILE: optionalText,
  /** A signed selector pack (JSON) for GET /v1/selectors when none was published to the store. */
  PULSO_SELECTOR_PACK: optionalText,
  /** Where the embedded database (PGlite) keeps its files; default .pulso-data/ in the cwd; `memory://` keeps nothing. */
  PULSO_DATA_DIR: optionalText,
  /** The audit log of team changes (who published what), PII masked: off unless `on`. */
  PULSO_AUDIT_LOG: z.enum(['on', 'off']).default('off'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * `pulso serve` processes answering requests on the one port (node:cluster). Unset: one per
   * core (at most 8) in rules mode, 1 with an LLM (docs/scaling.md).
   */
  PULSO_WORKERS: optionalText.pipe(z.string().regex(/^\d+$/, 'expected an integer between 1 and 64').transform(Number).pipe(z.number().int().min(1).max(64)).optional()),
  /** With several workers they run the backend bundled at start (backend/cluster/worker-bundle.ts) unless `off`: then through tsx. */
  PULSO_WORKER_BUNDLE: z.enum(['on', 'off']).default('on'),
});

export interface LlmConfig {
  /** OpenAI-compatible base URL ending in /v1 (a bare host gets /v1 appended). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Per attempt, and never past the caller's deadline; the one retry gets its own. */
  timeoutMs: number;
  /** Sent as `reasoning_effort` (default low). */
  reasoningEffort?: 'low' | 'medium' | 'high';
  retryBackoffMs?: number;
  /** LLM_MS_PER_OUTPUT_TOKEN (default 8). */
  msPerOutputToken?: number;
}

export interface AdmissionConfig {
  maxConcurrency: number;
  maxQueue: number;
}

export interface CacheConfig {
  ttlMs: number;
  maxEntries: number;
}

/** The deadline budgets (ms from the request's arrival). */
export interface BudgetConfig {
  singleMs: number;
  batchMs: number;
}

/** The HTTP server's own time-outs (ms). */
export interface TimeoutConfig {
  requestMs: number;
  headersMs: number;
  keepAliveMs: number;
}

export interface Config {
  port: number;
  host: string;
  /** Undefined = rules engine only. */
  llm?: LlmConfig;
  /** Kept for health reporting when no LLM is configured. */
  llmModel: string;
  teamTokens: string[];
  adminToken?: string;
  allowedOrigins: string[];
  /** PostgreSQL (DATABASE_URL): the store every replica shares. Unset: the embedded database under dataDir. */
  databaseUrl?: string;
  /** The embedded database's directory (PULSO_DATA_DIR, default `.pulso-data` in the cwd), or `memory://`. */
  dataDir: string;
  auditLog: boolean;
  profile: CompanyProfile;
  /** Where the profile came from: a file path or "demo". */
  profileSource: string;
  /** The selector pack from PULSO_SELECTOR_PACK (checked: valid and signed), if set. */
  selectorPack?: SelectorPack;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  admission: AdmissionConfig;
  cache: CacheConfig;
  budget: BudgetConfig;
  timeouts: TimeoutConfig;
  /** PULSO_WORKERS when set; unset, `pulso serve` chooses (backend/cluster/workers.ts). */
  workers?: number;
  /** PULSO_WORKER_BUNDLE: the cluster's workers run a bundle built at start, not tsx. */
  workerBundle: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A bare `http://host:8000` means vLLM's `/v1`; a URL with a path is kept as given. */
export function normalizeLlmBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/v1';
  return url.toString().replace(/\/+$/, '');
}

export function loadProfileFile(path: string): CompanyProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`PULSO_PROFILE: cannot read ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`PULSO_PROFILE: ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = CompanyProfileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`PULSO_PROFILE: ${path}: ${describeZodIssues(parsed.error, 'profile')}`);
  return parsed.data;
}

function loadConfiguredSelectorPack(path: string): SelectorPack {
  try {
    return loadSelectorPackFile(path);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** Parses and validates the environment; throws ConfigError naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new ConfigError(`invalid configuration: ${message}`);
  }
  const e = parsed.data;
  const profilePath = e.PULSO_PROFILE ? resolve(e.PULSO_PROFILE) : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    llm: e.LLM_BASE_URL
      ? {
          baseUrl: normalizeLlmBaseUrl(e.LLM_BASE_URL),
          model: e.LLM_MODEL,
          apiKey: e.LLM_API_KEY,
          timeoutMs: e.LLM_TIMEOUT_MS,
          reasoningEffort: e.LLM_REASONING_EFFORT,
          retryBackoffMs: e.LLM_RETRY_BACKOFF_MS,
          msPerOutputToken: e.LLM_MS_PER_OUTPUT_TOKEN,
        }
      : undefined,
    llmModel: e.LLM_MODEL,
    teamTokens: e.PULSO_TEAM_TOKENS,
    adminToken: e.PULSO_ADMIN_TOKEN,
    allowedOrigins: e.PULSO_ALLOWED_ORIGINS,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PULSO_DATA_DIR === MEMORY_DATA_DIR ? MEMORY_DATA_DIR : resolve(e.PULSO_DATA_DIR ?? '.pulso-data'),
    auditLog: e.PULSO_AUDIT_LOG === 'on',
    profile: profilePath ? loadProfileFile(profilePath) : DEMO_PROFILE,
    profileSource: profilePath ?? 'demo',
    selectorPack: e.PULSO_SELECTOR_PACK ? loadConfiguredSelectorPack(resolve(e.PULSO_SELECTOR_PACK)) : undefined,
    logLevel: e.LOG_LEVEL,
    admission: { maxConcurrency: e.LLM_MAX_CONCURRENCY, maxQueue: e.LLM_MAX_QUEUE },
    cache: { ttlMs: e.PULSO_CACHE_TTL_MS, maxEntries: e.PULSO_CACHE_MAX_ENTRIES },
    budget: { singleMs: e.PULSO_REQUEST_BUDGET_MS, batchMs: e.PULSO_BATCH_BUDGET_MS },
    timeouts: {
      requestMs: e.PULSO_REQUEST_TIMEOUT_MS,
      // Node requires the headers time-out not to exceed the request time-out.
      headersMs: Math.min(e.PULSO_HEADERS_TIMEOUT_MS, e.PULSO_REQUEST_TIMEOUT_MS),
      keepAliveMs: e.PULSO_KEEP_ALIVE_TIMEOUT_MS,
    },
    workers: e.PULSO_WORKERS,
    workerBundle: e.PULSO_WORKER_BUNDLE === 'on',
  };
}
