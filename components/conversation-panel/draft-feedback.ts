import type { Conversation, ConversationTriage, DraftFeedback, DraftStrategy, FeedbackOutcome, ReplyDraft } from '@/lib/contracts';
import { editRatio } from '@/lib/learning/edit-ratio';
import { segmentOfTriage } from '@/lib/learning/segment';

/**
 * What the agent did with each draft Pulso showed, as one feedback event per draft (the
 * Feedback contract, docs/learning.md), decided when the draft's story ends:
 *
 * - inserted, then the agent sent (a new outgoing message appeared) or left the chat: `inserted`
 *   when the text sent (or left in the composer) is the draft, else `edited` with how much of it
 *   changed (`editRatio`, word-level);
 * - copied out and not inserted: `copied` (with the edit ratio when the agent then sent it here);
 * - replaced by another strategy the agent picked: `switched`; by the refresh button: `regenerated`;
 * - not used while the agent sent a reply of their own: `discarded`.
 *
 * A thumbs up or down (and its reason) rides on that event. A draft the agent never touched
 * (the customer wrote again and a new draft replaced it) says nothing and sends nothing.
 * Tone actions rewrite the same draft: it keeps its record, with the new text as the baseline.
 */
export interface DraftContext {
  conversation: Conversation;
  triage: ConversationTriage;
}

type EndCause = 'replaced' | 'switched' | 'regenerated' | 'left';

interface DraftRecord {
  id: string;
  strategy: DraftStrategy;
  intent: ConversationTriage['intent'];
  segment: DraftFeedback['segment'];
  judge?: DraftFeedback['judge'];
  wasSuggested: boolean;
  /** The policy's suggestion in this chat, when the agent chose this strategy instead. */
  suggested?: DraftStrategy;
  /** The text Pulso produced (after tone actions): what an edit is measured against. */
  baseline: string;
  /** Outgoing messages in the conversation when the draft was shown / inserted. */
  outgoingAtShow: number;
  outgoingAtInsert?: number;
  inserted: boolean;
  copied: boolean;
  /** The composer's text last seen non-empty after the insertion: what "left in the composer" means. */
  lastComposerText?: string;
  rating?: 1 | -1;
  reason?: string;
  done: boolean;
}

export interface DraftFeedbackOptions {
  send: (events: DraftFeedback[]) => void;
  /** A fresh event id (crypto.randomUUID in the browser). */
  newId?: () => string;
  now?: () => Date;
}

/** Below this share of words changed, an inserted draft counts as sent as is (a greeting's name fixed). */
export const AS_IS_EDIT_RATIO = 0.02;

const outgoing = (conversation: Conversation) => conversation.messages.filter((m) => m.direction === 'out');

