import {
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
import { triageConversationByRules } from '../../lib/rules/conversation/index';
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
import { RULES_ENGINE, llmEngineId } from '../../lib/versions';
import type { LlmConfig } from '../config';
// The draft model sees the conversation exactly as the triage model does (notes out, injections cleaned).
import { cleanConversationForLlm } from './conversation-triage';
import { draftBudget } from '../../lib/llm/output-budget';
import {
  LlmFailure,
  answerJson,
  completeJson,
  createLlmClient,
  type LlmClient,
  giveUpLogFields,
  retryPolicy,
  validateAnswer,
  withinBudget,
  type Finished,
  type LlmCallOptions,
  type WarnLogger,
} from './structured-chat';

/**
 * Reply drafts (issue 5, item 4). Same pattern as the lead classifier: a byte-stable system
 * prompt (instructions, reply policy, company knowledge), the conversation fenced as untrusted
 * data (notes never sent, injection sentences removed), json_schema from ReplyDraftSchema
 * (without source and safety), an output cap that follows the policy's maxWords, the answer from
 * `content` only, one retry inside the caller's budget (structured-chat.ts), zod validation — and the safety check always
 * computed by the rules on the model's text. Any failure → the rules draft, source "rules".
 */
export interface DraftOptions extends LlmCallOptions {
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

export const draftRulesEngineId = () => `${RULES_ENGINE}:draft`;
export const draftLlmEngineId = (model: string) => llmEngineId(model, DRAFT_PROMPT_VERSION);

/** Parses and validates the answer (from `content` only). A bad judge is dropped, not fatal. */
export function parseDraftAnswer(finished: Finished): DraftLlmAnswer {
  const json = answerJson(finished);
  const core = validateAnswer(json, DraftLlmCoreSchema);
  if (core.text.trim() === '') throw new LlmFailure('empty', 'the model returned an empty draft');
  const judge = DraftJudgeSchema.safeParse((json as { judge?: unknown }).judge);
  return { ...core, ...(judge.success ? { judge: judge.data } : {}) };
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
    ...(answer.judge ? { judge: { ...answer.judge, source: 'llm' as const } } : {}),
    source: 'llm',
  };
}

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

export function createLlmDrafter(llm: LlmConfig, options: { logger: WarnLogger; client?: LlmClient }): ReplyDrafter {
  const client = options.client ?? createLlmClient(llm);
  const responseFormat = draftResponseFormat();

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
    const messages = buildDraftMessages(cleanConversationForLlm(conversation), profile, {
      strategy,
      language,
      sla: draftSla(conversation, profile, strategy, triage, language),
      triage,
      relevantCatalog,
      baseline: previous && opts.tone ? undefined : rules.text,
      tone: opts.tone,
      previousText: previous || undefined,
    });
    const request = {
      messages,
      // A little variety reads better in replies; the safety check is what keeps them safe.
      temperature: 0.3,
      responseFormat,
      budget: draftBudget(profile.replyPolicy.maxWords),
      parse: parseDraftAnswer,
    };
    return withinBudget(
      retryPolicy(llm, request),
      opts,
      async (signal): Promise<DraftOutcome> => ({ result: finishLlmDraft(await completeJson(client, llm, request, signal), strategy, language, conversation, profile, triage) }),
      (giveUp): DraftOutcome => {
        options.logger.warn(giveUpLogFields(giveUp, started, llm.model), 'LLM reply draft failed; using the rules draft');
        return { result: rules, error: giveUp.failure.reason };
      },
    );
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
export function createReplyDrafter(llm: LlmConfig | undefined, options: { logger: WarnLogger; client?: LlmClient }): ReplyDrafter {
  return llm ? createLlmDrafter(llm, options) : createRulesDrafter();
}
