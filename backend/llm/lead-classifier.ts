import OpenAI from 'openai';
import {
  describeZodIssues,
  type CompanyProfile,
  type Lead,
  type LeadClassification,
  type Priority,
  type Stage,
  PRIORITIES,
  STAGES,
} from '../../lib/contracts';
import { IncrementalJsonFields, type JsonScalar } from '../../lib/llm/incremental-json';
import { LeadLlmAnswerSchema, leadResponseFormat, type LeadLlmAnswer } from '../../lib/llm/json-schema';
import { buildLeadMessages, leadLanguage } from '../../lib/llm/lead-prompt';
import { classifyLeadByRules, findInjection } from '../../lib/rules/index';
import { LEAD_PROMPT_VERSION, RULES_VERSION } from '../../lib/versions';
import type { LlmConfig } from '../config';

/** The subset of pino the classifier needs. */
export interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

/** Stage, priority and SLA: what the panel needs first, sent before the full answer when streaming. */
export interface LeadPartial {
  stage: Stage;
  priority: Priority;
  slaHours: number;
}

export interface ClassifyOptions {
  /**
   * Called once, as soon as the model has produced stage, priority and slaHours (already capped
   * like the final result). Giving it makes the upstream call a streaming one.
   */
  onPartial?: (partial: LeadPartial) => void;
  /** The rules result when the caller already has it (the streaming route sent it as the preview). */
  rules?: LeadClassification;
}

export interface ClassifyOutcome {
  result: LeadClassification;
  /** Why the LLM answer was not used (an LlmFailure reason); absent when it was, or in rules mode. */
  error?: LlmFailure['reason'];
}

export interface LeadClassifier {
  mode: 'rules' | 'llm';
  model?: string;
  /** Identifies what produces results, for cache keys. */
  engine: string;
  classify(lead: Lead, profile: CompanyProfile): Promise<LeadClassification>;
  classifyDetailed(lead: Lead, profile: CompanyProfile, options?: ClassifyOptions): Promise<ClassifyOutcome>;
}

export function rulesEngineId(): string {
  return `rules:${RULES_VERSION}`;
}

export function llmEngineId(model: string): string {
  return `llm:${model}:${LEAD_PROMPT_VERSION}:${RULES_VERSION}`;
}

/** Why an LLM answer was not used. */
export class LlmFailure extends Error {
  override name = 'LlmFailure';
  constructor(
    readonly reason: 'timeout' | 'rate_limited' | 'server_error' | 'connection' | 'http_error' | 'empty' | 'malformed_json' | 'schema_invalid',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const STAGE_RANK: Record<Stage, number> = { SQL: 4, MQL: 3, Nurture: 2, Review: 1, Disqualified: 0 };
const PRIORITY_RANK: Record<Priority, number> = { P1: 3, P2: 2, P3: 1, P4: 0 };

/** True when stage `a` ranks the lead above stage `b`. */
export function stageAbove(a: Stage, b: Stage): boolean {
  return STAGE_RANK[a] > STAGE_RANK[b];
}
export function priorityAbove(a: Priority, b: Priority): boolean {
  return PRIORITY_RANK[a] > PRIORITY_RANK[b];
}

/** The JSON object in a model's text: the whole text, else a fenced block, else the outermost braces. */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    /* fall through */
  }
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1]) {
    try {
      return JSON.parse(fenced[1].trim());
    } catch {
      /* fall through */
    }
  }
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      /* fall through */
    }
  }
  throw new LlmFailure('malformed_json', `the model's answer is not JSON (${trimmed.length} chars)`);
}

/**
 * The partial the panel may show: stage and priority capped to the rules when the rules flag a
 * possible injection (the same cap as mergeWithRules), slaHours from the profile's policy.
 */
export function capPartial(stage: Stage, priority: Priority, rules: LeadClassification, profile: CompanyProfile): LeadPartial {
  if ((rules.flags ?? []).includes('possible_injection')) {
    if (stageAbove(stage, rules.stage)) stage = rules.stage;
    if (priorityAbove(priority, rules.priority)) priority = rules.priority;
  }
  return { stage, priority, slaHours: profile.slaHours[priority] };
}

/** Stage and priority from streamed fields, once they and slaHours are complete and valid. */
export function partialFromFields(fields: Record<string, JsonScalar>): { stage: Stage; priority: Priority } | undefined {
  const { stage, priority, slaHours } = fields;
  if (typeof slaHours !== 'number') return undefined;
  if (!(STAGES as readonly unknown[]).includes(stage) || !(PRIORITIES as readonly unknown[]).includes(priority)) return undefined;
  return { stage: stage as Stage, priority: priority as Priority };
}

interface MessageLike {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}

/**
 * The answer text: `content`, or — when vLLM serves gpt-oss with a reasoning parser and
 * puts the structured output in the reasoning channel — `reasoning_content` / `reasoning`.
 */
export function answerText(message: MessageLike | undefined): string {
  const candidates = [message?.content, message?.reasoning_content, message?.reasoning];
  for (const c of candidates) if (typeof c === 'string' && c.trim() !== '') return c;
  throw new LlmFailure('empty', 'the model returned an empty message');
}

