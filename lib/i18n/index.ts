import { en, type MessageKey } from './en';
import { es } from './es';

export type UiLanguage = 'es' | 'en';
export type { MessageKey };

const CATALOGUES: Record<UiLanguage, Record<MessageKey, string>> = { en, es };

export function uiLanguageFrom(locale: string | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The UI language a setting means: 'es' / 'en' as chosen, 'auto' follows the browser's locale. */
export function resolveUiLanguage(setting: 'auto' | 'es' | 'en' | undefined, locale: string | undefined): UiLanguage {
  return setting === 'es' || setting === 'en' ? setting : uiLanguageFrom(locale);
}

/** Looks a key up and fills `{name}` slots; slot values are plain text, never markup. */
export function translate(lang: UiLanguage, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = CATALOGUES[lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const catalogueKeys = (lang: UiLanguage) => Object.keys(CATALOGUES[lang]).sort();
