/**
 * Output caps (`max_tokens`) per LLM task, and the output a typical answer needs.
 *
 * gpt-oss writes its analysis (the `reasoning` field) before the answer (`content`), and both
 * count against `max_tokens`. Without a cap vLLM allows max_model_len − prompt (~129k tokens):
 * a reasoning loop, or the grammar's endless-whitespace loop, holds a GPU slot until the
 * time-out. With the cap, the worst case is `cap × ms per token`, and the request ends with
 * finish_reason "length" (a named, non-retried failure → the rules answer).
 *
 * The numbers come from `npx tsx eval/token-budget.ts` (gpt-oss's o200k tokenizer over the
 * eval leads and conversations, answers of the real shape); docs/llm.md shows the arithmetic,
 * output-budget.test.ts re-measures and fails when a prompt or schema change outgrows a cap.
 */

/**
 * Analysis tokens allowed at reasoning_effort "low". A classification at low effort reasons for
 * a few hundred tokens; this leaves room for the long ones without letting a loop run on.
 * `npm run llm:check` reports the completion tokens per task on the real model.
 */
export const REASONING_ALLOWANCE_TOKENS = 768;
/** The analysis a typical request writes at low effort (for "can a retry still finish?"). */
export const TYPICAL_REASONING_TOKENS = 250;

/**
 * Largest answer measured per task (compact JSON, o200k tokens; eval/token-budget.ts).
 * The caps allow twice that: the model writes its free-text fields more freely than the rules
 * engine whose answers were measured.
 */
export const MEASURED_ANSWER_TOKENS = {
  lead: { p50: 368, max: 448 },
  triage: { p50: 95, max: 192 },
  /** The draft without its text (keys, strategy, language, judge); the text scales with maxWords. */
  draftOverhead: { p50: 63, max: 65 },
  /** Tokens per word of a draft text (Spanish and English), p95 and max. */
  draftTokensPerWord: { p95: 1.55, max: 1.62 },
  /** The standalone judge: p50 of the measured answers (max 47); max = the longest the schema admits (a 280-character rationale). */
  judge: { p50: 41, max: 84 },
  /** A campaign without its message and html (keys, segment, the two reasons, subject, preheader, call to action). */
  campaignOverhead: { p50: 157, max: 210 },
  /** Tokens per word of a campaign message (Spanish and English), p95 and max. */
  campaignTokensPerWord: { p95: 1.34, max: 1.4 },
  /** What the html adds over the message it formats (simple paragraph markup). */
  campaignHtmlMarkup: { p50: 31, max: 35 },
} as const;

const ANSWER_MARGIN = 2;

export interface TaskBudget {
  /** Sent as `max_tokens`: analysis + answer. */
  maxTokens: number;
  /** Analysis + answer of a typical request: how long a retry needs to be worth starting. */
  typicalTokens: number;
}

export const LEAD_BUDGET: TaskBudget = {
  maxTokens: REASONING_ALLOWANCE_TOKENS + ANSWER_MARGIN * MEASURED_ANSWER_TOKENS.lead.max,
  typicalTokens: TYPICAL_REASONING_TOKENS + MEASURED_ANSWER_TOKENS.lead.p50,
};

export const TRIAGE_BUDGET: TaskBudget = {
  maxTokens: REASONING_ALLOWANCE_TOKENS + ANSWER_MARGIN * MEASURED_ANSWER_TOKENS.triage.max,
  typicalTokens: TYPICAL_REASONING_TOKENS + MEASURED_ANSWER_TOKENS.triage.p50,
};

export const JUDGE_BUDGET: TaskBudget = {
  maxTokens: REASONING_ALLOWANCE_TOKENS + ANSWER_MARGIN * MEASURED_ANSWER_TOKENS.judge.max,
  typicalTokens: TYPICAL_REASONING_TOKENS + MEASURED_ANSWER_TOKENS.judge.p50,
};

/**
 * A draft's text is bounded by the company's reply policy (maxWords), so its cap follows it:
 * maxWords × the most tokens per word measured × 1.25, plus twice the rest of the answer.
 */
export function draftBudget(maxWords: number): TaskBudget {
  const text = Math.ceil(maxWords * MEASURED_ANSWER_TOKENS.draftTokensPerWord.max * 1.25);
  return {
    maxTokens: REASONING_ALLOWANCE_TOKENS + text + ANSWER_MARGIN * MEASURED_ANSWER_TOKENS.draftOverhead.max,
    typicalTokens: TYPICAL_REASONING_TOKENS + Math.ceil(maxWords * 0.6 * MEASURED_ANSWER_TOKENS.draftTokensPerWord.p95) + MEASURED_ANSWER_TOKENS.draftOverhead.p50,
  };
}

/**
 * A campaign's message is bounded by the reply policy's maxWords and its html is the same email
 * formatted, so the cap follows maxWords twice (message, html copy): maxWords × the most tokens
 * per word measured × 1.25 each, plus twice the markup and twice the rest of the answer.
 */
export function campaignBudget(maxWords: number): TaskBudget {
  const m = MEASURED_ANSWER_TOKENS;
  const text = Math.ceil(maxWords * m.campaignTokensPerWord.max * 1.25);
  const typicalText = Math.ceil(maxWords * 0.6 * m.campaignTokensPerWord.p95);
  return {
    maxTokens: REASONING_ALLOWANCE_TOKENS + 2 * text + ANSWER_MARGIN * (m.campaignHtmlMarkup.max + m.campaignOverhead.max),
    typicalTokens: TYPICAL_REASONING_TOKENS + 2 * typicalText + m.campaignHtmlMarkup.p50 + m.campaignOverhead.p50,
  };
}
