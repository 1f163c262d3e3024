import { type CampaignContextInput, type TimelineItem } from '../../contracts';
import type { ScrapeOptions } from '../scrape-context';
import { HUBSPOT_SELECTORS } from './selectors';
import { siteQuery } from '../scrape-context';
import { parseHubSpotRecordUrl } from './match';
import { HubSpotPage, readTimelineCards } from './record';

/** Items a campaign may read (it uses the newest five). */
const MAX_ITEMS = 10;

/**
 * HubSpot's engagement types (its API's names, not UI text) by the timeline item kind a campaign
 * reads them as. Any other type is not read: stage changes and other system events, and tasks
 * (the rep's own to-dos, not something the contact said or did). An unmarked card is 'other'.
 */
const TIMELINE_KINDS: Readonly<Record<string, TimelineItem['kind']>> = {
  NOTE: 'note',
  EMAIL: 'email',
  INCOMING_EMAIL: 'email',
  FORWARDED_EMAIL: 'email',
  CALL: 'call',
  MEETING: 'meeting',
  CONVERSATION: 'other',
};

const kindOf = (type: string | undefined): TimelineItem['kind'] | undefined => (type === undefined ? 'other' : TIMELINE_KINDS[type]);

/**
 * The record's activity timeline as a campaign reads it: notes, emails, calls and meetings, newest
 * first by their timestamp (a pinned older note does not come first), each as text — only the
 * visible Activities pane, never a hidden tab's cached copy.
 */
export function readHubSpotTimeline(page: HubSpotPage): TimelineItem[] {
  return readTimelineCards(page, (type) => kindOf(type) !== undefined)
    .slice(0, MAX_ITEMS)
    .map(({ type, date, text }) => ({ kind: kindOf(type)!, date, text }));
}

/** The deal stage: the deal's own property on a deal record, else the first deal on the record's Deals card. */
export function readHubSpotDealStage(page: HubSpotPage, url: string): string {
  if (parseHubSpotRecordUrl(url)?.objectType === '0-3') return page.read(page.left, 'dealstage');
  const card = page.first(page.right, 'DEAL_CARD');
  const chicklet = card ? (page.q.first(card, 'DEAL_CHICKLET') ?? card) : undefined;
  return chicklet ? page.value(page.q.first(chicklet, 'CHICKLET_PROPERTY', { vars: { property: 'dealstage' } })) : '';
}

/** What a campaign reads beyond the fields: the timeline and the deal stage (text only, visible nodes only). */
export function readHubSpotCampaignContext(doc: Document, url: string, options?: ScrapeOptions): CampaignContextInput {
  const page = new HubSpotPage(siteQuery('hubspot', HUBSPOT_SELECTORS, options), doc);
  const dealStage = page.q.field('dealStage', () => readHubSpotDealStage(page, url));
  return { timeline: page.q.field('timeline', () => readHubSpotTimeline(page)), ...(dealStage ? { dealStage } : {}) };
}
