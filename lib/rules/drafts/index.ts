/**
 * Reply drafts by rules: five strategies (empathetic, technical, compensation, escalate,
 * follow_up) as templates with slots, grounded in the company profile; the safety check every
 * draft goes through (rules or LLM); deterministic tone actions. Pure functions.
 */
export {
  draftReplyByRules,
  pickStrategy,
  renderTemplate,
  groundedParts,
  compensationAmount,
  currencyOf,
  apologyDue,
  draftSla,
  type DraftOptions,
  type DraftToneAction,
} from './compose';
export { checkDraftSafety, findSafetyIssues, SAFETY_RULES, type SafetyInput, type SafetyIssue, type SafetyRule } from './safety';
export { shorten, friendlier, toFormal, toUsted, toFormalEnglish, truncateWords } from './tone';
export { buildDraftContext, policyLanguage, policyFormal, firstNameOf, type DraftContext } from './context';
export { detectAsks, matchCatalog, matchFaq, profileKnowledgeTexts } from './knowledge';
export { countWords } from './text';
export { draftOutreachByRules, type OutreachFacts } from './outreach';
