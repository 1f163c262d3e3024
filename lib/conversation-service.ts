import { createBackendClient } from './backend-client';
import type { CompanyProfile, Conversation } from './contracts';
import { DraftMessageSchema, TriageMessageSchema, type DraftReply, type TriageReply } from './messaging';
import { maskConversation } from './privacy/mask';
import { triageConversationByRules } from './rules/conversation';
import { draftReplyByRules } from './rules/drafts';
import type { Settings } from './settings';

export interface ConversationServiceDeps {
  readSettings: () => Promise<Settings>;
  readProfile: () => Promise<CompanyProfile>;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The background's conversation route: triage and drafts from the backend (the LLM
 * when configured), the rules engine at once for the preview and whenever the backend
 * cannot answer — an agent always gets an answer.
 */
export function createConversationService(deps: ConversationServiceDeps) {
  const now = deps.now ?? (() => Date.now());
  const client = async () => {
    const settings = await deps.readSettings();
    return createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
  };

  // With masking on, emails and phones never leave the browser; the rules run locally on the real text.
  const outgoing = async (conversation: Conversation) => ((await deps.readSettings()).privacy.maskContacts ? maskConversation(conversation) : conversation);

  return {
    async triage(raw: unknown): Promise<TriageReply> {
      const started = now();
      const message = TriageMessageSchema.parse(raw);
      const profile = await deps.readProfile();
      const elapsed = () => Math.max(0, now() - started);
      const rules = (origin: 'preview' | 'offline', error?: string): TriageReply => ({
        triage: triageConversationByRules(message.conversation, profile),
        origin,
        latencyMs: elapsed(),
        ...(error ? { error } : {}),
      });
      if (message.phase === 'preview') return rules('preview');
      try {
        const triage = await (await client()).triageConversation(await outgoing(message.conversation), profile);
        return { triage, origin: 'backend', latencyMs: elapsed() };
      } catch (err) {
        return rules('offline', (err as Error).message);
      }
    },

    async draft(raw: unknown): Promise<DraftReply> {
      const started = now();
      const message = DraftMessageSchema.parse(raw);
      const profile = await deps.readProfile();
      const elapsed = () => Math.max(0, now() - started);
      const { conversation, strategy, tone, previousText, triage } = message;
      try {
        const draft = await (await client()).draftReply({ conversation: await outgoing(conversation), profile, strategy, tone, previousText, triage });
        return { draft, origin: 'backend', latencyMs: elapsed() };
      } catch (err) {
        const draft = draftReplyByRules(conversation, profile, { strategy, tone, previousText, triage });
        return { draft, origin: 'offline', latencyMs: elapsed(), error: (err as Error).message };
      }
    },
  };
}
