import { ConnectionSchema, FeedbackMessageSchema, HistoryDeleteMessageSchema, PublishProfileMessageSchema } from '../contracts';
import { isExtensionPage, onMessage, sendMessage, serveCampaignPorts, serveLeadPorts } from '../messaging';
import { PROFILE_STORAGE_KEYS, readProfile as readStoredProfile } from '../profile/stored';
import { readHistoryRetentionDays, readSettings as readStoredSettings, SETTINGS_STORAGE_KEY, watchSettings } from '../settings';
import { backendClientFor } from './backend-client';
import { CampaignHistoryStore } from './campaign-history-store';
import { createCampaignService } from './campaign-service';
import { injectCkeditorBridge } from './ckeditor-bridge';
import { clearAllLocalData } from './clear-local-data';
import { createConnectionStore } from './connection';
import { checkBackendStatus, checkConnection } from './connection-check';
import { createConversationService } from './conversation-service';
import { PulsoDb } from './db';
import { FeedbackOutbox } from './feedback-outbox';
import { HistoryStore } from './history-store';
import { createLeadService } from './lead-service';
import { ResultCache } from './result-cache';
import { createTeamPolicyService } from './team-policy';
import { pinnedKeysFrom, PINNED_KEYS_FILE } from '../selector-pack';
import { readSelectorPackState } from '../selector-pack/stored';
import { pullSelectorPack, SELECTOR_PACK_ALARM, SELECTOR_PACK_PULL_MINUTES, selectorPackStatus } from './selector-pack';
import { readUntilChanged } from './read-until-changed';
import { publishTeamProfile, pullTeamProfile, TEAM_PROFILE_ALARM, TEAM_PROFILE_PULL_MINUTES } from './team-profile';

const HISTORY_TRIM_ALARM = 'history-trim';
/** Feedback that could not be delivered is retried this often (and whenever new feedback comes, or the browser is back online). */
export const FEEDBACK_FLUSH_ALARM = 'feedback-flush';
const FEEDBACK_FLUSH_MINUTES = 1;

type Sender = Parameters<typeof isExtensionPage>[0];

/** A file the build writes into the package (not in public/, so WXT's typed paths do not list it). */
const packagedFileUrl = (file: string): string => (browser.runtime.getURL as (path: string) => string)(`/${file}`);

/** Messages only Pulso's own pages may send: they reveal tokens or history, or change what is stored. */
function fromPage<T>(handler: (data: unknown) => T) {
  return ({ data, sender }: { data: unknown; sender: Sender }): T => {
    if (!isExtensionPage(sender)) throw new Error('only Pulso’s own pages may ask for this');
    return handler(data);
  };
}

/**
 * The service worker: the only part of Pulso that talks to the backend, opens the
 * IndexedDB databases or reads the tokens. Listeners are registered synchronously at
 * start-up, so a restarted service worker still receives the message that woke it.
 */
