import {
  type CompanyProfile,
  type Conversation,
  type ConversationTriage,
} from '../../lib/contracts';
import {
  CONVERSATION_PROMPT_VERSION,
  TriageLlmAnswerSchema,
  buildTriageMessages,
  triageResponseFormat,
  type TriageLlmAnswer,
} from '../../lib/llm/conversation-prompt';
import { retentionQuadrant, screenMessage, triageConversationByRules, triagePhrases } from '../../lib/rules/conversation/index';
import { RULES_ENGINE, llmEngineId } from '../../lib/versions';
import type { LlmConfig } from '../config';
import { TRIAGE_BUDGET } from '../../lib/llm/output-budget';
import {
  completeJson,
  createLlmClient,
  type LlmClient,
  giveUpLogFields,
  parseStructuredAnswer,
  retryPolicy,
  withinBudget,
  type Finished,
  type LlmCallOptions,
  type LlmFailure,
  type WarnLogger,
} from './structured-chat';

/**
 * Conversation triage (issue 5, item 3): the same pattern as the lead classifier — a byte-stable
 * system prompt (instructions + company knowledge), the conversation fenced as untrusted data
 * (notes never sent, injection sentences removed), json_schema response format, an output cap, the answer from `content` only,
 * one retry inside the caller's budget (structured-chat.ts), zod validation, and the rules result (source "rules") on any failure. Flags always come
 * from the rules.
 */
export interface TriageOutcome {
  result: ConversationTriage;
  error?: LlmFailure['reason'];
}

export interface ConversationTriager {
  mode: 'rules' | 'llm';
  model?: string;
  engine: string;
  triage(conversation: Conversation, profile: CompanyProfile): Promise<ConversationTriage>;
  triageDetailed(conversation: Conversation, profile: CompanyProfile, rules?: ConversationTriage, call?: LlmCallOptions): Promise<TriageOutcome>;
}

export const triageRulesEngineId = () => `${RULES_ENGINE}:triage`;
export const triageLlmEngineId = (model: string) => llmEngineId(model, CONVERSATION_PROMPT_VERSION);

/** Parses and validates the answer, from `content` only. */
export function parseTriageAnswer(finished: Finished): TriageLlmAnswer {
  return parseStructuredAnswer(finished, TriageLlmAnswerSchema);
}

/**
 * The LLM answer with what the rules own: flags and language; another customer's data always
 * escalates (supervisor); an unverified account request always asks the customer number first;
 * retention from the answer's conformity × the billing level, with the rules' actions.
 */
export function mergeTriageWithRules(answer: TriageLlmAnswer, rules: ConversationTriage, conversation: Conversation): ConversationTriage {
  const flags = [...(rules.flags ?? [])];
  const out: ConversationTriage = { ...answer, source: 'llm', flags, ...(rules.language ? { language: rules.language } : {}) };
  if (flags.includes('other_customer_data_request') && !out.escalate) {
    out.escalate = true;
    out.escalationReason = [out.escalationReason, rules.escalationReason].filter(Boolean).join(' ').slice(0, 1_000);
    out.department = rules.department;
  }
  if (flags.includes('unverified_account_request') || flags.includes('other_customer_data_request')) out.clarifyingQuestion = rules.clarifyingQuestion;
  if (conversation.billingLevel) {
    const quadrant = retentionQuadrant(out.conformity, conversation.billingLevel);
    out.retention = { quadrant, actions: [...triagePhrases(rules.language ?? 'en').retention[quadrant].actions] };
  }
  return out;
}

/** The conversation the LLM sees: notes dropped, injection sentences removed from customer messages. */
export function cleanConversationForLlm(conversation: Conversation): Conversation {
  return {
    ...conversation,
    messages: conversation.messages
      .filter((m) => m.direction !== 'note')
      .map((m) => (m.direction === 'in' ? { ...m, text: screenMessage(m.text).cleaned } : m)),
  };
}

export function createRulesTriager(): ConversationTriager {
  return {
    mode: 'rules',
    engine: triageRulesEngineId(),
    async triage(c, p) {
      return triageConversationByRules(c, p);
    },
    async triageDetailed(c, p, rules) {
      return { result: rules ?? triageConversationByRules(c, p) };
    },
  };
}

export function createLlmTriager(llm: LlmConfig, options: { logger: WarnLogger; client?: LlmClient }): ConversationTriager {
  const client = options.client ?? createLlmClient(llm);
  const responseFormat = triageResponseFormat();
  const policy = retryPolicy(llm, { temperature: 0, budget: TRIAGE_BUDGET });

  async function triageDetailed(conversation: Conversation, profile: CompanyProfile, given?: ConversationTriage, call: LlmCallOptions = {}): Promise<TriageOutcome> {
    const rules = given ?? triageConversationByRules(conversation, profile);
    const started = Date.now();
    const messages = buildTriageMessages(cleanConversationForLlm(conversation), profile, rules.language ?? 'en');
    const request = { messages, temperature: 0, responseFormat, budget: TRIAGE_BUDGET, parse: parseTriageAnswer };
    return withinBudget(
      policy,
      call,
      async (signal): Promise<TriageOutcome> => ({ result: mergeTriageWithRules(await completeJson(client, llm, request, signal), rules, conversation) }),
      (giveUp): TriageOutcome => {
        options.logger.warn(giveUpLogFields(giveUp, started, llm.model), 'LLM conversation triage failed; using the rules result');
        return { result: { ...rules, source: 'rules' }, error: giveUp.failure.reason };
      },
    );
  }

  return {
    mode: 'llm',
    model: llm.model,
    engine: triageLlmEngineId(llm.model),
    triageDetailed,
    async triage(c, p) {
      return (await triageDetailed(c, p)).result;
    },
  };
}

/** LLM when configured, else the rules engine. */
export function createConversationTriager(llm: LlmConfig | undefined, options: { logger: WarnLogger; client?: LlmClient }): ConversationTriager {
  return llm ? createLlmTriager(llm, options) : createRulesTriager();
}
