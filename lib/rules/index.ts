/**
 * The deterministic lead-classification rules engine: the embedded default,
 * the instant preview and the rescue path when the LLM fails (PRODUCT.md).
 * Pure functions only — runs in the service worker, content scripts, backend and CLI.
 */
export { classifyLeadByRules, sanitizeLead } from './lead/classify';
export { findInjection, isInjectionSentence } from './safety/injection';
export { llmCeiling, capToCeiling, unverifiableText, type LlmCeiling } from './safety/ceiling';
export { classifyJobTitle, type JobTitleProfile } from './contact/job-title';
export { classifyEmail, type EmailInfo, type EmailType } from './contact/email-type';
export { scoreFit, fitGrade, type FitGrade, type FitResult } from './lead/fit';
export { scoreUrgency } from './lead/urgency';
export { scoreOpportunity } from './lead/opportunity';
export { scoreDataQuality, isJunk, isPlausiblePhone, type DataQualityResult } from './lead/data-quality';
export { decideStage, decidePriority, THRESHOLDS, type StageInput } from './lead/stage';
export { detectNeeds } from './lead/needs';
export { parseCompanySize, parseMoney } from './lead/quantities';
export { compileProfile, describeProfile, type CompiledProfile, type ProfileUnderstanding } from './profile/compile';
export { classifyLeadStrict, confidenceOf, leadLanguageByRules, readLeadByRules, type LeadRulesReading } from './lead/classify';
export type { Contribution, ScoreResult } from './lead/types';
