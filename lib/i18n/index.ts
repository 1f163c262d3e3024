import { en, type MessageKey } from './en';
import { es } from './es';
import { translatorFor, type UiLanguage } from './translate';

export { resolveUiLanguage, uiLanguageFrom, type UiLanguage } from './translate';
export type { MessageKey };

const CATALOGUES: Record<UiLanguage, Record<MessageKey, string>> = { en, es };

/** Every catalogue: the extension's own pages (options, history, popup). CRM pages use lib/i18n/panel.ts. */
export const translate = translatorFor<MessageKey>(CATALOGUES);

export const catalogueKeys = (lang: UiLanguage) => Object.keys(CATALOGUES[lang]).sort();
