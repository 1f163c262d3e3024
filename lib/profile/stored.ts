import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { CompanyProfileSchema, type CompanyProfile } from '../contracts';
import { DEMO_PROFILE } from './demo-profile';

// The company profile in storage.local: the one the options' editor saved (`profile`) and the
// team's pulled from the backend (`teamProfile`). The background and the options read it; the
// content scripts never do (they only read lib/settings.ts), so it is kept out of their modules.

const LOCAL_PROFILE_KEY = 'profile';
const TEAM_PROFILE_KEY = 'teamProfile';
/** The storage.local keys readProfile() depends on: the admin's local profile and the pulled team profile. */
export const PROFILE_STORAGE_KEYS = [LOCAL_PROFILE_KEY, TEAM_PROFILE_KEY] as const;
const profileItem = storage.defineItem<unknown>(`local:${LOCAL_PROFILE_KEY}`);

/** The admin's locally saved profile (the options page's editor), or undefined when none was saved. */
export async function readLocalProfile(): Promise<CompanyProfile | undefined> {
  const parsed = CompanyProfileSchema.safeParse(await profileItem.getValue());
  return parsed.success ? parsed.data : undefined;
}

/**
 * The profile every classification uses: the team profile published on the backend (pulled
 * by lib/background/team-profile.ts), else the one saved in this browser, else the backend's
 * configured one, else the demo profile.
 */
export async function readProfile(): Promise<CompanyProfile> {
  const team = await readTeamProfile();
  if (team?.source === 'published') return team.profile;
  return (await readLocalProfile()) ?? team?.profile ?? DEMO_PROFILE;
}

/** The last team profile pulled from the backend, validated on read. */
export const TeamProfileCacheSchema = z.object({
  version: z.string(),
  profile: CompanyProfileSchema,
  updatedAt: z.string().nullable(),
  source: z.enum(['published', 'configured']),
  backendUrl: z.string(),
  pulledAt: z.number(),
});
export type TeamProfileCache = z.output<typeof TeamProfileCacheSchema>;
const teamProfileItem = storage.defineItem<unknown>(`local:${TEAM_PROFILE_KEY}`);

export async function readTeamProfile(): Promise<TeamProfileCache | undefined> {
  const parsed = TeamProfileCacheSchema.safeParse(await teamProfileItem.getValue());
  return parsed.success ? parsed.data : undefined;
}

export async function writeTeamProfile(value: z.input<typeof TeamProfileCacheSchema>): Promise<void> {
  await teamProfileItem.setValue(TeamProfileCacheSchema.parse(value));
}

export async function writeProfile(input: unknown): Promise<CompanyProfile> {
  const profile = CompanyProfileSchema.parse(input);
  await profileItem.setValue(profile);
  return profile;
}
