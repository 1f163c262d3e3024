import { z } from 'zod';
import { LeadSchema } from './lead';
import { CompanyProfileSchema } from './profile';

/** POST /v1/leads/classify — the lead, and optionally the company profile (else the backend's configured one). */
export const ClassifyLeadRequestSchema = z.object({
  lead: LeadSchema,
  profile: CompanyProfileSchema.optional(),
});
export type ClassifyLeadRequest = z.input<typeof ClassifyLeadRequestSchema>;

export const ApiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/**
 * Every non-2xx body. `error` is a stable machine code (bad_request, invalid_json,
 * unauthorized, payload_too_large, not_found, internal…); `message` is for humans and,
 * for validation errors, names the field path ("lead.email: Invalid input: …").
 */
export const ApiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * GET /healthz. `engine` identifies what produces results, for cache keys:
 * `rules:${RULES_VERSION}` or `llm:${model}:${LEAD_PROMPT_VERSION}:${RULES_VERSION}`.
 */
export const HealthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  mode: z.enum(['rules', 'llm']),
  model: z.string().optional(),
  engine: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/** GET /readyz. `llm` is "disabled" without LLM_BASE_URL; the rules fallback keeps the backend ready either way. */
export const ReadySchema = z.object({
  ok: z.boolean(),
  llm: z.enum(['disabled', 'up', 'down']),
});
export type Ready = z.infer<typeof ReadySchema>;
