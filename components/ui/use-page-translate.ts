import { useContext } from 'react';
import { translate, type MessageKey } from '@/lib/i18n';
import { UiLanguageContext } from './use-translate';

/** The extension's own pages (options, history, popup): every catalogue. */
export function usePageTranslate() {
  const lang = useContext(UiLanguageContext);
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
}
