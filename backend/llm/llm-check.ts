/**
 * `npm run llm:check -- --base-url URL [--model M] [--concurrency N] [--json]`
 *
 * For deployers with a GPU: sends Pulso's real requests (prompts, json_schema, output caps,
 * reasoning_effort) to a vLLM server and reports what the backend will live with:
 * - per task (lead, triage, draft): time to the first `content` token (the rep sees nothing of
 *   the model before it: gpt-oss analyses first) and to the full answer, finish_reason, output
 *   tokens against the cap, and whether the answer passes the schema;
 * - prefix caching: `cached_tokens` of a second lead (needs --enable-prompt-tokens-details);
 * - decode speed (ms per output token) at concurrency 1, for LLM_MS_PER_OUTPUT_TOKEN;
 * - behaviour at 2× the backend's concurrency cap (LLM_MAX_CONCURRENCY): statuses (503 when
 *   --max-num-queued-reqs rejects), latencies, ms per token under load, vLLM's waiting queue.
 * Exit code 0 when every answer came from `content`, passed the schema and finished "stop".
 * CI runs it against the test server (llm-check.test.ts), so it cannot rot.
 */
import OpenAI from 'openai';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConversationSchema, type CompanyProfile, type Conversation, type Lead } from '../../lib/contracts';
import { triageResponseFormat, buildTriageMessages } from '../../lib/llm/conversation-prompt';
import { buildDraftMessages, draftResponseFormat } from '../../lib/llm/draft-prompt';
import { leadResponseFormat } from '../../lib/llm/json-schema';
import { buildLeadMessages } from '../../lib/llm/lead-prompt';
import { LEAD_BUDGET, TRIAGE_BUDGET, draftBudget, type TaskBudget } from '../../lib/llm/output-budget';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { triageConversationByRules } from '../../lib/rules/conversation/index';
import { draftReplyByRules, draftSla } from '../../lib/rules/drafts/index';
import { normalizeLlmBaseUrl, type LlmConfig } from '../config';
import { parseDraftAnswer } from './reply-drafter';
import { parseLeadAnswer } from './lead-classifier';
import { parseTriageAnswer } from './conversation-triage';
import { chatRequestBody, classifyLlmError, type Finished, type StructuredRequest } from './structured-chat';
import { readVllmLoad } from './vllm-load';

type TaskName = 'lead' | 'triage' | 'draft';

interface TaskRequest {
  task: TaskName;
  request: StructuredRequest;
  parse: (finished: Finished) => unknown;
}

/** One measured request. */
export interface Sample {
  task: TaskName;
  status: number;
  /** ms from sending to the first reasoning token, the first content token, the end. */
  firstTokenMs?: number;
  firstContentMs?: number;
  totalMs: number;
  finishReason?: string;
  completionTokens?: number;
  promptTokens?: number;
  cachedTokens?: number | null;
  cap: number;
  /** undefined = the answer passed the schema; otherwise the failure reason. */
  failure?: string;
}

const SAMPLE_LEAD: Lead = {
  fullName: 'Laura Pérez',
  jobTitle: 'Directora de Sistemas',
  company: 'Transportes Ebro S.L.',
  email: 'laura.perez@transportesebro.es',
  industry: 'Logística',
  location: 'Zaragoza, España',
  companySize: 450,
  description: 'Sufrimos un ransomware la semana pasada. Necesitamos copias de seguridad gestionadas y monitorización 24/7 cuanto antes; hay presupuesto aprobado.',
};

const SAMPLE_CONVERSATION: Conversation = ConversationSchema.parse({
  contact: { name: 'Marta' },
  messages: [
    { direction: 'in', text: 'Hola, hice un pedido hace 6 días y todavía no ha llegado. ¿Dónde está?' },
    { direction: 'out', text: 'Hola Marta, ¿me dices el número de pedido?' },
    { direction: 'in', text: 'Es el 48213. Lo necesito antes del viernes, es para la oficina.' },
  ],
});

/** A lead of the same shape with its own text, so no two burst requests share a cache entry or an answer. */
export const leadNumbered = (i: number): Lead => ({ ...SAMPLE_LEAD, company: `${SAMPLE_LEAD.company} ${i}`, description: `${SAMPLE_LEAD.description} Ref. ${i}.` });

/** The three requests exactly as the backend builds them. */
export function taskRequests(profile: CompanyProfile = DEMO_PROFILE, lead: Lead = SAMPLE_LEAD): TaskRequest[] {
  const triage = triageConversationByRules(SAMPLE_CONVERSATION, profile);
  const draft = draftReplyByRules(SAMPLE_CONVERSATION, profile, { triage });
  const language = triage.language ?? 'es';
  return [
    { task: 'lead', request: { messages: buildLeadMessages(lead, profile), responseFormat: leadResponseFormat(), temperature: 0, budget: LEAD_BUDGET }, parse: parseLeadAnswer },
    {
      task: 'triage',
      request: { messages: buildTriageMessages(SAMPLE_CONVERSATION, profile, language), responseFormat: triageResponseFormat(), temperature: 0, budget: TRIAGE_BUDGET },
      parse: parseTriageAnswer,
    },
    {
      task: 'draft',
      request: {
        messages: buildDraftMessages(SAMPLE_CONVERSATION, profile, {
          strategy: draft.strategy,
          language: draft.language,
          sla: draftSla(SAMPLE_CONVERSATION, profile, draft.strategy, triage, draft.language),
          triage,
          baseline: draft.text,
        }),
        responseFormat: draftResponseFormat(),
        temperature: 0.3,
        budget: draftBudget(profile.replyPolicy.maxWords) satisfies TaskBudget,
      },
      parse: parseDraftAnswer,
    },
  ];
}

