/**
 * Pulso's own i18n: a catalogue per area and language, switched at run time (the options'
 * Language setting, followed by open tabs at once). Not the browser's i18n API (nor
 * @wxt-dev/i18n, a wrapper of it): that one always speaks the browser's language.
 */
export type UiLanguage = 'es' | 'en';

export function uiLanguageFrom(locale: string | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The UI language a setting means: 'es' / 'en' as chosen, 'auto' follows the browser's locale. */
export function resolveUiLanguage(setting: 'auto' | 'es' | 'en' | undefined, locale: string | undefined): UiLanguage {
  return setting === 'es' || setting === 'en' ? setting : uiLanguageFrom(locale);
}

export type Translate<K extends string> = (lang: UiLanguage, key: K, vars?: Record<string, string | number>) => string;

/**
 * A translator over one set of catalogues (English is the fallback): it looks a key up and
 * fills `{name}` slots; slot values are plain text, never markup.
 */
export function translatorFor<K extends string>(catalogues: { en: Record<K, string>; es: Record<K, string> }): Translate<K> {
  return (lang, key, vars = {}) => {
    const template = catalogues[lang][key] ?? catalogues.en[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
