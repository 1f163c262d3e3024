import { campaignEn } from './campaign.en';
import { campaignEs } from './campaign.es';
import { conversationEn } from './conversation.en';
import { conversationEs } from './conversation.es';
import { learningEn } from './learning.en';
import { learningEs } from './learning.es';
import { panelEn } from './panel.en';
import { pageEn } from './page.en';
import { pageEs } from './page.es';
import { panelEs } from './panel.es';
import { translatorFor } from './translate';

/**
 * What the UI drawn in a CRM page says (panels, badges, list toolbar with its outreach ranking, the campaign drawer): only these catalogues
 * go into the UI chunk; the options' and history's stay in the extension's pages. What a content script draws without the UI chunk
 * is lib/i18n/page.ts (included here too).
 */
const PANEL_CATALOGUES = {
  en: { ...pageEn, ...panelEn, ...conversationEn, ...learningEn, ...campaignEn },
  es: { ...pageEs, ...panelEs, ...conversationEs, ...learningEs, ...campaignEs },
};
export type PanelMessageKey = keyof typeof PANEL_CATALOGUES.en;

export const translatePanel = translatorFor<PanelMessageKey>(PANEL_CATALOGUES);
