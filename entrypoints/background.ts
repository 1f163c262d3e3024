import { ResultCache } from '@/lib/cache';
import { createLeadService } from '@/lib/lead-service';
import type { LeadStreamPartial } from '@/lib/contracts';
import { onMessage, sendMessage } from '@/lib/messaging';
import { readProfile, readSettings } from '@/lib/settings';

// Listeners are registered synchronously at start-up so a restarted service worker
// still receives the message that woke it.
export default defineBackground(() => {
  const cache = new ResultCache();
  const leads = createLeadService({ cache, readSettings, readProfile });

  onMessage('classifyLead', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const requestId = (data as { requestId?: string }).requestId;
    // Streams from the backend; the early stage/priority goes straight to the asking tab.
    const onPartial =
      tabId !== undefined && requestId
        ? (partial: LeadStreamPartial) => {
            const { type: _type, ...fields } = partial;
            void sendMessage('leadPartial', { ...fields, requestId }, tabId).catch(() => {});
          }
        : undefined;
    return leads.classify(data, onPartial);
  });
  onMessage('classifyBatch', ({ data }) => leads.classifyBatch(data));

  browser.runtime.onInstalled.addListener(() => {
    void cache.pruneExpired();
  });
});
