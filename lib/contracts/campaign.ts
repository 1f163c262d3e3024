import { z } from 'zod';

export const CAMPAIGN_STEP_NAMES = ['read', 'enrich', 'reason', 'write'] as const;
export const CampaignStepSchema = z.object({
  name: z.enum(CAMPAIGN_STEP_NAMES),
  detail: z.string().max(2_000),
});
export type CampaignStep = z.infer<typeof CampaignStepSchema>;

/**
 * A personalised email campaign for one lead (POST /v1/campaigns/draft, `pulso campaign`).
 * `suggestedProduct` is one of the profile's services or catalog items, never invented;
 * `html` is safe to render (sanitised: no script, no handlers, no remote loads, no forms);
 * `steps` is the glass box of how it was made. `source` "rules" with `rescue: true` means the
 * LLM failed and a pre-approved template was filled.
 */
export const CampaignSchema = z.object({
  segment: z.string().max(200),
  suggestedProduct: z.string().max(300),
  subject: z.string().max(300),
  preheader: z.string().max(300),
  message: z.string().max(8_000),
  html: z.string().max(50_000),
  callToAction: z.string().max(300),
  rationale: z.string().max(2_000),
  steps: z.array(CampaignStepSchema).max(20),
  language: z.enum(['es', 'en']),
  source: z.enum(['llm', 'rules']),
  /** Added fields. */
  rescue: z.boolean().optional(),
  /** What the record lacked (the campaign asks for it instead of inventing it). */
  missing: z.array(z.string().max(100)).max(20).optional(),
  flags: z.array(z.string().max(100)).max(20).optional(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** One item of the record's activity timeline as the page shows it (notes, emails, calls…): enrichment for a campaign. */
export const TimelineItemSchema = z.object({
  kind: z.enum(['note', 'email', 'call', 'meeting', 'task', 'other']),
  date: z.string().max(100).default(''),
  text: z.string().max(4_000),
});
export type TimelineItem = z.output<typeof TimelineItemSchema>;

/** What the page shows beyond the Lead fields, used to enrich a campaign. Every item is traceable to the page. */
export const CampaignContextSchema = z.object({
  timeline: z.array(TimelineItemSchema).max(50).default([]),
  dealStage: z.string().max(200).optional(),
});
export type CampaignContext = z.output<typeof CampaignContextSchema>;
