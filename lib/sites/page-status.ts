/**
 * Why a scrape read nothing, in words: a page with none of the structure its reader expects is
 * "not a record page" (or list, or chat), never an exception and never a silently empty record.
 */
import type { ScrapeResult } from '../contracts';

const APP_NAMES = { hubspot: 'HubSpot', salesforce: 'Salesforce', zendesk: 'Zendesk', whatsapp: 'WhatsApp Web' } as const;

const WHAT: Record<ScrapeResult['kind'], string> = {
  record: 'not a record page',
  list: 'not a list page',
  conversation: 'not a conversation page',
};

/** "not a record page: none of the structure of a HubSpot record (…) was found". */
export function unrecognisedPage(crm: ScrapeResult['crm'], kind: ScrapeResult['kind'], looked: string): string {
  return `${WHAT[kind]}: none of the structure of a ${APP_NAMES[crm]} ${kind === 'list' ? 'list view' : kind === 'record' ? 'record' : 'conversation'} (${looked}) was found`;
}
