import type { CompanyProfile, ConversationTriage, DraftStrategy } from '../../lib/contracts';
import { PolicyModel, chooseStrategy, strategiesAllowedBy } from '../../lib/learning/policy';
import type { Random } from '../../lib/learning/random';
import { segmentOfTriage } from '../../lib/learning/segment';
import type { Store } from '../store/store';

export interface StrategySuggesterOptions {
  /** How long a read policy serves picks before the store is read again; feedback recorded here refreshes it at once. Default 5 s. */
  maxAgeMs?: number;
  /** The longest a draft waits for the store: past it, the last policy read (or no suggestion). Default 250 ms. */
  readTimeoutMs?: number;
  /** Thompson sampling's draws (tests seed it); default Math.random. */
  rng?: Random;
  now?: () => number;
  logger?: { warn(obj: object, msg?: string): void };
}

export interface StrategySuggester {
  /** The policy's pick for this conversation, or undefined (the rules' default stands): no data yet, or no policy could be read in time. */
  suggest(triage: ConversationTriage, profile: CompanyProfile): Promise<DraftStrategy | undefined>;
  /** Feedback was recorded: the next pick reads the store again. */
  invalidate(): void;
}

/**
 * The draft's default strategy from the team's policy (docs/learning.md): Thompson sampling over
 * the strategies the profile allows, in the context segment × intent. The policy is read from
 * the store shared by every replica, kept for a few seconds, and never delays a draft by more
 * than readTimeoutMs: a slow or failing store means the last policy read, else no suggestion.
 */
export function createStrategySuggester(store: Store, options: StrategySuggesterOptions = {}): StrategySuggester {
  const maxAgeMs = options.maxAgeMs ?? 5_000;
  const readTimeoutMs = options.readTimeoutMs ?? 250;
  const rng = options.rng ?? { next: Math.random };
  const now = options.now ?? Date.now;
  let known: { model: PolicyModel; at: number } | undefined;
  let reading: Promise<PolicyModel> | undefined;

  function read(): Promise<PolicyModel> {
    reading ??= store.policy
      .arms()
      .then((arms) => {
        const model = PolicyModel.fromArms(arms);
        known = { model, at: now() };
        return model;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  async function current(): Promise<PolicyModel | undefined> {
    if (known && now() - known.at < maxAgeMs) return known.model;
    let stopTimer = () => {};
    const late = new Promise<undefined>((resolve) => {
      const timer = setTimeout(resolve, readTimeoutMs);
      stopTimer = () => clearTimeout(timer);
    });
    try {
      return (await Promise.race([read(), late])) ?? known?.model;
    } catch (err) {
      options.logger?.warn({ err }, 'could not read the team policy; the draft keeps the rules strategy');
      return known?.model;
    } finally {
      stopTimer();
    }
  }

  return {
    async suggest(triage, profile) {
      // An escalation is the rules' call (another customer's data, a request for a person), not a preference to learn.
      if (triage.escalate) return undefined;
      const model = await current();
      if (!model || model.isEmpty) return undefined;
      return chooseStrategy(model, { segment: segmentOfTriage(triage), intent: triage.intent }, rng, { allowed: strategiesAllowedBy(profile) }).strategy;
    },
    invalidate() {
      known = undefined;
    },
  };
}
