import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { CompanyProfileSchema, type CompanyProfile } from './contracts';
import { DEMO_PROFILE } from './profile/demo-profile';

export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';

/** A backend URL must be http(s): anything else (javascript:, file:) is refused. */
export const BackendUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:$/.test(new URL(value).protocol), { message: 'the backend URL must start with http:// or https://' })
  .transform((value) => value.replace(/\/+$/, ''));

export const SettingsSchema = z.object({
  backendUrl: BackendUrlSchema.default(DEFAULT_BACKEND_URL),
  /** A rep's team token; it goes to the backend only, never into a page. */
  token: z.string().max(500).default(''),
  cacheTtlHours: z.number().positive().max(24 * 90).default(24),
});
export type Settings = z.output<typeof SettingsSchema>;

const settingsItem = storage.defineItem<unknown>('local:settings');
const profileItem = storage.defineItem<unknown>('local:profile');

/** Stored data is validated on read: a corrupt value falls back to defaults instead of breaking the panel. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse((await settingsItem.getValue()) ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function writeSettings(input: z.input<typeof SettingsSchema>): Promise<Settings> {
  const settings = SettingsSchema.parse(input);
  await settingsItem.setValue(settings);
  return settings;
}

export async function readProfile(): Promise<CompanyProfile> {
  const parsed = CompanyProfileSchema.safeParse(await profileItem.getValue());
  return parsed.success ? parsed.data : DEMO_PROFILE;
}

export async function writeProfile(input: unknown): Promise<CompanyProfile> {
  const profile = CompanyProfileSchema.parse(input);
  await profileItem.setValue(profile);
  return profile;
}
