import type { Conversation, ConversationTriage } from '../../lib/contracts';
import { recentWindow } from '../../lib/llm/conversation-window';
import { triageConversationByRules } from '../../lib/rules/conversation/index';
import { stableHashSync } from '../stable-hash';
import type { Capability } from '../gateway/gateway';
import type { ConversationTriager } from '../llm/conversation-triage';

/** Conversation triage, on the conversation's recent window (what the model and the rules read). */
export function triageCapability(triager: ConversationTriager): Capability<Conversation, ConversationTriage> {
  return {
    name: 'triage',
    mode: triager.mode,
    engine: triager.engine,
    normalize: recentWindow,
    key: async (conversation, version, engine) => stableHashSync({ conversation, profile: version, engine }),
    rules: triageConversationByRules,
    run: (conversation, profile, { rules, signal, deadlineAt }) => triager.triageDetailed(conversation, profile, rules, { signal, deadlineAt }),
  };
}
