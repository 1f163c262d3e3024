import { createContext, useContext } from 'react';
import { translate, type MessageKey, type UiLanguage } from '@/lib/i18n';

export const UiLanguageContext = createContext<UiLanguage>('en');

export function useTranslate() {
  const lang = useContext(UiLanguageContext);
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
}
