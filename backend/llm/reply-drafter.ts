import OpenAI from 'openai';
import {
  describeZodIssues,
  type CompanyProfile,
  type Conversation,
  type ConversationTriage,
  type DraftStrategy,
  type ReplyDraft,
} from '../../lib/contracts';
import {
  DRAFT_PROMPT_VERSION,
  DraftJudgeSchema,
  DraftLlmCoreSchema,
  PROMPT_CATALOG_LIMIT,
  buildDraftMessages,
  draftResponseFormat,
  type DraftLlmAnswer,
} from '../../lib/llm/draft-prompt';
import { screenMessage, triageConversationByRules } from '../../lib/rules/conversation/index';
import {
  buildDraftContext,
  checkDraftSafety,
  countWords,
  draftReplyByRules,
  draftSla,
  matchCatalog,
  shorten,
  type DraftToneAction,
} from '../../lib/rules/drafts/index';
import { detectLanguage } from '../../lib/text/language';
import { RULES_VERSION } from '../../lib/versions';
import type { LlmConfig } from '../config';
import { LlmFailure, RETRYABLE_REASONS, extractJson, type WarnLogger } from './lead-classifier';

/**
 * Reply drafts (issue 5, item 4). Same pattern as the lead classifier: a byte-stable system
 * prompt (instructions, reply policy, company knowledge), the conversation fenced as untrusted
 * data (notes never sent, injection sentences removed), json_schema from ReplyDraftSchema
 * (without source and safety), one retry on 429/5xx/timeouts/connection errors (never on a 4xx
 * or a bad answer), the reasoning-field fallback, zod validation — and the safety check always
 * computed by the rules on the model's text. Any failure → the rules draft, source "rules".
 */
export interface DraftOptions {
  strategy?: DraftStrategy;
  tone?: DraftToneAction;
  previousText?: string;
  /** The triage when the caller has it (the panel, or the LLM triage); default: the rules triage. */
  triage?: ConversationTriage;
}

export interface DraftOutcome {
  result: ReplyDraft;
  /** Why the LLM draft was not used; absent when it was, or in rules mode. */
  error?: LlmFailure['reason'];
}

export interface ReplyDrafter {
  mode: 'rules' | 'llm';
  model?: string;
  engine: string;
  draft(conversation: Conversation, profile: CompanyProfile, options?: DraftOptions): Promise<ReplyDraft>;
  draftDetailed(conversation: Conversation, profile: CompanyProfile, options?: DraftOptions): Promise<DraftOutcome>;
}

export const draftRulesEngineId = () => `rules:${RULES_VERSION}:draft`;
export const draftLlmEngineId = (model: string) => `llm:${model}:${DRAFT_PROMPT_VERSION}:${RULES_VERSION}`;

interface MessageLike {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}

