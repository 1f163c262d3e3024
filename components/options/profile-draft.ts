import { CompanyProfileSchema, PRIORITIES, type CampaignSegment, type CampaignTemplate, type CompanyProfile, type Priority } from '@/lib/contracts';

/** The profile as the form holds it: numbers stay text until validated, so a half-typed value is not lost. */
export interface ProfileDraft {
  name: string;
  description: string;
  services: string[];
  targetAudience: string;
  targetIndustries: string[];
  hours: string;
  location: string;
  faq: { q: string; a: string }[];
  catalog: CompanyProfile['catalog'];
  slaHours: Record<Priority, string>;
  replyPolicy: { tone: string; signature: string; maxWords: string; maxCompensation: string; language: string };
  /** The admin's campaign templates: only the segments and languages they changed (the rest keep the defaults). */
  campaignTemplates: CampaignTemplatesDraft;
}

export type CampaignTemplatesDraft = Partial<Record<CampaignSegment, { es?: CampaignTemplate; en?: CampaignTemplate }>>;

export function draftFromProfile(profile: CompanyProfile): ProfileDraft {
  return {
    name: profile.name,
    description: profile.description,
    services: [...profile.services],
    targetAudience: profile.targetAudience,
    targetIndustries: [...profile.targetIndustries],
    hours: profile.hours,
    location: profile.location,
    faq: profile.faq.map((entry) => ({ ...entry })),
    catalog: profile.catalog,
    slaHours: Object.fromEntries(PRIORITIES.map((p) => [p, String(profile.slaHours[p])])) as Record<Priority, string>,
    replyPolicy: {
      tone: profile.replyPolicy.tone,
      signature: profile.replyPolicy.signature,
      maxWords: String(profile.replyPolicy.maxWords),
      maxCompensation: String(profile.replyPolicy.maxCompensation),
      language: profile.replyPolicy.language,
    },
    campaignTemplates: structuredClone(profile.campaignTemplates?.segments ?? {}),
  };
}

/** Nothing changed from the defaults: the profile carries no templates at all. */
function campaignTemplatesOf(segments: CampaignTemplatesDraft) {
  const kept = Object.fromEntries(Object.entries(segments).filter(([, languages]) => languages && (languages.es || languages.en)));
  return Object.keys(kept).length ? { version: 1, segments: kept } : undefined;
}

/** "" → missing (so the schema names it), "12,5" → 12.5, anything else → NaN (the schema refuses it). */
const toNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

/** Validates the draft with the shared CompanyProfileSchema; errors keyed by dotted path ("slaHours.P1"). */
export function validateDraft(draft: ProfileDraft): { ok: true; profile: CompanyProfile } | { ok: false; errors: Record<string, string> } {
  const parsed = CompanyProfileSchema.safeParse({
    ...draft,
    // Blank rows of a list editor are not entries.
    services: draft.services.map((s) => s.trim()).filter(Boolean),
    targetIndustries: draft.targetIndustries.map((s) => s.trim()).filter(Boolean),
    faq: draft.faq.filter((entry) => entry.q.trim() || entry.a.trim()),
    slaHours: Object.fromEntries(PRIORITIES.map((p) => [p, toNumber(draft.slaHours[p])])),
    replyPolicy: { ...draft.replyPolicy, maxWords: toNumber(draft.replyPolicy.maxWords), maxCompensation: toNumber(draft.replyPolicy.maxCompensation) },
    campaignTemplates: campaignTemplatesOf(draft.campaignTemplates),
  });
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}
