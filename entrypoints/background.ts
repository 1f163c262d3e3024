import { ResultCache } from '@/lib/cache';
import { createLeadService } from '@/lib/lead-service';
import { onMessage } from '@/lib/messaging';
import { readProfile, readSettings } from '@/lib/settings';

// Listeners are registered synchronously at start-up so a restarted service worker
// still receives the message that woke it.
export default defineBackground(() => {
  const cache = new ResultCache();
  const leads = createLeadService({ cache, readSettings, readProfile });

  onMessage('classifyLead', ({ data }) => leads.classify(data));
  onMessage('classifyBatch', ({ data }) => leads.classifyBatch(data));

  browser.runtime.onInstalled.addListener(() => {
    void cache.pruneExpired();
  });
});
