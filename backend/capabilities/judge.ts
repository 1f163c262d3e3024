import type { JudgeScore } from '../../lib/contracts';
import { recentWindow } from '../../lib/llm/conversation-window';
import { stableHashSync } from '../stable-hash';
import type { Capability } from '../gateway/gateway';
import { judgeByRules, type DraftJudge, type JudgeInput } from '../llm/draft-judge';

/** The judge of a draft (expected NPS 0–10, engagement, churn), on the conversation's recent window. */
export function judgeCapability(judge: DraftJudge): Capability<JudgeInput, JudgeScore> {
  return {
    name: 'judge',
    mode: judge.mode,
    engine: judge.engine,
    normalize: (input) => ({ ...input, conversation: recentWindow(input.conversation) }),
    key: async (input, version, engine) => stableHashSync({ input, profile: version, engine }),
    rules: judgeByRules,
    run: (input, profile, { signal, deadlineAt }) => judge.judgeDetailed(input, profile, { signal, deadlineAt }),
  };
}
