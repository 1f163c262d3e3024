import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Browser } from 'wxt/browser';
import {
  BackendStatusSchema,
  BatchReplySchema,
  CampaignHistoryListReplySchema,
  CampaignPortEventSchema,
  CkeditorBridgeReplySchema,
  ConnectionReportSchema,
  ConnectionSchema,
  DraftReplySchema,
  FeedbackReceiptSchema,
  HistoryListReplySchema,
  OutreachDraftReplySchema,
  TeamDataReplySchema,
  LeadPortEventSchema,
  LocalCountsSchema,
  SelectorPackStatusSchema,
  TeamProfileResponseSchema,
  TriageReplySchema,
  type BackendStatus,
  type BatchReply,
  type CampaignHistoryEntry,
  type CampaignMessage,
  type CampaignPortEvent,
  type CkeditorBridgeReply,
  type ClassifyBatchMessage,
  type ClassifyLeadMessage,
  type Connection,
  type ConnectionInput,
  type ConnectionReport,
  type DraftMessage,
  type DraftReply,
  type FeedbackMessage,
  type FeedbackReceipt,
  type HistoryEntry,
  type OutreachDraftMessage,
  type OutreachDraftReply,
  type TeamDataMessage,
  type TeamDataReply,
  type LeadPortEvent,
  type LocalCounts,
  type PublishProfileMessage,
  type SelectorPackStatus,
  type TeamProfileResponse,
  type TriageMessage,
  type TriageReply,
} from './contracts';

/**
 * The messages between the extension's parts. The receiver validates what it gets (the
 * background every request, a tab or page every answer), each once; the schemas are in
 * lib/contracts/messages.ts. Only the background talks to the backend.
 */
interface ProtocolMap {
  /** Content script → background. */
  classifyBatch(data: ClassifyBatchMessage): BatchReply;
  triageConversation(data: TriageMessage): TriageReply;
  draftReply(data: DraftMessage): DraftReply;
  /** Content script → background: inject the CKEditor bridge into the asking frame's page world (Chrome and Firefox). */
  loadCkeditorBridge(): CkeditorBridgeReply;
  /** Content script or page → background: feedback to queue and deliver (POST /v1/feedback). */
  sendFeedback(data: FeedbackMessage): FeedbackReceipt;
  /** List toolbar → background: the outreach message for a picked customer. */
  draftOutreach(data: OutreachDraftMessage): OutreachDraftReply;
  /** Popup → background. */
  backendStatus(): BackendStatus;
  localCounts(): LocalCounts;
  /** Options → background ("Test connection" checks what is typed, before it is saved). */
  checkConnection(data: { backendUrl: string; token: string }): ConnectionReport;
  /** Options → background: the connection with its tokens; refused to content scripts. */
  readConnection(): Connection;
  saveConnection(data: ConnectionInput): Connection;
  pullTeamProfile(): TeamProfileResponse;
  publishTeamProfile(data: PublishProfileMessage): TeamProfileResponse;
  /** Options → background: the selector pack in use and the last check ("check now" pulls first). */
  selectorPackStatus(): SelectorPackStatus;
  pullSelectorPack(): SelectorPackStatus;
  clearLocalData(): void;
  /** History page → background. */
  listHistory(): HistoryEntry[];
  deleteHistory(data: { id: number }): void;
  listCampaignHistory(): CampaignHistoryEntry[];
  deleteCampaignHistory(data: { id: number }): void;
  clearHistory(): void;
  /** Team page → background: the policy and the feedback aggregates. */
  teamData(data: TeamDataMessage): TeamDataReply;
  /** Background → tab: the toggle-panel keyboard command was pressed. */
  togglePanel(): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

type Sender = Browser.runtime.MessageSender;

/** The message comes from one of Pulso's own pages (options, popup, history), not from a content script in a CRM page. */
export function isExtensionPage(sender: Sender, extensionOrigin = new URL(browser.runtime.getURL('/')).origin): boolean {
  if (!sender.url) return false;
  try {
    return new URL(sender.url).origin === extensionOrigin;
  } catch {
    return false;
  }
}

export const requestBatchResults = async (message: ClassifyBatchMessage): Promise<BatchReply> => BatchReplySchema.parse(await sendMessage('classifyBatch', message));
export const requestTriage = async (message: TriageMessage): Promise<TriageReply> => TriageReplySchema.parse(await sendMessage('triageConversation', message));
export const requestDraft = async (message: DraftMessage): Promise<DraftReply> => DraftReplySchema.parse(await sendMessage('draftReply', message));
export const requestCkeditorBridge = async (): Promise<CkeditorBridgeReply> => CkeditorBridgeReplySchema.parse(await sendMessage('loadCkeditorBridge', undefined));
export const requestBackendStatus = async (): Promise<BackendStatus> => BackendStatusSchema.parse(await sendMessage('backendStatus', undefined));
export const requestLocalCounts = async (): Promise<LocalCounts> => LocalCountsSchema.parse(await sendMessage('localCounts', undefined));
export const requestConnectionCheck = async (data: { backendUrl: string; token: string }): Promise<ConnectionReport> =>
  ConnectionReportSchema.parse(await sendMessage('checkConnection', data));
export const requestConnection = async (): Promise<Connection> => ConnectionSchema.parse(await sendMessage('readConnection', undefined));
export const saveConnection = async (data: ConnectionInput): Promise<Connection> => ConnectionSchema.parse(await sendMessage('saveConnection', data));
export const requestTeamProfilePull = async (): Promise<TeamProfileResponse> => TeamProfileResponseSchema.parse(await sendMessage('pullTeamProfile', undefined));
export const requestTeamProfilePublish = async (data: PublishProfileMessage): Promise<TeamProfileResponse> =>
  TeamProfileResponseSchema.parse(await sendMessage('publishTeamProfile', data));
export const sendFeedback = async (message: FeedbackMessage): Promise<FeedbackReceipt> => FeedbackReceiptSchema.parse(await sendMessage('sendFeedback', message));
export const requestOutreachDraft = async (message: OutreachDraftMessage): Promise<OutreachDraftReply> =>
  OutreachDraftReplySchema.parse(await sendMessage('draftOutreach', message));
export const requestTeamData = async (message: TeamDataMessage): Promise<TeamDataReply> => TeamDataReplySchema.parse(await sendMessage('teamData', message));
export const requestSelectorPackStatus = async (): Promise<SelectorPackStatus> => SelectorPackStatusSchema.parse(await sendMessage('selectorPackStatus', undefined));
export const requestSelectorPackPull = async (): Promise<SelectorPackStatus> => SelectorPackStatusSchema.parse(await sendMessage('pullSelectorPack', undefined));
export const requestHistory = async (): Promise<HistoryEntry[]> => HistoryListReplySchema.parse(await sendMessage('listHistory', undefined));
export const requestCampaignHistory = async (): Promise<(CampaignHistoryEntry & { id: number })[]> => CampaignHistoryListReplySchema.parse(await sendMessage('listCampaignHistory', undefined));

/**
 * One lead, one request: a port per lead, on which the background answers the rules
 * preview, the model's early fields and the final answer, in order. A port rather than
 * a reply plus pushed messages: the events of one request cannot be mixed up with
 * another's (no request ids to match), they reach only the frame that asked, and the
 * background knows when the tab stopped listening. Campaigns use the same kind of port
 * (their steps as they happen, then the campaign).
 */
export const LEAD_PORT = 'pulso:classify-lead';
export const CAMPAIGN_PORT = 'pulso:campaign';

export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Tab side of a request port: sends `message` and calls `onEvent` with each event `schema`
 * validates, until the `final` answer (or an `error` event, also made here for a message that
 * does not validate or a background that went away). Returns a function that stops listening; the
 * background still finishes (and caches and records) the answer.
 */
function streamOverPort<E extends { type: string }>(
  message: unknown,
  schema: { safeParse(raw: unknown): { success: true; data: E } | { success: false } },
  onEvent: (event: E) => void,
  connect: () => PortLike,
  error: (message: string) => E,
): () => void {
  const port = connect();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    port.disconnect();
  };
  port.onMessage.addListener((raw) => {
    if (!open) return;
    const parsed = schema.safeParse(raw);
    const event = parsed.success ? parsed.data : error('the background answered with a message that does not match the contract');
    if (event.type === 'final' || event.type === 'error') close();
    onEvent(event);
  });
  port.onDisconnect.addListener(() => {
    if (!open) return;
    open = false;
    onEvent(error('the background stopped before the final answer'));
  });
  port.postMessage(message);
  return close;
}

