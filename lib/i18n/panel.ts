import { campaignEn } from './campaign.en';
import { campaignEs } from './campaign.es';
import { conversationEn } from './conversation.en';
import { conversationEs } from './conversation.es';
import { learningEn } from './learning.en';
import { learningEs } from './learning.es';
import { panelEn } from './panel.en';
import { panelEs } from './panel.es';
import { translatorFor } from './translate';

/**
 * What the UI drawn in a CRM page says (panels, badges, list toolbar with its outreach ranking, the campaign drawer): only these catalogues
 * go into the content scripts; the options' and history's stay in the extension's pages.
 */
const PANEL_CATALOGUES = { en: { ...panelEn, ...conversationEn, ...learningEn, ...campaignEn }, es: { ...panelEs, ...conversationEs, ...learningEs, ...campaignEs } };
export type PanelMessageKey = keyof typeof PANEL_CATALOGUES.en;

export const translatePanel = translatorFor<PanelMessageKey>(PANEL_CATALOGUES);
