/**
 * Every version Pulso stamps on a result, in one place. Bump one whenever a change would
 * alter a result for the same input: they are part of every engine id, and so of every
 * cache key (the extension's and the backend's).
 */
export const RULES_VERSION = 'rules-6';
export const LEAD_PROMPT_VERSION = 'lead-prompt-2';
export const CONVERSATION_PROMPT_VERSION = 'conversation-prompt-2';
export const DRAFT_PROMPT_VERSION = 'draft-prompt-3';
export const JUDGE_PROMPT_VERSION = 'judge-prompt-1';
export const CAMPAIGN_PROMPT_VERSION = 'campaign-prompt-1';

/** The engine id of the embedded rules engine's lead classifications (GET /healthz `engine` in rules mode). */
export const RULES_ENGINE = `rules:${RULES_VERSION}`;

/** The engine id of an LLM answer: the model, the prompt that asked it, and the rules that cap it. */
export function llmEngineId(model: string, promptVersion: string): string {
  return `llm:${model}:${promptVersion}:${RULES_VERSION}`;
}
