import {
  OutreachDraftMessageSchema,
  TeamDataMessageSchema,
  type CompanyProfile,
  type OutreachDraftReply,
  type Policy,
  type TeamDataReply,
} from '../contracts';
import { outreachMessage } from '../learning/outreach';
import { PolicyModel } from '../learning/policy';
import type { BackendClient } from './backend-client';

/** How long a fetched policy serves outreach messages before it is asked for again. */
export const POLICY_MAX_AGE_MS = 5 * 60_000;

export interface TeamPolicyDeps {
  backend: () => Promise<BackendClient>;
  readProfile: () => Promise<CompanyProfile>;
  /** Feedback events this browser still has to deliver (the outbox). */
  pendingFeedback: () => Promise<number>;
  now?: () => number;
}

/**
 * The team's reply-strategy policy as the extension uses it: the outreach message for a
 * customer the rep picked (the strategy the policy prefers for their segment, the rules'
 * outreach templates), and the team page's data. Only the background reaches the backend.
 */
export function createTeamPolicyService(deps: TeamPolicyDeps) {
  const now = deps.now ?? (() => Date.now());
  let cached: { policy: Policy; at: number } | undefined;

  async function fetchPolicy(): Promise<Policy> {
    const policy = await (await deps.backend()).getPolicy();
    cached = { policy, at: now() };
    return policy;
  }

  /** The cached policy while fresh, else the backend's; the last one known when the backend cannot answer. */
  async function currentPolicy(): Promise<{ policy?: Policy; error?: string }> {
    if (cached && now() - cached.at < POLICY_MAX_AGE_MS) return { policy: cached.policy };
    try {
      return { policy: await fetchPolicy() };
    } catch (err) {
      return { policy: cached?.policy, error: (err as Error).message };
    }
  }

  return {
    async outreach(raw: unknown): Promise<OutreachDraftReply> {
      const { candidate } = OutreachDraftMessageSchema.parse(raw);
      const [{ policy, error }, profile] = await Promise.all([currentPolicy(), deps.readProfile()]);
      // No policy reached: an empty model, whose preference is the uniform prior's (the first allowed strategy).
      const model = PolicyModel.fromArms(policy?.arms ?? []);
      const { strategy, segment, draft } = outreachMessage(candidate, profile, model);
      return { strategy, segment, draft, policy: policy?.arms ? 'team' : 'none', ...(error ? { error } : {}) };
    },

    /** The team page: the policy and the aggregates, both fresh (the page asks when opened or refreshed). */
    async teamData(raw: unknown): Promise<TeamDataReply> {
      const { days } = TeamDataMessageSchema.parse(raw);
      const client = await deps.backend();
      const [policy, stats, pendingFeedback] = await Promise.all([client.getPolicy(), client.getFeedbackStats(days), deps.pendingFeedback()]);
      cached = { policy, at: now() };
      return { policy, stats, pendingFeedback };
    },
  };
}