export function startBackground(): void {
  const db = new PulsoDb();
  const cache = new ResultCache(db);
  const history = new HistoryStore(db, { retentionDays: readHistoryRetentionDays });
  const campaignHistory = new CampaignHistoryStore(db, { retentionDays: readHistoryRetentionDays });
  const connection = createConnectionStore();
  // One client per request, made from the connection as it is now (the options may change it at any time).
  const backend = async () => backendClientFor(await connection.read());
  // Read once, until the options or a team-profile pull change them (each read is an IPC before the preview).
  const readSettings = readUntilChanged([SETTINGS_STORAGE_KEY], readStoredSettings);
  const readProfile = readUntilChanged(PROFILE_STORAGE_KEYS, readStoredProfile);

  const leads = createLeadService({ cache, history, backend, readSettings, readProfile });
  serveLeadPorts((raw, post) => leads.classify(raw, post));
  onMessage('classifyBatch', ({ data }) => leads.classifyBatch(data));

  const conversations = createConversationService({ backend, readSettings, readProfile });
  onMessage('triageConversation', ({ data }) => conversations.triage(data));
  onMessage('draftReply', ({ data }) => conversations.draft(data));
  // The CKEditor bridge, into the page's world of the frame that asks, when a draft is shown there.
  onMessage('loadCkeditorBridge', ({ sender }) => injectCkeditorBridge(sender));

  // Feedback: queued in IndexedDB first, delivered when the backend answers; exactly once (eventId).
  const outbox = new FeedbackOutbox(db, { backend, maskContacts: async () => (await readSettings()).privacy.maskContacts });
  const flushFeedback = () => void outbox.flush().catch(() => {});
  onMessage('sendFeedback', async ({ data }) => {
    const pending = await outbox.enqueue(FeedbackMessageSchema.parse(data).events);
    flushFeedback();
    return { pending };
  });
  const teamPolicy = createTeamPolicyService({ backend, readProfile, pendingFeedback: () => outbox.pending() });
  onMessage('draftOutreach', ({ data }) => teamPolicy.outreach(data));
  onMessage(
    'teamData',
    fromPage((data) => {
      flushFeedback();
      return teamPolicy.teamData(data);
    }),
  );
  flushFeedback();
  globalThis.addEventListener?.('online', flushFeedback);
  const campaigns = createCampaignService({ backend, readSettings, readProfile, cache, history: campaignHistory });
  serveCampaignPorts((raw, post) => campaigns.draft(raw, post));

  onMessage('backendStatus', async () => checkBackendStatus(await connection.read()));
  onMessage('localCounts', async () => ({ cache: await cache.count(), history: (await history.count()) + (await campaignHistory.count()) }));
  onMessage('listHistory', fromPage(() => history.list()));
  onMessage('deleteHistory', fromPage((data) => history.delete(HistoryDeleteMessageSchema.parse(data).id)));
  onMessage('listCampaignHistory', fromPage(() => campaignHistory.list()));
  onMessage('deleteCampaignHistory', fromPage((data) => campaignHistory.delete(HistoryDeleteMessageSchema.parse(data).id)));
  onMessage('clearHistory', fromPage(async () => {
    await Promise.all([history.clear(), campaignHistory.clear()]);
  }));
  onMessage(
    'clearLocalData',
    fromPage(async () => {
      try {
        await clearAllLocalData();
      } finally {
        cache.forget(); // the results kept in memory went with their database
        connection.forget(); // and the tokens with theirs
      }
    }),
  );

  // Team profile: pulled on start, every ~10 min, and when the backend or token changes.
  // A failed pull keeps the last one; it is never logged with the token.
  const teamProfile = { readConnection: () => connection.read() };
  const pullProfile = () => void pullTeamProfile(teamProfile).catch(() => {});
  onMessage('checkConnection', fromPage((data) => checkConnection(ConnectionSchema.pick({ backendUrl: true, token: true }).parse(data))));
  onMessage('readConnection', fromPage(() => connection.read()));
  onMessage(
    'saveConnection',
    fromPage(async (data) => {
      const saved = await connection.save(ConnectionSchema.parse(data));
      pullProfile();
      pullSelectors();
      return saved;
    }),
  );
  onMessage('pullTeamProfile', fromPage(() => pullTeamProfile(teamProfile)));

  // Selector pack: pulled on start, every few hours and when the backend changes; kept only when
  // its schema and its signature (a key pinned in this package) check out.
  const selectorPacks = {
    readConnection: () => connection.read(),
    trustedKeys: async () => pinnedKeysFrom(await fetch(packagedFileUrl(PINNED_KEYS_FILE)).then((r) => r.json()).catch(() => undefined)),
  };
  const pullSelectors = () => void pullSelectorPack(selectorPacks).catch(() => {});
  onMessage('selectorPackStatus', fromPage(async () => selectorPackStatus(await readSelectorPackState())));
  onMessage('pullSelectorPack', fromPage(() => pullSelectorPack(selectorPacks)));
  onMessage('publishTeamProfile', fromPage((data) => publishTeamProfile(PublishProfileMessageSchema.parse(data).profile, teamProfile)));

  // The toggle-panel shortcut (wxt.config.ts `commands`): the active tab's content script toggles its panel.
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'toggle-panel') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      // A tab without Pulso's content script (not a CRM page) has no one to answer: nothing to toggle.
      if (tab?.id !== undefined) void sendMessage('togglePanel', undefined, tab.id).catch(() => {});
    });
  });

  // History retention: trimmed at start-up and once a day (the store also trims after writes, hourly at most).
  const trimHistory = () => void Promise.all([history.trimByRetention(), campaignHistory.trimByRetention()]).catch(() => {});
  trimHistory();
  void browser.alarms.get(HISTORY_TRIM_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(HISTORY_TRIM_ALARM, { periodInMinutes: 24 * 60 });
  });
  void browser.alarms.get(FEEDBACK_FLUSH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(FEEDBACK_FLUSH_ALARM, { periodInMinutes: FEEDBACK_FLUSH_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEEDBACK_FLUSH_ALARM) flushFeedback();
    if (alarm.name === HISTORY_TRIM_ALARM) trimHistory();
    if (alarm.name === TEAM_PROFILE_ALARM) pullProfile();
    if (alarm.name === SELECTOR_PACK_ALARM) pullSelectors();
  });
  browser.runtime.onInstalled.addListener(() => {
    void cache.pruneExpired();
  });

  void browser.alarms.get(TEAM_PROFILE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(TEAM_PROFILE_ALARM, { periodInMinutes: TEAM_PROFILE_PULL_MINUTES });
  });
  void browser.alarms.get(SELECTOR_PACK_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SELECTOR_PACK_ALARM, { periodInMinutes: SELECTOR_PACK_PULL_MINUTES });
  });
  let backendUrl = '';
  watchSettings((settings, { cleared }) => {
    if (settings.backendUrl === backendUrl) return;
    backendUrl = settings.backendUrl;
    // Clearing local data must leave storage empty: no pull writes a status right after it.
    // The next start or alarm pulls from the default backend.
    if (cleared) return;
    pullProfile();
    pullSelectors();
  });
  void readSettings().then((settings) => {
    backendUrl = settings.backendUrl;
    pullProfile();
    pullSelectors();
  });
}
