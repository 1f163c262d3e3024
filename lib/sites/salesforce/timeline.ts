import { LONG_TEXT_MAX, type CampaignContextInput, type TimelineItem } from '../../contracts';
import { siteQuery, type ScrapeOptions } from '../scrape-context';
import { STAGE } from './fields';
import { parseSalesforceRecordUrl } from './match';
import { findRecordScope, lightningPage, lightningText, readShownFields, valueOf, type Lightning } from './record';

const MAX_ITEMS = 10;

/** Timeline item kinds by the SLDS class suffix (`slds-timeline__item_call`); a task (the rep's own to-do) is not read. */
const TIMELINE_KINDS: Readonly<Record<string, TimelineItem['kind']>> = { call: 'call', email: 'email', event: 'meeting' };

function kindOf(item: Element): TimelineItem['kind'] | undefined {
  for (const name of Array.from(item.classList)) {
    const suffix = /^slds-timeline__item_(\w+)$/.exec(name)?.[1];
    if (suffix && suffix !== 'expandable' && suffix !== 'details') return TIMELINE_KINDS[suffix];
  }
  return undefined;
}

/**
 * The record's activity timeline as a campaign reads it: calls, emails and events in the order
 * the page lists them (newest first), each as its title and — when expanded — its details; the
 * rep's tasks are not read, nor collapsed (aria-hidden) details, nor another console tab's record.
 */
export function readSalesforceTimeline(page: Lightning, scope: ParentNode): TimelineItem[] {
  const { q } = page;
  const items: TimelineItem[] = [];
  for (const item of q.all(scope, 'TIMELINE_ITEM')) {
    const kind = kindOf(item);
    if (!kind) continue;
    const title = lightningText(page, q.first(item, 'TIMELINE_ITEM_TITLE'));
    const details = lightningText(page, q.first(item, 'TIMELINE_ITEM_DETAILS'), LONG_TEXT_MAX);
    const text = [title, details].filter(Boolean).join(': ');
    if (!text) continue;
    items.push({ kind, date: lightningText(page, q.first(item, 'TIMELINE_ITEM_DATE')).slice(0, 40), text });
    if (items.length === MAX_ITEMS) break;
  }
  return items;
}

/** What a campaign reads beyond the fields: the activity timeline and, on an opportunity, its stage. */
export function readSalesforceCampaignContext(doc: Document, url: string, options?: ScrapeOptions): CampaignContextInput {
  const ref = parseSalesforceRecordUrl(url);
  const page = lightningPage(options);
  const scope = ref ? findRecordScope(page, doc.body ?? doc, ref.recordId) : undefined;
  if (!ref || !scope) return { timeline: [] };
  const dealStage = ref.object === 'Opportunity' ? page.q.field('dealStage', () => valueOf(ref.object, readShownFields(page, scope), STAGE)) : '';
  return { timeline: page.q.field('timeline', () => readSalesforceTimeline(page, scope)), ...(dealStage ? { dealStage } : {}) };
}
