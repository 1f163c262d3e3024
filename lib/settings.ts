import { z } from 'zod';
import { BackendUrlSchema, CRMS, type Crm } from './contracts';
import { DEFAULT_HISTORY_RETENTION_DAYS } from './history/schema';
import { storageLocalKey } from './storage-local';
import { SETTINGS_STORAGE_KEY } from './storage-keys';

export { BackendUrlSchema } from './contracts';
export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';
export const UI_LANGUAGE_SETTINGS = ['auto', 'es', 'en'] as const;
export type UiLanguageSetting = (typeof UI_LANGUAGE_SETTINGS)[number];

/** Every CRM Pulso reads, on unless turned off. */
const SitesSchema = z.object(Object.fromEntries(CRMS.map((crm) => [crm, z.boolean().default(true)])) as Record<Crm, z.ZodDefault<z.ZodBoolean>>);

/**
 * What the options set, in storage.local under `settings`. Every content script can read
 * storage.local, so no secret is kept here: the tokens are the background's alone
 * (lib/background/connection.ts). The company profile is stored apart (lib/profile/stored.ts):
 * content scripts read the settings, never the profile.
 */
export const SettingsSchema = z.object({
  backendUrl: BackendUrlSchema.default(DEFAULT_BACKEND_URL),
  cacheTtlHours: z.number().positive().max(24 * 90).default(24),
  /** Which CRMs Pulso draws on; content scripts check it at start and on every change. */
  sites: SitesSchema.prefault({}),
  privacy: z
    .object({
      /** Emails and phone numbers are masked before a lead leaves the browser (lib/privacy/mask.ts). */
      maskContacts: z.boolean().default(false),
      /** The history page trims results older than this (read it with readHistoryRetentionDays()). */
      historyRetentionDays: z.number().int().min(1).max(3_650).default(DEFAULT_HISTORY_RETENTION_DAYS),
    })
    .prefault({}),
  /** UI language: 'auto' follows the browser (resolveUiLanguage in lib/i18n). */
  language: z.enum(UI_LANGUAGE_SETTINGS).default('auto'),
});
export type Settings = z.output<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export { SETTINGS_STORAGE_KEY };
const settingsItem = storageLocalKey(SETTINGS_STORAGE_KEY);

/** Stored data is validated on read: a corrupt value falls back to defaults instead of breaking the panel. */
export async function readSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.get());
}

/** The settings a stored value holds: the defaults where it is missing or does not parse. */
export function settingsFrom(stored: unknown): Settings {
  const parsed = SettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function writeSettings(input: z.input<typeof SettingsSchema>): Promise<Settings> {
  const settings = SettingsSchema.parse(input);
  await settingsItem.set(settings);
  return settings;
}

/** Changes some settings and keeps the rest; an invalid patch throws and nothing is written. */
export async function updateSettings(patch: Partial<SettingsInput>): Promise<Settings> {
  return writeSettings({ ...(await readSettings()), ...patch });
}

/** Days of history to keep (the history page's trim); 30 unless the admin set another value. */
export async function readHistoryRetentionDays(): Promise<number> {
  return (await readSettings()).privacy.historyRetentionDays;
}

/**
 * Calls `onChange` with the validated settings whenever they change (any tab, any context).
 * `cleared` says the settings were removed (the user cleared local data): the defaults apply.
 * Returns the unwatch.
 */
export function watchSettings(onChange: (settings: Settings, change: { cleared: boolean }) => void): () => void {
  return settingsItem.watch((value) => onChange(settingsFrom(value), { cleared: value == null }));
}
