import { z } from 'zod';
import { PrioritySchema } from './profile';

export const STAGES = ['SQL', 'MQL', 'Nurture', 'Disqualified', 'Review'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const SENIORITIES = ['C_LEVEL', 'VP', 'DIRECTOR', 'MANAGER', 'TECHNICAL', 'INDIVIDUAL', 'UNKNOWN'] as const;
export const ROLE_TYPES = ['TECH_DECISION_MAKER', 'BUSINESS_DECISION_MAKER', 'INFLUENCER', 'USER', 'UNKNOWN'] as const;
export const DECISION_POWERS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export const EMAIL_TYPES = ['CORPORATE', 'FREE', 'INVALID', 'MISSING'] as const;

export const SourceSchema = z.enum(['llm', 'rules']);
export type Source = z.infer<typeof SourceSchema>;

const score = z.number().int().min(0).max(100);

export const ContactProfileSchema = z.object({
  seniority: z.enum(SENIORITIES),
  roleType: z.enum(ROLE_TYPES),
  decisionPower: z.enum(DECISION_POWERS),
  emailType: z.enum(EMAIL_TYPES),
});
export type ContactProfile = z.infer<typeof ContactProfileSchema>;

export const ScoresSchema = z.object({
  fit: score,
  urgency: score,
  opportunity: score,
  dataQuality: score,
});
export type Scores = z.infer<typeof ScoresSchema>;

/** Flags are added fields (CONTRACTS.md allows additions): e.g. "possible_injection". */
export const LEAD_FLAGS = ['possible_injection', 'free_email_decision_maker', 'not_enough_information', 'limited_evidence'] as const;
export const LeadFlagSchema = z.enum(LEAD_FLAGS);
export type LeadFlag = z.infer<typeof LeadFlagSchema>;

/**
 * CONTRACTS.md: LeadClassification. Field order matters: stage, priority and
 * slaHours come first so a streaming model produces them first.
 */
export const LeadClassificationSchema = z.object({
  stage: StageSchema,
  priority: PrioritySchema,
  slaHours: z.number().positive(),
  scores: ScoresSchema,
  contact: ContactProfileSchema,
  summary: z.string().max(2_000),
  detectedNeeds: z.array(z.string().max(300)).max(20),
  matchedServices: z.array(z.string().max(300)).max(20),
  nextSteps: z.array(z.string().max(500)).max(10),
  recommendedOwner: z.string().max(300),
  rationale: z.string().max(4_000),
  source: SourceSchema,
  flags: z.array(LeadFlagSchema).default([]),
  language: z.enum(['es', 'en']).optional(),
  /** How sure the answer is, 0–1: how much of what stage and priority rest on the record actually shows. */
  confidence: z.number().min(0).max(1).optional(),
  /**
   * Present when the record shows too little to judge (a list row with name and email only, no
   * need stated): the panel and the list badge show a neutral "not enough data" with these
   * reasons, in the lead's language, instead of a priority.
   */
  limitedEvidence: z.object({ reasons: z.array(z.string().max(300)).max(6) }).optional(),
  /** The lead's words behind each signal the rules used ("urgentemente", "presupuesto aprobado"). */
  evidence: z.array(z.object({ signal: z.string().max(60), quote: z.string().max(200) })).max(20).optional(),
});
export type LeadClassification = z.output<typeof LeadClassificationSchema>;
