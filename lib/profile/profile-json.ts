import { CompanyProfileSchema, type CompanyProfile } from '../contracts';

export interface ProfileProblem {
  /** Dotted path of the field ("slaHours.P1", "faq.2.q"), or "" for the whole file. */
  path: string;
  message: string;
}

export type ProfileImport = { ok: true; profile: CompanyProfile } | { ok: false; problems: ProfileProblem[] };

const KNOWN_FIELDS = new Set(Object.keys(CompanyProfileSchema.shape));

/**
 * An exported profile file → the profile, or every problem at once (bad JSON, each invalid
 * field, each unknown field), so the admin fixes the file in one go and nothing is half-applied.
 */
export function importProfileJson(text: string): ProfileImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [{ path: '', message: 'expected a JSON object with the profile fields (name, services, …)' }] };
  }
  // An export wraps nothing; a GET /v1/profile answer wraps the profile: accept both.
  const candidate = 'profile' in json && typeof (json as { profile: unknown }).profile === 'object' && !('name' in json) ? (json as { profile: object }).profile : json;
  const problems: ProfileProblem[] = [];
  for (const key of Object.keys(candidate as object)) {
    if (!KNOWN_FIELDS.has(key)) problems.push({ path: key, message: `unknown field "${key}"` });
  }
  const parsed = CompanyProfileSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ path: issue.path.map(String).join('.'), message: issue.message });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, profile: parsed.data };
}

/** The export: the profile alone, pretty-printed, so it imports back as is. */
export function exportProfileJson(profile: CompanyProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}
