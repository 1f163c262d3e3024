import type { CompanyProfile, Conversation, ConversationTriage, DraftStrategy, ReplyDraft } from '../../lib/contracts';
import { recentWindow } from '../../lib/llm/conversation-window';
import { triageConversationByRules } from '../../lib/rules/conversation/index';
import { draftReplyByRules, type DraftToneAction } from '../../lib/rules/drafts/index';
import { stableHashSync } from '../stable-hash';
import type { Capability } from '../gateway/gateway';
import type { DraftOptions, ReplyDrafter } from '../llm/reply-drafter';

/** What a draft depends on: the conversation and what the agent asked for. */
export interface DraftInput {
  conversation: Conversation;
  strategy?: DraftStrategy;
  tone?: DraftToneAction;
  previousText?: string;
  /** The triage the agent is looking at (the LLM's, when there is one). */
  triage?: ConversationTriage;
}

/** Reply drafts, on the conversation's recent window; identical requests share one call and the cache. */
export function draftCapability(drafter: ReplyDrafter): Capability<DraftInput, ReplyDraft> {
  return {
    name: 'draft',
    mode: drafter.mode,
    engine: drafter.engine,
    normalize: (input) => ({ ...input, conversation: recentWindow(input.conversation) }),
    key: async (input, version, engine) => stableHashSync({ input, profile: version, engine }),
    rules: (input, profile) => draftReplyByRules(input.conversation, profile, draftOptions(input, profile)),
    run: (input, profile, { signal, deadlineAt }) => drafter.draftDetailed(input.conversation, profile, { ...draftOptions(input, profile), signal, deadlineAt }),
  };
}

/**
 * The caller's triage decides the strategy and tone of voice; the safety flags are always the
 * rules' own, so a client cannot switch off, say, the other-customer-data guard.
 */
function draftOptions({ conversation, strategy, tone, previousText, triage }: DraftInput, profile: CompanyProfile): DraftOptions {
  const guarded = triage && withRulesGuards(triage, triageConversationByRules(conversation, profile));
  return { strategy, tone, previousText, ...(guarded ? { triage: guarded } : {}) };
}

/** The triage a draft is written for: the caller's with the rules' guards, else the rules' own. */
export function draftTriage({ conversation, triage }: Pick<DraftInput, 'conversation' | 'triage'>, profile: CompanyProfile): ConversationTriage {
  const rules = triageConversationByRules(conversation, profile);
  return triage ? withRulesGuards(triage, rules) : rules;
}

/** The rules' flags, and the escalation they force (another customer's data goes to a supervisor). */
function withRulesGuards(given: ConversationTriage, rules: ConversationTriage): ConversationTriage {
  const guarded = { ...given, flags: rules.flags };
  if (rules.flags.includes('other_customer_data_request')) {
    return { ...guarded, escalate: true, escalationReason: rules.escalationReason, department: rules.department };
  }
  return guarded;
}
