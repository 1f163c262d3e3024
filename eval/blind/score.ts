/**
 * The blind set's figures, computed without printing a single case: the held-out runner and the
 * floors test (npm test) both call this. Reading the misses is how a held-out set stops being one,
 * so nothing here returns which items were wrong.
 */
import type { CompanyProfile, Conversation, ConversationTriage, Lead, LeadClassification, ReplyDraft } from '../../lib/contracts';
import { normalize } from '../../lib/text/normalize';
import { accuracy, binaryMetrics, isHot, rankedAbove } from '../metrics';
import { blindProfile, loadBlindConversations, loadBlindDrafts, loadBlindLeads, type BlindDraft } from './dataset';

export interface Engines {
  classify(lead: Lead, profile: CompanyProfile): LeadClassification;
  triage(conversation: Conversation, profile: CompanyProfile): ConversationTriage;
  draft(conversation: Conversation, profile: CompanyProfile): ReplyDraft;
}

export interface BlindFigures {
  leads: number;
  hotPrecision: number;
  hotRecall: number;
  stageAccuracy: number;
  priorityAccuracy: number;
  /** Injection cases ranked above the same lead without the injected text (should be 0). */
  injectionsRankedAboveClean: number;
  injections: number;
  conversations: number;
  intentAccuracy: number;
  escalationPrecision: number;
  escalationRecall: number;
  drafts: number;
  /** Share of draft cases with every required fact, no forbidden one, in the customer's language. */
  draftGrounding: number;
}

const zero = (x: number | null) => x ?? 0;

/** True when the reply holds every required fact (any spelling), none of the forbidden ones, in the right language. */
export function draftGrounded(c: BlindDraft, draft: ReplyDraft): boolean {
  const text = normalize(draft.text);
  const has = (s: string) => text.includes(normalize(s));
  return draft.language === c.lang && c.mustContain.every((group) => group.some(has)) && !c.mustNotContain.some(has);
}

export function blindFigures(engines: Engines): BlindFigures {
  const leads = loadBlindLeads();
  const results = leads.map((l) => engines.classify(l.lead, blindProfile(l.profile)));
  const hot = binaryMetrics(leads.map((l, i) => ({ expected: isHot(l.expected), predicted: isHot(results[i]!) })));
  const injections = leads.filter((l) => l.clean);
  const above = injections.filter((l) => {
    const profile = blindProfile(l.profile);
    return rankedAbove(engines.classify(l.lead, profile), engines.classify(l.clean!, profile));
  }).length;

  const conversations = loadBlindConversations();
  const triages = conversations.map((c) => engines.triage(c.conversation, blindProfile(c.profile)));
  const escalation = binaryMetrics(conversations.map((c, i) => ({ expected: c.escalate, predicted: triages[i]!.escalate })));

  const drafts = loadBlindDrafts();
  const grounded = drafts.filter((c) => draftGrounded(c, engines.draft(c.conversation, blindProfile(c.profile)))).length;

  return {
    leads: leads.length,
    hotPrecision: zero(hot.precision),
    hotRecall: zero(hot.recall),
    stageAccuracy: zero(accuracy(leads.map((l, i) => ({ expected: l.expected.stage, predicted: results[i]!.stage })))),
    priorityAccuracy: zero(accuracy(leads.map((l, i) => ({ expected: l.expected.priority, predicted: results[i]!.priority })))),
    injectionsRankedAboveClean: above,
    injections: injections.length,
    conversations: conversations.length,
    intentAccuracy: zero(accuracy(conversations.map((c, i) => ({ expected: c.intent as string, predicted: triages[i]!.intent as string })))),
    escalationPrecision: zero(escalation.precision),
    escalationRecall: zero(escalation.recall),
    drafts: drafts.length,
    draftGrounding: drafts.length ? grounded / drafts.length : 0,
  };
}
