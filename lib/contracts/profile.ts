import { z } from 'zod';
import { CampaignTemplatesSchema } from './campaign';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

const text = (max = 2_000) => z.string().max(max);
const hours = z.number().positive().max(24 * 365);

export const SlaHoursSchema = z.object({ P1: hours, P2: hours, P3: hours, P4: hours });
export type SlaHours = z.infer<typeof SlaHoursSchema>;

/** Used when the profile sets no SLA: first touch within the hour for the hottest leads. */
export const DEFAULT_SLA_HOURS: SlaHours = { P1: 1, P2: 4, P3: 24, P4: 72 };

export const FaqEntrySchema = z.object({ q: text(), a: text(4_000) });
export const CatalogItemSchema = z.object({
  sku: text(100),
  name: text(300),
  price: z.number().nonnegative().optional(),
  stock: z.number().int().nonnegative().optional(),
});

export const ReplyPolicySchema = z.object({
  tone: text(200).default('friendly'),
  signature: text(500).default(''),
  maxWords: z.number().int().positive().max(2_000).default(180),
  maxCompensation: z.number().nonnegative().default(0),
  language: text(20).default('auto'),
});

/** CONTRACTS.md: Company profile. Only the name is required; lists default to empty. */
export const CompanyProfileSchema = z.object({
  name: text(200).min(1),
  description: text(4_000).default(''),
  services: z.array(text(300)).max(100).default([]),
  targetAudience: text(2_000).default(''),
  targetIndustries: z.array(text(200)).max(100).default([]),
  hours: text(1_000).default(''),
  location: text(1_000).default(''),
  faq: z.array(FaqEntrySchema).max(500).default([]),
  catalog: z.array(CatalogItemSchema).max(5_000).default([]),
  slaHours: SlaHoursSchema.default(DEFAULT_SLA_HOURS),
  replyPolicy: ReplyPolicySchema.default(ReplyPolicySchema.parse({})),
  /**
   * The admin's pre-approved campaign templates (rules mode and the rescue), per segment and
   * language; what they leave out keeps the built-in default. Part of the profile so they reach
   * every rep, the backend and the CLI with the team profile, under its version.
   */
  campaignTemplates: CampaignTemplatesSchema.optional(),
});
export type CompanyProfile = z.output<typeof CompanyProfileSchema>;
export type CompanyProfileInput = z.input<typeof CompanyProfileSchema>;
