import { CLIENT_TIMEOUT_MS, type CompanyProfile, type Lead, type LeadClassification } from '../contracts';
import { BackendError, type BackendClient } from './backend-client';

/**
 * How long a list's rows may wait for a backend that refuses them for now (429/503 with
 * Retry-After, or rows refused `queue_full:` inside a batch): everything, retries and waits
 * included, ends within the client's batch deadline (30 s), and a retry starts only if it still
 * has `minAttemptMs` to be answered in. The backend's admission control refuses on purpose,
 * asking clients to come back (backend/gateway/admission.ts): a refusal is not an outage.
 */
export const BATCH_RETRY = { deadlineMs: CLIENT_TIMEOUT_MS.batch, minAttemptMs: 5_000, maxAttempts: 5, minWaitMs: 250 } as const;

/** A row's outcome: the backend's answer, or why not — `unavailable` rows get the offline rules answer. */
export type RetriedRow = { result: LeadClassification } | { error: string; unavailable: boolean };

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Classifies `leads` in one batch, then asks again for the rows refused for now, after the
 * longest Retry-After they were given, until all are answered or the deadline is near. Rows
 * the backend cannot answer (refused to the end, unreachable, internal error) come back
 * `unavailable`; a row the backend judged invalid keeps its error.
 */
export async function classifyBatchRetrying(client: BackendClient, leads: Lead[], profile: CompanyProfile, clock: RetryClock, limits: typeof BATCH_RETRY = BATCH_RETRY): Promise<RetriedRow[]> {
  const deadline = clock.now() + limits.deadlineMs;
  const out: (RetriedRow | undefined)[] = new Array(leads.length);
  let pending = leads.map((_, index) => index);
  for (let attempt = 1; ; attempt++) {
    let refused: number[] = [];
    let waitMs = 0;
    let why = '';
    try {
      const answers = await client.classifyBatch(
        pending.map((index) => leads[index]!),
        profile,
        Math.max(1, deadline - clock.now()),
      );
      pending.forEach((index, at) => {
        const answer = answers[at]!;
        if ('result' in answer) out[index] = answer;
        else if (answer.retryAfterMs !== undefined) {
          refused.push(index);
          waitMs = Math.max(waitMs, answer.retryAfterMs);
          why = answer.error;
        } else out[index] = { error: answer.error, unavailable: !answer.error.startsWith('invalid_lead:') };
      });
    } catch (err) {
      if (!(err instanceof BackendError) || err.retryAfterMs === undefined) {
        for (const index of pending) out[index] = { error: (err as Error).message, unavailable: true };
        break;
      }
      refused = pending;
      waitMs = err.retryAfterMs;
      why = err.message;
    }
    pending = refused;
    if (pending.length === 0) break;
    waitMs = Math.max(waitMs, limits.minWaitMs);
    if (attempt >= limits.maxAttempts || clock.now() + waitMs + limits.minAttemptMs > deadline) {
      for (const index of pending) out[index] = { error: why, unavailable: true };
      break;
    }
    await clock.sleep(waitMs);
  }
  return out.map((row) => row ?? { error: 'no answer for this row', unavailable: true });
}
