import { ConversationTriageSchema, LeadClassificationSchema, type Conversation, type ConversationTriage, ReplyDraftSchema, type ReplyDraft, type LeadClassification } from '../../lib/contracts';
import { scrapePage } from '../../lib/sites';
import { fixtureDocument } from '../../lib/sites/saved-page';

/**
 * What the backend answers for a fixture page as Pulso's own reader reads it. A spec compares
 * the panel with this, exactly, instead of accepting any value: the panel must show the
 * backend's answer for that record, whatever the rules engine's tuning makes it.
 */
async function post<T>(backendUrl: string, path: string, body: unknown, parse: (json: unknown) => T): Promise<T> {
  const res = await fetch(`${backendUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return parse(await res.json());
}

export function backendLeadAnswer(backendUrl: string, fixture: string, pageUrl: string): Promise<LeadClassification> {
  const { fields } = scrapePage(fixtureDocument(fixture), pageUrl);
  return post(backendUrl, '/v1/leads/classify', { lead: fields }, (json) => LeadClassificationSchema.parse(json));
}

/** The backend's answer for one row of a list view, as Pulso reads that row. */
export function backendListRowAnswer(backendUrl: string, fixture: string, pageUrl: string, recordId: string): Promise<LeadClassification> {
  const row = scrapePage(fixtureDocument(fixture), pageUrl).rows.find((r) => r.recordId === recordId);
  if (!row) throw new Error(`no row ${recordId} in ${fixture}`);
  return post(backendUrl, '/v1/leads/classify', { lead: row.fields }, (json) => LeadClassificationSchema.parse(json));
}

/** `patch` stands for what the agent set in the panel (e.g. the billing level). */
export function backendTriageAnswer(backendUrl: string, fixture: string, pageUrl: string, patch: Partial<Conversation> = {}): Promise<ConversationTriage> {
  const { conversation } = scrapePage(fixtureDocument(fixture), pageUrl);
  return post(backendUrl, '/v1/conversations/triage', { conversation: { ...conversation, ...patch } }, (json) => ConversationTriageSchema.parse(json));
}

/** The backend's reply draft for a fixture's conversation; `request` is the rest of the draft request (strategy, tone, previousText). */
export function backendDraftAnswer(backendUrl: string, fixture: string, pageUrl: string, request: Record<string, unknown> = {}): Promise<ReplyDraft> {
  const { conversation } = scrapePage(fixtureDocument(fixture), pageUrl);
  return post(backendUrl, '/v1/conversations/draft', { conversation, ...request }, (json) => ReplyDraftSchema.parse(json));
}
