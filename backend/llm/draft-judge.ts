import type { CompanyProfile, Conversation, ConversationTriage, JudgeScore, ReplyDraft } from '../../lib/contracts';
import { judgeDraftByRules } from '../../lib/learning/judge';
import { JUDGE_PROMPT_VERSION, buildJudgeMessages, judgeFromLlmAnswer, judgeResponseFormat } from '../../lib/llm/judge-prompt';
import { JUDGE_BUDGET } from '../../lib/llm/output-budget';
import { RULES_ENGINE, llmEngineId } from '../../lib/versions';
import type { LlmConfig } from '../config';
import { cleanConversationForLlm } from './conversation-triage';
import {
  LlmFailure,
  answerJson,
  completeJson,
  createLlmClient,
  type LlmClient,
  giveUpLogFields,
  retryPolicy,
  withinBudget,
  type LlmCallOptions,
  type WarnLogger,
} from './structured-chat';

/**
 * The judge of a reply draft (issue 12): how the customer would likely take it — expected NPS
 * (0–10), engagement and churn probability, one line of why. The LLM judge when a model is
 * configured (lib/llm/judge-prompt.ts: strict json_schema, the draft and conversation fenced as
 * untrusted data, the same client, budget and retry rules as every task), the rules judge
 * otherwise and on any failure.
 */
export interface JudgeInput {
  draft: Pick<ReplyDraft, 'strategy' | 'text' | 'safety' | 'language'>;
  conversation: Conversation;
  triage: ConversationTriage;
}

export interface JudgeOutcome {
  result: JudgeScore;
  /** Why the LLM judge was not used; absent when it was, or in rules mode. */
  error?: LlmFailure['reason'];
}

export interface DraftJudge {
  mode: 'rules' | 'llm';
  engine: string;
  judgeDetailed(input: JudgeInput, profile: CompanyProfile, call?: LlmCallOptions): Promise<JudgeOutcome>;
}

export const judgeRulesEngineId = () => `${RULES_ENGINE}:judge`;

export const judgeByRules = (input: JudgeInput, profile: CompanyProfile): JudgeScore =>
  judgeDraftByRules({ draft: input.draft, triage: input.triage, conversation: input.conversation, profile, language: input.draft.language });

export function createRulesJudge(): DraftJudge {
  return { mode: 'rules', engine: judgeRulesEngineId(), judgeDetailed: async (input, profile) => ({ result: judgeByRules(input, profile) }) };
}

export function createLlmJudge(llm: LlmConfig, options: { logger: WarnLogger; client?: LlmClient }): DraftJudge {
  const client = options.client ?? createLlmClient(llm);
  const responseFormat = judgeResponseFormat();
  return {
    mode: 'llm',
    engine: llmEngineId(llm.model, JUDGE_PROMPT_VERSION),
    async judgeDetailed(input, profile, call = {}) {
      const started = Date.now();
      const messages = buildJudgeMessages(cleanConversationForLlm(input.conversation), profile, {
        draft: input.draft,
        triage: input.triage,
        language: input.draft.language,
      });
      const request = {
        messages,
        // Scores, not prose: the same draft should read the same way twice.
        temperature: 0,
        responseFormat,
        budget: JUDGE_BUDGET,
        parse: (finished: Parameters<typeof answerJson>[0]) => {
          const score = judgeFromLlmAnswer(answerJson(finished));
          if (!score) throw new LlmFailure('schema_invalid', 'the judge answer does not match the schema');
          return score;
        },
      };
      return withinBudget(
        retryPolicy(llm, request),
        call,
        async (signal): Promise<JudgeOutcome> => ({ result: await completeJson(client, llm, request, signal) }),
        (giveUp): JudgeOutcome => {
          options.logger.warn(giveUpLogFields(giveUp, started, llm.model), 'LLM judge failed; using the rules judge');
          return { result: judgeByRules(input, profile), error: giveUp.failure.reason };
        },
      );
    },
  };
}

/** LLM when configured, else the rules judge. */
export function createDraftJudge(llm: LlmConfig | undefined, options: { logger: WarnLogger; client?: LlmClient }): DraftJudge {
  return llm ? createLlmJudge(llm, options) : createRulesJudge();
}
