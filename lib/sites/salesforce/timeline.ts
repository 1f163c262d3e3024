import { LONG_TEXT_MAX, type CampaignContextInput, type TimelineItem } from '../../contracts';
import { STAGE } from './fields';
import { parseSalesforceRecordUrl } from './match';
import { findRecordScope, lightningText, readShownFields, valueOf } from './record';
import { PATH_CURRENT_STAGE, TIMELINE_ITEM, TIMELINE_ITEM_DATE, TIMELINE_ITEM_DETAILS, TIMELINE_ITEM_TITLE, TIMELINE_KINDS } from './selectors';
import { LightningView } from './view';

const MAX_ITEMS = 10;

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
export function readSalesforceTimeline(view: LightningView, scope: ParentNode): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const item of view.all(scope, TIMELINE_ITEM)) {
    const kind = kindOf(item);
    if (!kind) continue;
    const title = lightningText(view, view.first(item, TIMELINE_ITEM_TITLE));
    const details = lightningText(view, view.first(item, TIMELINE_ITEM_DETAILS), LONG_TEXT_MAX);
    const text = [title, details].filter(Boolean).join(': ');
    if (!text) continue;
    items.push({ kind, date: lightningText(view, view.first(item, TIMELINE_ITEM_DATE)).slice(0, 40), text });
    if (items.length === MAX_ITEMS) break;
  }
  return items;
}

/** What a campaign reads beyond the fields: the activity timeline and, on an opportunity, its stage. */
export function readSalesforceCampaignContext(doc: Document, url: string): CampaignContextInput {
  const ref = parseSalesforceRecordUrl(url);
  const view = new LightningView();
  const scope = ref ? findRecordScope(view, doc.body ?? doc, ref.recordId) : undefined;
  if (!scope) return { timeline: [] };
  const dealStage = ref?.object === 'Opportunity' ? valueOf(readShownFields(view, scope), STAGE) || lightningText(view, view.first(scope, PATH_CURRENT_STAGE)) : '';
  return { timeline: readSalesforceTimeline(view, scope), ...(dealStage ? { dealStage } : {}) };
}
