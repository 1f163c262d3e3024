import { campaignEn } from './campaign.en';
import { conversationEn } from './conversation.en';
import { historyEn } from './history.en';
import { learningEn } from './learning.en';
import { optionsEn } from './options.en';
import { pageEn } from './page.en';
import { panelEn } from './panel.en';
import { teamEn } from './team.en';

/** The English catalogue: one file per area, so each can grow without touching the others. */
export const en = { ...pageEn, ...panelEn, ...optionsEn, ...historyEn, ...conversationEn, ...learningEn, ...teamEn, ...campaignEn } as const;

export type MessageKey = keyof typeof en;