/** Parses and validates the model's answer. Reasoning text is only used when content is empty. */
export function parseLeadAnswer(message: MessageLike | undefined): LeadLlmAnswer {
  const content = message?.content;
  let json: unknown;
  if (typeof content === 'string' && content.trim() !== '') {
    json = extractJson(content);
  } else {
    // content empty: the JSON may be in either reasoning field; take the first that parses.
    let lastError: unknown = new LlmFailure('empty', 'the model returned an empty message');
    let found = false;
    for (const text of [message?.reasoning_content, message?.reasoning]) {
      if (typeof text !== 'string' || text.trim() === '') continue;
      try {
        json = extractJson(text);
        found = true;
        break;
      } catch (err) {
        lastError = err;
      }
    }
    if (!found) throw lastError;
  }
  const parsed = LeadLlmAnswerSchema.safeParse(json);
  if (!parsed.success) throw new LlmFailure('schema_invalid', describeZodIssues(parsed.error, 'answer'));
  return parsed.data;
}

/**
 * Combines the LLM answer with the rules result: flags and contact.emailType come from the
 * rules; when the rules flag a possible injection the LLM may not rank the lead above the
 * rules (stage, priority and each score capped to the rules'); slaHours always follows the
 * profile's SLA for the final priority.
 */
export function mergeWithRules(
  answer: LeadLlmAnswer,
  rules: LeadClassification,
  profile: CompanyProfile,
  language: 'es' | 'en' | undefined = rules.language,
): LeadClassification {
  const flags = [...(rules.flags ?? [])];
  let { stage, priority, rationale, scores } = answer;
  if (flags.includes('possible_injection')) {
    scores = {
      fit: Math.min(scores.fit, rules.scores.fit),
      urgency: Math.min(scores.urgency, rules.scores.urgency),
      opportunity: Math.min(scores.opportunity, rules.scores.opportunity),
      dataQuality: Math.min(scores.dataQuality, rules.scores.dataQuality),
    };
    const capped: string[] = [];
    if (stageAbove(stage, rules.stage)) {
      capped.push(`stage ${stage} -> ${rules.stage}`);
      stage = rules.stage;
    }
    if (priorityAbove(priority, rules.priority)) {
      capped.push(`priority ${priority} -> ${rules.priority}`);
      priority = rules.priority;
    }
    if (capped.length) {
      rationale = `${rationale.trim()} [capped to the rules result because the lead contains possible prompt injection: ${capped.join(', ')}]`.trim().slice(0, 4_000);
    }
  }
  return {
    ...answer,
    stage,
    priority,
    scores,
    // The email type is a fact the rules read exactly (domain lists), not a judgement.
    contact: { ...answer.contact, emailType: rules.contact.emailType },
    slaHours: profile.slaHours[priority],
    rationale,
    source: 'llm',
    flags,
    ...(language ? { language } : {}),
  };
}

/** The lead with every string field passed through the injection cleaner (what the LLM sees). */
export function cleanLeadForLlm(lead: Lead): Lead {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(lead)) {
    out[key] = typeof value === 'string' ? findInjection(value).cleaned : value;
  }
  return out as Lead;
}

function classifyError(err: unknown): LlmFailure {
  if (err instanceof LlmFailure) return err;
  if (err instanceof OpenAI.APIUserAbortError) return new LlmFailure('timeout', 'the LLM request timed out');
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new LlmFailure('timeout', 'the LLM request timed out');
  if (err instanceof OpenAI.APIConnectionError) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return new LlmFailure('connection', `cannot reach the LLM${cause?.code ? ` (${cause.code})` : ''}`);
  }
  if (err instanceof OpenAI.APIError) {
    const status = err.status;
    if (status === 429) return new LlmFailure('rate_limited', 'the LLM answered 429 (rate limited)', status);
    if (status !== undefined && status >= 500) return new LlmFailure('server_error', `the LLM answered ${status}`, status);
    return new LlmFailure('http_error', `the LLM answered ${status ?? 'an error'}`, status);
  }
  const e = err as { name?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return new LlmFailure('timeout', 'the LLM request timed out');
  return new LlmFailure('connection', `LLM call failed: ${e?.message ?? String(err)}`);
}

export function createRulesClassifier(): LeadClassifier {
  return {
    mode: 'rules',
    engine: rulesEngineId(),
    async classify(lead, profile) {
      return classifyLeadByRules(lead, profile);
    },
    async classifyDetailed(lead, profile, options) {
      return { result: options?.rules ?? classifyLeadByRules(lead, profile) };
    },
  };
}

export interface LlmClassifierOptions {
  logger: WarnLogger;
  /** Injected for tests; defaults to an OpenAI client built from the config. */
  client?: OpenAI;
}

/** Failures worth one more try: the upstream was busy, broken or unreachable — never a 4xx or a bad answer. */
export const RETRYABLE_REASONS: ReadonlySet<LlmFailure['reason']> = new Set(['timeout', 'rate_limited', 'server_error', 'connection']);

