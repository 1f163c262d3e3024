import { z } from 'zod';
import { HealthSchema } from './api';

/**
 * Why a backend URL cannot be used, or undefined when it can. Never throws: "", "http://"
 * and other unparsable text get a sentence, not a TypeError.
 */
export function backendUrlProblem(value: string): string | undefined {
  if (!value) return 'enter the backend URL (http:// or https://)';
  // Checked on the text, not on the parsed URL: WHATWG URL parsing reads "http:/x" and "http:x" as http://x/.
  if (!/^https?:\/\/[^/]/i.test(value)) return 'the backend URL must start with http:// or https:// and a host name';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'the backend URL is not a valid URL';
  }
  // The token travels in the Authorization header; credentials in the URL would end up in logs.
  if (url.username || url.password) return 'the backend URL must not contain a user name or password (the team token is set apart)';
  // Paths are appended to the URL: a query or fragment would swallow them.
  if (url.search || url.hash) return 'the backend URL must not contain ? or #';
  return undefined;
}

/** A backend URL: http(s), a host, no credentials; stored without trailing slashes. */
export const BackendUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = backendUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value.replace(/\/+$/, ''));

/** A team or admin token: sent only to the backend, in the Authorization header; never logged, never in a page. */
export const TokenSchema = z.string().trim().max(500);

/** Where the backend is and the tokens it takes: the background alone reads the tokens. */
export const ConnectionSchema = z.object({
  backendUrl: BackendUrlSchema,
  /** A rep's team token. */
  token: TokenSchema.default(''),
  /** The admin's token, only to publish the team profile. */
  adminToken: TokenSchema.default(''),
});
export type Connection = z.output<typeof ConnectionSchema>;
export type ConnectionInput = z.input<typeof ConnectionSchema>;

/** GET /healthz on the configured backend, as the popup shows it: reachable or not, rules or which LLM. */
export const BackendStatusSchema = z.object({
  backendUrl: z.string(),
  reachable: z.boolean(),
  mode: HealthSchema.shape.mode.optional(),
  model: z.string().optional(),
  engine: z.string().optional(),
  version: z.string().optional(),
  /** Why it is not reachable. */
  error: z.string().optional(),
});
export type BackendStatus = z.output<typeof BackendStatusSchema>;

/** "Test connection" in the options: the status, and whether the team token is accepted (GET /v1/profile). */
export const ConnectionReportSchema = BackendStatusSchema.omit({ backendUrl: true }).extend({
  /** ok: the team token is accepted; refused: 401/403; skipped: the backend could not be reached. */
  auth: z.enum(['ok', 'refused', 'skipped']),
  /** The profile version the backend serves, when auth is ok. */
  profileVersion: z.string().optional(),
});
export type ConnectionReport = z.output<typeof ConnectionReportSchema>;
