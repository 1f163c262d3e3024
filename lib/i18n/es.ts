import type { MessageKey } from './en';
import { campaignEs } from './campaign.es';
import { conversationEs } from './conversation.es';
import { historyEs } from './history.es';
import { learningEs } from './learning.es';
import { optionsEs } from './options.es';
import { pageEs } from './page.es';
import { panelEs } from './panel.es';
import { teamEs } from './team.es';

/** El catálogo en español: un archivo por área. */
export const es: Record<MessageKey, string> = { ...pageEs, ...panelEs, ...optionsEs, ...historyEs, ...conversationEs, ...learningEs, ...teamEs, ...campaignEs };
