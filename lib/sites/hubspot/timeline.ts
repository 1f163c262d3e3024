import { LONG_TEXT_MAX, type CampaignContextInput, type TimelineItem } from '../../contracts';
import { allVisible, firstVisible, textOf } from '../dom';
import { parseHubSpotRecordUrl } from './match';
import { outsideChrome, readHubSpotProperty, region } from './record';
import {
  DEAL_CARD,
  DEAL_CHICKLET,
  MIDDLE_PANE,
  OBJECT_PROPERTY_LABELS,
  RECORD_PAGE,
  RIGHT_SIDEBAR,
  LEFT_SIDEBAR,
  TIMELINE_CARD,
  TIMELINE_CARD_BODY,
  TIMELINE_CARD_TIME,
  TIMELINE_KINDS,
  TIMELINE_TYPE_ATTRIBUTES,
  chickletPropertyChain,
} from './selectors';

/** Items a campaign may read (it uses the newest five). */
const MAX_ITEMS = 10;

function engagementType(card: Element): string | undefined {
  for (const attribute of TIMELINE_TYPE_ATTRIBUTES) {
    const value = card.getAttribute(attribute);
    if (value) return value.toUpperCase();
  }
  return undefined;
}

/**
 * The record's activity timeline as a campaign reads it: notes, emails, calls, meetings and
 * tasks (not stage changes or other system events), newest first by their timestamp (a pinned
 * older note does not come first), each as text — only the visible Activities pane, never a
 * hidden tab's cached copy.
 */
export function readHubSpotTimeline(doc: Document): TimelineItem[] {
  const body: ParentNode = doc.body ?? doc;
  const middle = region(region(body, RECORD_PAGE, body), MIDDLE_PANE, body);
  const items: (TimelineItem & { time: number; order: number })[] = [];
  allVisible(middle, TIMELINE_CARD, { accept: outsideChrome }).forEach((card, order) => {
    const type = engagementType(card);
    const kind = type === undefined ? 'other' : TIMELINE_KINDS[type];
    if (!kind) return;
    const text = textOf(firstVisible(card, TIMELINE_CARD_BODY), { max: LONG_TEXT_MAX });
    if (!text) return;
    const stamp = firstVisible(card, TIMELINE_CARD_TIME)?.getAttribute('datetime') ?? '';
    const time = Date.parse(stamp);
    items.push({ kind, date: Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10), text, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time, order });
  });
  items.sort((a, b) => b.time - a.time || a.order - b.order);
  return items.slice(0, MAX_ITEMS).map(({ kind, date, text }) => ({ kind, date, text }));
}

/** The deal stage: the deal's own property on a deal record, else the first deal on the record's Deals card. */
export function readHubSpotDealStage(doc: Document, url: string): string {
  const body: ParentNode = doc.body ?? doc;
  const page = region(body, RECORD_PAGE, body);
  if (parseHubSpotRecordUrl(url)?.objectType === '0-3') return readHubSpotProperty(region(page, LEFT_SIDEBAR, page), 'dealstage', OBJECT_PROPERTY_LABELS.dealstage);
  const card = firstVisible(region(page, RIGHT_SIDEBAR, page), DEAL_CARD, { accept: outsideChrome });
  const chicklet = card ? (firstVisible(card, DEAL_CHICKLET) ?? card) : undefined;
  return chicklet ? textOf(firstVisible(chicklet, chickletPropertyChain('dealstage'))) : '';
}

/** What a campaign reads beyond the fields: the timeline and the deal stage (text only, visible nodes only). */
export function readHubSpotCampaignContext(doc: Document, url: string): CampaignContextInput {
  const dealStage = readHubSpotDealStage(doc, url);
  return { timeline: readHubSpotTimeline(doc), ...(dealStage ? { dealStage } : {}) };
}
