import { ResultCache } from '@/lib/cache';
import { checkBackendStatus } from '@/lib/backend-status';
import { PulsoDb } from '@/lib/db';
import { HistoryStore } from '@/lib/history';
import { recordTypeForUrl } from '@/lib/history/record-type';
import { createConversationService } from '@/lib/conversation-service';
import { createLeadService } from '@/lib/lead-service';
import type { LeadStreamPartial } from '@/lib/contracts';
import { onMessage, sendMessage } from '@/lib/messaging';
import { readHistoryRetentionDays, readProfile, readSettings, watchSettings } from '@/lib/settings';
import { pullTeamProfile, TEAM_PROFILE_ALARM, TEAM_PROFILE_PULL_MINUTES } from '@/lib/profile/team-profile';

const HISTORY_TRIM_ALARM = 'history-trim';

// Listeners are registered synchronously at start-up so a restarted service worker
// still receives the message that woke it.
export default defineBackground(() => {
  const db = new PulsoDb();
  const cache = new ResultCache(db);
  const history = new HistoryStore(db, { retentionDays: readHistoryRetentionDays });
  const leads = createLeadService({ cache, history, recordTypeForUrl, readSettings, readProfile });

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

  const conversations = createConversationService({ readSettings, readProfile });
  onMessage('triageConversation', ({ data }) => conversations.triage(data));
  onMessage('draftReply', ({ data }) => conversations.draft(data));
  onMessage('backendStatus', async () => checkBackendStatus(await readSettings()));

  // The toggle-panel shortcut (wxt.config.ts `commands`): the active tab's content script toggles its panel.
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'toggle-panel') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      // A tab without Pulso's content script (not a CRM page) has no one to answer: nothing to toggle.
      if (tab?.id !== undefined) void sendMessage('togglePanel', undefined, tab.id).catch(() => {});
    });
  });

  // History retention: trimmed at start-up and once a day (the store also trims after writes, hourly at most).
  void history.trimByRetention().catch(() => {});
  void browser.alarms.get(HISTORY_TRIM_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(HISTORY_TRIM_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HISTORY_TRIM_ALARM) void history.trimByRetention().catch(() => {});
  });

  browser.runtime.onInstalled.addListener(() => {
    void cache.pruneExpired();
  });

  // Team profile: pulled on start, every ~10 min, and when the backend or token changes (the
  // options page saves). A failed pull keeps the last one; it is never logged with the token.
  const pullProfile = () => void pullTeamProfile().catch(() => {});
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_PROFILE_ALARM) pullProfile();
  });
  void browser.alarms.get(TEAM_PROFILE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(TEAM_PROFILE_ALARM, { periodInMinutes: TEAM_PROFILE_PULL_MINUTES });
  });
  let connection = '';
  watchSettings((settings) => {
    const next = `${settings.backendUrl} ${settings.token}`;
    if (next !== connection) {
      connection = next;
      pullProfile();
    }
  });
  void readSettings().then((settings) => {
    connection = `${settings.backendUrl} ${settings.token}`;
    pullProfile();
  });
});