/** Sends one streaming request and measures it. */
export async function measure(client: OpenAI, llm: LlmConfig, { task, request, parse }: TaskRequest, timeoutMs: number): Promise<Sample> {
  const t0 = performance.now();
  const sample: Sample = { task, status: 0, totalMs: 0, cap: request.budget.maxTokens };
  try {
    const stream = await client.chat.completions.create(
      { ...chatRequestBody(llm, request), stream: true, stream_options: { include_usage: true } },
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    sample.status = 200;
    let content = '';
    let reasoning = '';
    for await (const chunk of stream) {
      const usage = chunk.usage as (OpenAI.CompletionUsage & { prompt_tokens_details?: { cached_tokens?: number } | null }) | undefined | null;
      if (usage) {
        sample.completionTokens = usage.completion_tokens;
        sample.promptTokens = usage.prompt_tokens;
        sample.cachedTokens = usage.prompt_tokens_details ? (usage.prompt_tokens_details.cached_tokens ?? 0) : null;
      }
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      if (choice.finish_reason) sample.finishReason = choice.finish_reason;
      const delta = choice.delta as { content?: string | null; reasoning?: string | null };
      if ((delta.reasoning || delta.content) && sample.firstTokenMs === undefined) sample.firstTokenMs = performance.now() - t0;
      if (delta.content && sample.firstContentMs === undefined) sample.firstContentMs = performance.now() - t0;
      reasoning += delta.reasoning ?? '';
      content += delta.content ?? '';
    }
    parse({ message: { content, reasoning }, finishReason: sample.finishReason });
  } catch (err) {
    const failure = classifyLlmError(err);
    sample.failure = failure.reason;
    if (failure.status !== undefined && sample.status === 0) sample.status = failure.status;
  }
  sample.totalMs = performance.now() - t0;
  return sample;
}

/** ms per output token after the first one (decode speed as one request saw it). */
export function msPerToken(s: Sample): number | undefined {
  if (s.firstTokenMs === undefined || !s.completionTokens || s.completionTokens < 2) return undefined;
  return (s.totalMs - s.firstTokenMs) / (s.completionTokens - 1);
}

const percentile = (values: number[], p: number): number | undefined => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export interface CheckReport {
  baseUrl: string;
  model: string;
  maxModelLen?: number;
  reasoningEffort: string;
  tasks: Sample[];
  prefixCache: { secondLead: Sample };
  burst: {
    concurrency: number;
    samples: Sample[];
    statuses: Record<string, number>;
    maxWaiting?: number;
  };
  ok: boolean;
}

export interface CheckOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** The backend's LLM_MAX_CONCURRENCY; the burst sends twice as many. */
  concurrency: number;
  timeoutMs: number;
}

