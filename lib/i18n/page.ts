import { pageEn } from './page.en';
import { pageEs } from './page.es';
import { translatorFor } from './translate';

/**
 * What a content script says on the CRM page without the UI chunk (badges painted straight into
 * the rows, a panel's glance). Only these catalogues belong in the content scripts; the panel's
 * (lib/i18n/panel.ts, which includes these) go with the UI chunk.
 */
export type PageMessageKey = keyof typeof pageEn;

export const translatePage = translatorFor<PageMessageKey>({ en: pageEn, es: pageEs });
