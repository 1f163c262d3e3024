/**
 * Conversation triage by rules (issue 5, item 3). Pure: no DOM, no network — runs in the
 * extension, the backend and the CLI. Public entry point:
 *   triageConversationByRules(conversation, profile) → ConversationTriage (source "rules").
 */
export {
  triageConversationByRules,
  customerTexts,
  decideIntent,
  scoreIntents,
  scoreSentiment,
  isStrongComplaint,
  isBillingDispute,
  isCourtesyOnly,
  retentionQuadrant,
  LOW_CONFIDENCE,
  type CustomerText,
  type IntentDecision,
} from './triage';
export { isConversationInjection, isOtherCustomerDataRequest, hasCustomerNumber, screenMessage } from './safety';
export { triagePhrases, departmentKey, type Department } from './phrases';