export function createDraftFeedback(options: DraftFeedbackOptions) {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  /** The draft on screen. */
  let shown: DraftRecord | undefined;
  /** The last draft inserted into the composer, until the agent sends or leaves (it may no longer be on screen). */
  let awaitingSend: DraftRecord | undefined;
  let nextEnd: EndCause | undefined;
  let suggestedForNext: DraftStrategy | undefined;

  function event(record: DraftRecord, outcome: FeedbackOutcome, ratio?: number): DraftFeedback {
    return {
      kind: 'draft',
      eventId: `draft-${record.id}`,
      strategy: record.strategy,
      intent: record.intent,
      segment: record.segment,
      outcome,
      ...(ratio !== undefined ? { editRatio: Math.round(ratio * 1_000) / 1_000 } : {}),
      ...(record.rating ? { rating: record.rating } : {}),
      ...(record.reason ? { reason: record.reason } : {}),
      ...(record.suggested ? { suggested: record.suggested } : {}),
      ...(record.judge ? { judge: record.judge } : {}),
      wasSuggested: record.wasSuggested,
      at: now().toISOString(),
    };
  }

  /** Ends a draft's story once: sends its event, if it says anything. */
  function finish(record: DraftRecord | undefined, cause: EndCause, sentText?: string) {
    if (!record || record.done) return;
    record.done = true;
    if (record === awaitingSend) awaitingSend = undefined;
    let outcome: DraftFeedback | undefined;
    if (record.inserted) {
      const final = sentText ?? record.lastComposerText;
      const ratio = final === undefined ? 0 : editRatio(record.baseline, final);
      outcome = event(record, ratio <= AS_IS_EDIT_RATIO ? 'inserted' : 'edited', ratio);
    } else if (record.copied) {
      outcome = event(record, 'copied', sentText === undefined ? undefined : editRatio(record.baseline, sentText));
    } else if (cause === 'switched' || cause === 'regenerated') {
      outcome = event(record, cause);
    } else if (sentText !== undefined || record.rating !== undefined) {
      // The agent wrote their own reply instead, or rated the draft and let it go.
      outcome = event(record, 'discarded');
    }
    if (outcome) options.send([outcome]);
  }

  return {
    /** A draft is on screen (a new one, or the same one after a tone action). */
    shown(draft: ReplyDraft, context: DraftContext, tone = false) {
      if (tone && shown && !shown.done && shown.strategy === draft.strategy) {
        shown.baseline = draft.text;
        return;
      }
      if (shown !== awaitingSend) finish(shown, nextEnd ?? 'replaced');
      nextEnd = undefined;
      const wasSuggested = draft.suggested === true;
      shown = {
        id: newId(),
        strategy: draft.strategy,
        intent: context.triage.intent,
        segment: segmentOfTriage(context.triage, context.conversation.billingLevel),
        ...(judgeReading(draft.judge) ? { judge: judgeReading(draft.judge) } : {}),
        wasSuggested,
        ...(suggestedForNext && suggestedForNext !== draft.strategy ? { suggested: suggestedForNext } : {}),
        baseline: draft.text,
        outgoingAtShow: outgoing(context.conversation).length,
        inserted: false,
        copied: false,
        done: false,
      };
      if (wasSuggested) suggestedForNext = draft.strategy;
    },
    /** The agent picked another strategy: the draft on screen ends as `switched` when the new one arrives. */
    switching() {
      nextEnd = 'switched';
    },
    /** The agent asked for a new draft (refresh): the one on screen ends as `regenerated`. */
    regenerating() {
      if (shown && !shown.inserted) nextEnd = 'regenerated';
    },
    inserted(text: string, conversation: Conversation) {
      if (!shown || shown.done) return;
      if (awaitingSend && awaitingSend !== shown) finish(awaitingSend, 'replaced');
      shown.inserted = true;
      shown.outgoingAtInsert ??= outgoing(conversation).length;
      shown.lastComposerText = text;
      awaitingSend = shown;
    },
    copied() {
      if (shown && !shown.done) shown.copied = true;
    },
    rate(rating: 1 | -1, reason?: string) {
      if (!shown || shown.done) return;
      shown.rating = rating;
      const trimmed = reason?.trim().slice(0, 500);
      if (trimmed) shown.reason = trimmed;
      else delete shown.reason;
    },
    /** The composer's text now (after any DOM change or input): what the agent would send. */
    composerSeen(text: string | undefined) {
      if (awaitingSend && text?.trim()) awaitingSend.lastComposerText = text;
    },
    /**
     * The conversation as read now: a new outgoing message means the agent sent — the inserted
     * draft's story ends with that text; a draft on screen that was not used ends as discarded.
     */
    conversationSeen(conversation: Conversation) {
      const out = outgoing(conversation);
      const latest = out.at(-1)?.text;
      if (awaitingSend && out.length > (awaitingSend.outgoingAtInsert ?? Infinity)) {
        // What was sent is the inserted draft's: a newer draft on screen was not rejected, just not needed.
        finish(awaitingSend, 'replaced', latest);
        if (shown && !shown.done) shown.outgoingAtShow = out.length;
        return;
      }
      if (shown && !shown.done && !shown.inserted && out.length > shown.outgoingAtShow) finish(shown, 'replaced', latest);
    },
    /** The agent left the chat or the page: every open story ends with what is known. */
    left() {
      finish(awaitingSend, 'left');
      finish(shown, 'left');
      shown = undefined;
      nextEnd = undefined;
      suggestedForNext = undefined;
    },
    /** What the panel shows next to the thumbs (the draft's rating, once given). */
    ratingOf: () => shown?.rating,
  };
}
export type DraftFeedbackTracker = ReturnType<typeof createDraftFeedback>;

function judgeReading(judge: ReplyDraft['judge']): DraftFeedback['judge'] | undefined {
  // Only a reading that says who judged goes out (the contract already dropped one off the 0–10 scale).
  if (!judge?.source) return undefined;
  return { npsExpected: judge.npsExpected, engagementProb: judge.engagementProb, churnProb: judge.churnProb, source: judge.source };
}
