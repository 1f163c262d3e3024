// The storage.local keys a content script reads before its first look at the page. Apart from
// the modules that parse them (lib/settings.ts, lib/selector-pack/stored.ts) so that
// lib/content/start-read.ts can ask for them before those modules (and zod) are evaluated.

/** The options' settings (lib/settings.ts SettingsSchema). */
export const SETTINGS_STORAGE_KEY = 'settings';
/** The selector pack the background accepted (lib/selector-pack/stored.ts). */
export const SELECTOR_PACK_STORAGE_KEY = 'selectorPack';