/**
 * Background side: one handler per port of `name`, one request per port. `post` is a no-op
 * once the tab went away; a handler that throws (a malformed request) answers an error event.
 */
function servePorts<E>(name: string, handle: (raw: unknown, post: (event: E) => void) => Promise<unknown>, error: (message: string) => E): () => void {
  const onConnect = (port: PortLike & { name: string }) => {
    if (port.name !== name) return;
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    const post = (event: E) => {
      if (!open) return;
      try {
        port.postMessage(event);
      } catch {
        open = false;
      }
    };
    let asked = false;
    port.onMessage.addListener((raw) => {
      if (asked) return; // one request per port
      asked = true;
      handle(raw, post).catch((err: Error) => post(error(err.message)));
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}

/** Tab side of the lead port: the rules preview, the model's early fields, the final answer. */
export function streamLeadResult(
  message: ClassifyLeadMessage,
  onEvent: (event: LeadPortEvent) => void,
  connect: () => PortLike = () => browser.runtime.connect({ name: LEAD_PORT }),
): () => void {
  return streamOverPort(message, LeadPortEventSchema, onEvent, connect, (text): LeadPortEvent => ({ type: 'error', message: text }));
}

export function serveLeadPorts(handle: (raw: unknown, post: (event: LeadPortEvent) => void) => Promise<unknown>): () => void {
  return servePorts(LEAD_PORT, handle, (message): LeadPortEvent => ({ type: 'error', message }));
}

/** Tab side of the campaign port: each glass-box step as it happens, then the campaign. */
export function streamCampaign(
  message: CampaignMessage,
  onEvent: (event: CampaignPortEvent) => void,
  connect: () => PortLike = () => browser.runtime.connect({ name: CAMPAIGN_PORT }),
): () => void {
  return streamOverPort(message, CampaignPortEventSchema, onEvent, connect, (text): CampaignPortEvent => ({ type: 'error', message: text }));
}

export function serveCampaignPorts(handle: (raw: unknown, post: (event: CampaignPortEvent) => void) => Promise<unknown>): () => void {
  return servePorts(CAMPAIGN_PORT, handle, (message): CampaignPortEvent => ({ type: 'error', message }));
}