/** Streamed delta fields: vLLM puts gpt-oss reasoning in `reasoning_content` (older) or `reasoning` (newer). */
interface DeltaLike {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createLlmClassifier(llm: LlmConfig, options: LlmClassifierOptions): LeadClassifier {
  const client =
    options.client ??
    new OpenAI({
      baseURL: llm.baseUrl,
      apiKey: llm.apiKey || 'EMPTY',
      timeout: llm.timeoutMs,
      // Retries are ours (exactly one, never on a 4xx): the SDK's would also retry 408/409.
      maxRetries: 0,
    });
  const logger = options.logger;
  const effort = llm.reasoningEffort ?? 'low';
  const backoffMs = llm.retryBackoffMs ?? 200;
  // Built once: the schema is the same for every request (and the SDK does not mutate it).
  const responseFormat = leadResponseFormat();

  /** One upstream call, bounded by LLM_TIMEOUT_MS whether it streams or not. */
  async function attempt(
    messages: ReturnType<typeof buildLeadMessages>,
    onFields: ((fields: { stage: Stage; priority: Priority }) => void) | undefined,
  ): Promise<LeadLlmAnswer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, llm.timeoutMs);
    const body = {
      model: llm.model,
      messages,
      temperature: 0,
      response_format: responseFormat,
      ...(effort !== 'none' ? { reasoning_effort: effort } : {}),
    };
    try {
      if (!onFields) {
        const completion = await client.chat.completions.create(body, { signal: controller.signal });
        return parseLeadAnswer(completion.choices?.[0]?.message as MessageLike | undefined);
      }
      const stream = await client.chat.completions.create({ ...body, stream: true }, { signal: controller.signal });
      let content = '';
      let reasoning = '';
      let announced = false;
      const announce = (fields: Record<string, JsonScalar>) => {
        if (announced) return;
        const found = partialFromFields(fields);
        if (!found) return;
        announced = true;
        onFields(found);
      };
      const contentFields = new IncrementalJsonFields();
      const reasoningFields = new IncrementalJsonFields();
      for await (const chunk of stream) {
        const delta = chunk.choices?.[0]?.delta as DeltaLike | undefined;
        if (!delta) continue;
        if (delta.content) {
          content += delta.content;
          contentFields.push(delta.content);
          announce(contentFields.fields);
        }
        const r = delta.reasoning_content ?? delta.reasoning;
        if (r) {
          reasoning += r;
          // The reasoning channel only counts while content is empty (the gpt-oss fallback).
          if (!content) {
            reasoningFields.push(r);
            announce(reasoningFields.fields);
          }
        }
      }
      return parseLeadAnswer({ content, reasoning_content: reasoning });
    } catch (err) {
      if (timedOut) throw new LlmFailure('timeout', `the LLM request timed out after ${llm.timeoutMs} ms`);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async function classifyDetailed(lead: Lead, profile: CompanyProfile, opts: ClassifyOptions = {}): Promise<ClassifyOutcome> {
    const rules = opts.rules ?? classifyLeadByRules(lead, profile);
    const started = Date.now();
    const language = rules.language ?? leadLanguage(lead);
    const messages = buildLeadMessages(cleanLeadForLlm(lead), profile, { language });
    let partialSent = false;
    const onFields = opts.onPartial
      ? (fields: { stage: Stage; priority: Priority }) => {
          if (partialSent) return; // a retry re-streams: the panel already shows the first one
          partialSent = true;
          opts.onPartial!(capPartial(fields.stage, fields.priority, rules, profile));
        }
      : undefined;
    let first: LlmFailure | undefined;
    for (let n = 1; n <= 2; n++) {
      try {
        const answer = await attempt(messages, onFields);
        return { result: mergeWithRules(answer, rules, profile, language) };
      } catch (err) {
        const failure = classifyError(err);
        if (n === 1 && RETRYABLE_REASONS.has(failure.reason)) {
          first = failure;
          await sleep(backoffMs * (0.75 + Math.random() * 0.5));
          continue;
        }
        logger.warn(
          {
            reason: failure.reason,
            status: failure.status,
            detail: failure.message,
            attempts: n,
            ...(first ? { firstReason: first.reason } : {}),
            ms: Date.now() - started,
            model: llm.model,
          },
          'LLM lead classification failed; using the rules result',
        );
        return { result: { ...rules, source: 'rules' }, error: failure.reason };
      }
    }
    /* c8 ignore next */
    throw new Error('unreachable');
  }

  return {
    mode: 'llm',
    model: llm.model,
    engine: llmEngineId(llm.model),
    classifyDetailed,
    async classify(lead, profile) {
      return (await classifyDetailed(lead, profile)).result;
    },
  };
}

/** LLM when configured, else the rules engine. */
export function createLeadClassifier(llm: LlmConfig | undefined, options: LlmClassifierOptions): LeadClassifier {
  return llm ? createLlmClassifier(llm, options) : createRulesClassifier();
}
