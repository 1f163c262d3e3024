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
export type CampaignContextInput = z.input<typeof CampaignContextSchema>;

/**
 * What a campaign is for, decided from the lead's classification and the deal stage:
 * hot (SQL), evaluating (MQL), nurture, customer (a won deal: the next product), win_back (a
 * lost deal), needs_info (the record says too little: the campaign asks for what is missing).
 */
export const CAMPAIGN_SEGMENTS = ['hot', 'evaluating', 'nurture', 'customer', 'win_back', 'needs_info'] as const;
export const CampaignSegmentSchema = z.enum(CAMPAIGN_SEGMENTS);
export type CampaignSegment = z.infer<typeof CampaignSegmentSchema>;

/**
 * The slots a campaign template may use; each is filled with plain text from the record or the
 * profile (never markup), and has a neutral wording when the record lacks it. `{followUp}` is a
 * whole sentence about the last call / meeting / email on the timeline, or nothing.
 */
export const CAMPAIGN_SLOTS = ['greeting', 'firstName', 'company', 'product', 'need', 'industry', 'sender', 'signature', 'missing', 'followUp'] as const;

const SLOT_PATTERN = /\{(\w+)\}/g;
const templateText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      for (const m of text.matchAll(SLOT_PATTERN)) {
        if (!(CAMPAIGN_SLOTS as readonly string[]).includes(m[1]!)) {
          ctx.addIssue({ code: 'custom', message: `unknown slot {${m[1]}}: use ${CAMPAIGN_SLOTS.map((s) => `{${s}}`).join(', ')}` });
        }
      }
    });

/** One pre-approved template, in one language. */
export const CampaignTemplateSchema = z.object({
  subject: templateText(300).pipe(z.string().min(1)),
  preheader: templateText(300),
  /** Plain text; paragraphs separated by a blank line. */
  body: templateText(6_000).pipe(z.string().min(1)),
  callToAction: templateText(300).pipe(z.string().min(1)),
});
export type CampaignTemplate = z.infer<typeof CampaignTemplateSchema>;

/**
 * The pre-approved templates per segment and language that rules mode and the rescue fill, as
 * the admin edits them in the options page. Any segment or language left out uses the built-in
 * default (lib/campaign/templates.ts).
 */
export const CampaignTemplatesSchema = z.object({
  version: z.literal(1).default(1),
  segments: z.partialRecord(CampaignSegmentSchema, z.object({ es: CampaignTemplateSchema.optional(), en: CampaignTemplateSchema.optional() })).default({}),
});
export type CampaignTemplates = z.output<typeof CampaignTemplatesSchema>;
export type CampaignTemplatesInput = z.input<typeof CampaignTemplatesSchema>;
