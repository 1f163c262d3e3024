import { useEffect, useState, type ReactNode } from 'react';
import { UiLanguageContext } from './use-translate';
import { resolveUiLanguage, translate, type MessageKey, type UiLanguage } from '@/lib/i18n';
import { readSettings, watchSettings } from '@/lib/settings';

/** The language the options chose (or the browser's), read before the first paint. */
export async function readPageLanguage(): Promise<UiLanguage> {
  const settings = await readSettings().catch(() => undefined);
  return resolveUiLanguage(settings?.language, navigator.language);
}

/**
 * Provides the UI language to an extension page and follows the setting when the
 * options page changes it; keeps <html lang> and the title in step for screen readers.
 */
export function PageLanguage({ initial, titleKey, children }: { initial: UiLanguage; titleKey: MessageKey; children: ReactNode }) {
  const [lang, setLang] = useState(initial);
  useEffect(() => watchSettings((settings) => setLang(resolveUiLanguage(settings.language, navigator.language))), []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, titleKey);
  }, [lang, titleKey]);
  return <UiLanguageContext.Provider value={lang}>{children}</UiLanguageContext.Provider>;
}
