/**
 * Personalised campaigns from the record on screen (issue 13), pure: read → enrich → reason →
 * write with a glass box of steps, pre-approved templates (rules mode and the rescue), safe HTML
 * (rendered from text; model HTML sanitised), the LLM answer's checks, and history exports.
 */
export { gatherCampaignFacts, campaignLanguage, dealPhaseOf, MAX_TIMELINE_ITEMS, type CampaignFacts, type CampaignInput, type DealPhase } from './facts';
export { decideCampaignSegment, statesNeed, type SegmentDecision, type SegmentWhy } from './segment';
export { suggestProduct, reconcileProduct, profileProduct, bestProductMatch, type ProductChoice, type ProductBasis } from './product';
export { DEFAULT_CAMPAIGN_TEMPLATES, campaignTemplate, parseCampaignTemplates, fillTemplate } from './templates';
export { generateCampaignByRules, campaignFromFacts, readStep, enrichStep, reasonStep, type CampaignOptions } from './generate';
export { renderCampaignHtml, previewDocument, escapeHtml, PREVIEW_CSP } from './html';
export { createCampaignHtmlSanitizer, filterStyle, type HtmlSanitizer, type SanitizedHtml } from './sanitize-html';
export { campaignHtmlSanitizerFor, campaignPreviewDocument, safeCampaignHtml } from './safe-html';
export { campaignFromLlmAnswer, campaignPromptInput, stepsBeforeModel, streamedStep, rescueCampaign, RESCUE_REASONS, type RescueReason, type LlmCampaignOutcome } from './llm-answer';
export { CampaignHistoryEntrySchema, CAMPAIGN_CSV_COLUMNS, campaignCsvRow, campaignsToCsv, campaignsToJson, campaignsToHtml, type CampaignHistoryEntry } from './export';