export async function runLlmCheck(options: CheckOptions): Promise<CheckReport> {
  const llm: LlmConfig = { baseUrl: options.baseUrl, model: options.model, apiKey: options.apiKey, timeoutMs: options.timeoutMs, reasoningEffort: 'low' };
  const client = new OpenAI({ baseURL: llm.baseUrl, apiKey: llm.apiKey || 'EMPTY', maxRetries: 0, timeout: options.timeoutMs });
  const models = await client.models.list().catch(() => undefined);
  const card = models?.data.find((m) => m.id === options.model) as (OpenAI.Model & { max_model_len?: number }) | undefined;

  // One after the other: per-task latency at concurrency 1 (the first lead warms the prefix cache).
  const tasks: Sample[] = [];
  for (const t of taskRequests()) tasks.push(await measure(client, llm, t, options.timeoutMs));
  const secondLead = await measure(client, llm, taskRequests(DEMO_PROFILE, leadNumbered(2))[0]!, options.timeoutMs);

  // 2× the cap at once, distinct leads; watch vLLM's own queue meanwhile.
  const concurrency = options.concurrency * 2;
  let maxWaiting: number | undefined;
  let bursting = true;
  const watch = (async () => {
    while (bursting) {
      const load = await readVllmLoad(llm, { timeoutMs: 1_000 });
      if (load) maxWaiting = Math.max(maxWaiting ?? 0, load.waiting);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const samples = await Promise.all(Array.from({ length: concurrency }, (_, i) => measure(client, llm, taskRequests(DEMO_PROFILE, leadNumbered(100 + i))[0]!, options.timeoutMs)));
  bursting = false;
  await watch;
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status || 'no answer'] = (statuses[s.status || 'no answer'] ?? 0) + 1;

  const answered = [...tasks, secondLead];
  const ok = answered.every((s) => s.failure === undefined && s.finishReason === 'stop');
  return {
    baseUrl: options.baseUrl,
    model: options.model,
    ...(card?.max_model_len ? { maxModelLen: card.max_model_len } : {}),
    reasoningEffort: 'low',
    tasks,
    prefixCache: { secondLead },
    burst: { concurrency, samples, statuses, ...(maxWaiting !== undefined ? { maxWaiting } : {}) },
    ok,
  };
}

const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)} ms`);

export function formatReport(r: CheckReport): string {
  const rows = r.tasks.map(
    (s) =>
      `  ${s.task.padEnd(7)} ${ms(s.firstContentMs).padStart(9)} ${ms(s.totalMs).padStart(10)}  ${(s.finishReason ?? '—').padEnd(6)} ${`${s.completionTokens ?? '—'}/${s.cap}`.padStart(10)}  ${s.failure ? `FAIL ${s.failure}` : 'ok'}`,
  );
  const second = r.prefixCache.secondLead;
  const cache =
    second.cachedTokens === null || second.cachedTokens === undefined
      ? 'not reported (start vLLM with --enable-prompt-tokens-details)'
      : `${second.cachedTokens} of ${second.promptTokens} prompt tokens cached on the second lead (${Math.round((100 * second.cachedTokens) / (second.promptTokens || 1))} %)${second.cachedTokens === 0 ? ' — prefix caching is not working' : ''}`;
  const solo = [...r.tasks, second].map(msPerToken).filter((v): v is number => v !== undefined);
  const burstOk = r.burst.samples.filter((s) => s.status === 200);
  const burstSpeed = burstOk.map(msPerToken).filter((v): v is number => v !== undefined);
  const allAnswers = [...r.tasks, second, ...r.burst.samples];
  const valid = allAnswers.filter((s) => s.failure === undefined).length;
  const finishes: Record<string, number> = {};
  for (const s of allAnswers) finishes[s.finishReason ?? s.failure ?? 'none'] = (finishes[s.finishReason ?? s.failure ?? 'none'] ?? 0) + 1;
  return [
    `llm:check ${r.baseUrl} — model ${r.model}${r.maxModelLen ? ` (max_model_len ${r.maxModelLen})` : ''}, reasoning_effort ${r.reasoningEffort}`,
    '  task    1st content  full answer finish  out/cap     answer',
    ...rows,
    `  prefix cache: ${cache}`,
    `  decode at concurrency 1: ${solo.length ? `${(percentile(solo, 50) ?? 0).toFixed(1)} ms per output token (p50)` : '—'}`,
    `  ${r.burst.concurrency} concurrent leads (2× the cap): ${Object.entries(r.burst.statuses).map(([k, v]) => `${v} × ${k}`).join(', ')}; ` +
      `1st content p50 ${ms(percentile(burstOk.flatMap((s) => (s.firstContentMs === undefined ? [] : [s.firstContentMs])), 50))} p95 ${ms(percentile(burstOk.flatMap((s) => (s.firstContentMs === undefined ? [] : [s.firstContentMs])), 95))}; ` +
      `full p50 ${ms(percentile(burstOk.map((s) => s.totalMs), 50))} p95 ${ms(percentile(burstOk.map((s) => s.totalMs), 95))}; ` +
      `${burstSpeed.length ? `${(percentile(burstSpeed, 50) ?? 0).toFixed(1)} ms per output token` : '—'}; vLLM waiting max ${r.burst.maxWaiting ?? 'n/a (no /metrics)'}`,
    `  answers that pass the schema: ${valid}/${allAnswers.length}; finish_reasons: ${Object.entries(finishes).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  verdict: ${r.ok ? 'OK' : 'FAIL — see the rows above'}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      model: { type: 'string', default: process.env.LLM_MODEL ?? 'openai/gpt-oss-20b' },
      concurrency: { type: 'string', default: process.env.LLM_MAX_CONCURRENCY ?? '16' },
      'timeout-ms': { type: 'string', default: '60000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values['base-url']) {
    process.stdout.write('usage: npm run llm:check -- --base-url http://HOST:8000/v1 [--model openai/gpt-oss-20b] [--concurrency LLM_MAX_CONCURRENCY] [--timeout-ms 60000] [--json]\n  the API key, if any, from LLM_API_KEY\n');
    return values.help ? 0 : 2;
  }
  const baseUrl = normalizeLlmBaseUrl(values['base-url']);
  const report = await runLlmCheck({
    baseUrl,
    model: values.model!,
    apiKey: process.env.LLM_API_KEY,
    concurrency: Math.max(1, Number(values.concurrency) || 16),
    timeoutMs: Math.max(1_000, Number(values['timeout-ms']) || 60_000),
  });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return report.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`llm:check: ${(err as Error).message}\n`);
      process.exit(2);
    },
  );
}
