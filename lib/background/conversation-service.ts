import { DraftMessageSchema, TriageMessageSchema, type CompanyProfile, type Conversation, type DraftReply, type TriageReply } from '../contracts';
import { maskConversation } from '../privacy/mask';
import { triageConversationByRules } from '../rules/conversation';
import { draftReplyByRules } from '../rules/drafts';
import type { Settings } from '../settings';
import type { BackendClient } from './backend-client';

export interface ConversationServiceDeps {
  /** The backend client for the current connection (lib/background/backend-client.ts). */
  backend: () => Promise<BackendClient>;
  readSettings: () => Promise<Settings>;
  readProfile: () => Promise<CompanyProfile>;
  now?: () => number;
}

/**
 * The background's conversation route: triage and drafts from the backend (the LLM
 * when configured), the rules engine at once for the preview and whenever the backend
 * cannot answer — an agent always gets an answer.
 */
export function createConversationService(deps: ConversationServiceDeps) {
  const now = deps.now ?? (() => Date.now());
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
        const triage = await (await deps.backend()).triageConversation(await outgoing(message.conversation), profile);
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
        const draft = await (await deps.backend()).draftReply({ conversation: await outgoing(conversation), profile, strategy, tone, previousText, triage });
        return { draft, origin: 'backend', latencyMs: elapsed() };
      } catch (err) {
        const draft = draftReplyByRules(conversation, profile, { strategy, tone, previousText, triage });
        return { draft, origin: 'offline', latencyMs: elapsed(), error: (err as Error).message };
      }
    },
  };
}