/** Parses and validates the answer (reasoning fields only when content is empty). A bad judge is dropped, not fatal. */
export function parseDraftAnswer(message: MessageLike | undefined): DraftLlmAnswer {
  const content = message?.content;
  let json: unknown;
  if (typeof content === 'string' && content.trim() !== '') json = extractJson(content);
  else {
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
  const core = DraftLlmCoreSchema.safeParse(json);
  if (!core.success) throw new LlmFailure('schema_invalid', describeZodIssues(core.error, 'answer'));
  if (core.data.text.trim() === '') throw new LlmFailure('empty', 'the model returned an empty draft');
  const judge = DraftJudgeSchema.safeParse((json as { judge?: unknown }).judge);
  return { ...core.data, ...(judge.success ? { judge: judge.data } : {}) };
}

/** The conversation the LLM sees: notes dropped, injection sentences removed from customer messages. */
export function cleanConversationForDraft(conversation: Conversation): Conversation {
  return {
    ...conversation,
    messages: conversation.messages
      .filter((m) => m.direction !== 'note')
      .map((m) => (m.direction === 'in' ? { ...m, text: screenMessage(m.text).cleaned } : m)),
  };
}

/**
 * The final LLM draft: the requested strategy; the language the text is really in; the text
 * fitted to maxWords (optional sentences dropped); the safety check from the rules.
 */
export function finishLlmDraft(
  answer: DraftLlmAnswer,
  strategy: DraftStrategy,
  language: ReplyDraft['language'],
  conversation: Conversation,
  profile: CompanyProfile,
  triage: ConversationTriage,
): ReplyDraft {
  const maxWords = profile.replyPolicy.maxWords;
  let text = answer.text.replace(/\r\n?/g, '\n').trim();
  if (countWords(text) > maxWords) text = shorten(text, maxWords, maxWords);
  const lang = countWords(text) >= 8 ? detectLanguage(text) : language;
  return {
    strategy,
    language: lang,
    text,
    safety: checkDraftSafety(text, { conversation, profile, triage }),
    ...(answer.judge ? { judge: answer.judge } : {}),
    source: 'llm',
  };
}

function classifyError(err: unknown): LlmFailure {
  if (err instanceof LlmFailure) return err;
  if (err instanceof OpenAI.APIUserAbortError || err instanceof OpenAI.APIConnectionTimeoutError) return new LlmFailure('timeout', 'the LLM request timed out');
  if (err instanceof OpenAI.APIConnectionError) return new LlmFailure('connection', 'cannot reach the LLM');
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRulesDrafter(): ReplyDrafter {
  const draftDetailed = async (conversation: Conversation, profile: CompanyProfile, options: DraftOptions = {}): Promise<DraftOutcome> => ({
    result: draftReplyByRules(conversation, profile, options),
  });
  return {
    mode: 'rules',
    engine: draftRulesEngineId(),
    draftDetailed,
    async draft(conversation, profile, options) {
      return (await draftDetailed(conversation, profile, options)).result;
    },
  };
}

export function createLlmDrafter(llm: LlmConfig, options: { logger: WarnLogger; client?: OpenAI }): ReplyDrafter {
  const client =
    options.client ?? new OpenAI({ baseURL: llm.baseUrl, apiKey: llm.apiKey || 'EMPTY', timeout: llm.timeoutMs, maxRetries: 0 });
  const effort = llm.reasoningEffort ?? 'low';
  const backoffMs = llm.retryBackoffMs ?? 200;
  const responseFormat = draftResponseFormat();

  async function attempt(messages: ReturnType<typeof buildDraftMessages>): Promise<DraftLlmAnswer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, llm.timeoutMs);
    try {
      const completion = await client.chat.completions.create(
        {
          model: llm.model,
          messages,
          // A little variety reads better in replies; the safety check is what keeps them safe.
          temperature: 0.3,
          response_format: responseFormat,
          ...(effort !== 'none' ? { reasoning_effort: effort } : {}),
        },
        { signal: controller.signal },
      );
      return parseDraftAnswer(completion.choices?.[0]?.message as MessageLike | undefined);
    } catch (err) {
      if (timedOut) throw new LlmFailure('timeout', `the LLM request timed out after ${llm.timeoutMs} ms`);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async function draftDetailed(conversation: Conversation, profile: CompanyProfile, opts: DraftOptions = {}): Promise<DraftOutcome> {
    const started = Date.now();
    const triage = opts.triage ?? triageConversationByRules(conversation, profile);
    const rules = draftReplyByRules(conversation, profile, { ...opts, triage });
    const previous = opts.previousText?.trim() ?? '';
    // An agent's edit to re-check: nothing for the model to write.
    if (previous && !opts.tone) return { result: rules };
    const strategy = rules.strategy;
    const language = rules.language;
    const ctx = buildDraftContext(conversation, triage);
    const relevantCatalog = profile.catalog.length > PROMPT_CATALOG_LIMIT ? matchCatalog(ctx.recentNorm, profile.catalog, 10) : undefined;
    const messages = buildDraftMessages(cleanConversationForDraft(conversation), profile, {
      strategy,
      language,
      sla: draftSla(conversation, profile, strategy, triage, language),
      triage,
      relevantCatalog,
      baseline: previous && opts.tone ? undefined : rules.text,
      tone: opts.tone,
      previousText: previous || undefined,
    });
    let first: LlmFailure | undefined;
    for (let n = 1; n <= 2; n++) {
      try {
        const answer = await attempt(messages);
        return { result: finishLlmDraft(answer, strategy, language, conversation, profile, triage) };
      } catch (err) {
        const failure = classifyError(err);
        if (n === 1 && RETRYABLE_REASONS.has(failure.reason)) {
          first = failure;
          await sleep(backoffMs * (0.75 + Math.random() * 0.5));
          continue;
        }
        options.logger.warn(
          {
            reason: failure.reason,
            status: failure.status,
            detail: failure.message,
            attempts: n,
            ...(first ? { firstReason: first.reason } : {}),
            ms: Date.now() - started,
            model: llm.model,
          },
          'LLM reply draft failed; using the rules draft',
        );
        return { result: rules, error: failure.reason };
      }
    }
    /* c8 ignore next */
    throw new Error('unreachable');
  }

  return {
    mode: 'llm',
    model: llm.model,
    engine: draftLlmEngineId(llm.model),
    draftDetailed,
    async draft(conversation, profile, o) {
      return (await draftDetailed(conversation, profile, o)).result;
    },
  };
}

/** LLM when configured, else the rules engine. */
export function createReplyDrafter(llm: LlmConfig | undefined, options: { logger: WarnLogger; client?: OpenAI }): ReplyDrafter {
  return llm ? createLlmDrafter(llm, options) : createRulesDrafter();
}
