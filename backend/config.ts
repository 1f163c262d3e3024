import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CLIENT_TIMEOUT_MS, CompanyProfileSchema, describeZodIssues, type CompanyProfile } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';

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
  LLM_TIMEOUT_MS: intFrom(15_000, 1, 600_000),
  /** gpt-oss reads it as its reasoning budget; low keeps "priority in < 1 s" realistic. */
  LLM_REASONING_EFFORT: z.enum(['none', 'low', 'medium', 'high']).default('low'),
  /** Wait before the single retry (429, 5xx, timeout, connection error). */
  LLM_RETRY_BACKOFF_MS: intFrom(200, 0, 10_000),
  /** Upstream calls in flight at once (vLLM has no admission control of its own). */
  LLM_MAX_CONCURRENCY: intFrom(16, 1, 10_000),
  /** Requests waiting for an upstream slot; beyond it → 429 with Retry-After. */
  LLM_MAX_QUEUE: intFrom(64, 0, 100_000),
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
  /** Where the embedded store keeps its files (the published team profile); default .pulso-data/ in the cwd. */
  PULSO_DATA_DIR: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface LlmConfig {
  /** OpenAI-compatible base URL ending in /v1 (a bare host gets /v1 appended). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Per attempt; the one retry gets its own timeout. */
  timeoutMs: number;
  /** Sent as `reasoning_effort`; "none" leaves the field out. */
  reasoningEffort?: 'none' | 'low' | 'medium' | 'high';
  retryBackoffMs?: number;
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
  /** Accepted for compatibility; the embedded store (dataDir) is used either way for now. */
  databaseUrl?: string;
  /** The embedded store's directory (PULSO_DATA_DIR, default `.pulso-data` in the cwd). */
  dataDir: string;
  profile: CompanyProfile;
  /** Where the profile came from: a file path or "demo". */
  profileSource: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  admission: AdmissionConfig;
  cache: CacheConfig;
  budget: BudgetConfig;
  timeouts: TimeoutConfig;
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
        }
      : undefined,
    llmModel: e.LLM_MODEL,
    teamTokens: e.PULSO_TEAM_TOKENS,
    adminToken: e.PULSO_ADMIN_TOKEN,
    allowedOrigins: e.PULSO_ALLOWED_ORIGINS,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.PULSO_DATA_DIR ?? '.pulso-data'),
    profile: profilePath ? loadProfileFile(profilePath) : DEMO_PROFILE,
    profileSource: profilePath ?? 'demo',
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
  };
}
