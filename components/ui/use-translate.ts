import { createContext, useContext } from 'react';
import { translatePanel, type PanelMessageKey } from '@/lib/i18n/panel';
import type { UiLanguage } from '@/lib/i18n/translate';

export const UiLanguageContext = createContext<UiLanguage>('en');

/** The UI inside CRM pages (panels, badges, toolbar) and the kit: only the panel catalogues reach the content scripts. */
export function useTranslate() {
  const lang = useContext(UiLanguageContext);
  return (key: PanelMessageKey, vars?: Record<string, string | number>) => translatePanel(lang, key, vars);
}
