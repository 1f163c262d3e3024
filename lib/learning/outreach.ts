import type { CompanyProfile, DraftStrategy, OutreachCandidate, PolicySegment, ReplyDraft } from '../contracts';
import { translatePanel as translate } from '../i18n/panel';
import type { UiLanguage } from '../i18n/translate';
import { draftOutreachByRules } from '../rules/drafts/index';
import { preferredStrategy, strategiesAllowedBy, type PickOptions, type PolicyModel } from './policy';
import { segmentOf } from './segment';

/**
 * "Reach out first": customers who never write, ranked by risk × value, with the reasons.
 *
 *   risk  = 0.35·silence + 0.35·issues + 0.30·mood         (each 0…1)
 *   value = 1 (billing high) · 0.4 (low) · 0.6 (unknown)
 *   score = round(100 · risk · (0.5 + 0.5·value))
 *
 * silence = d / (d + 30) for d days since the last contact (half-way at a month; unknown → 0.5);
 * issues = 1 − 0.5ⁿ for n open issues (unknown → 0); mood from the segment (an unhappy customer
 * worth retaining is the most at risk). Unknown facts count as middling, never as safe.
 */
export type OutreachReason =
  | { code: 'silence'; days: number }
  | { code: 'silence_unknown' }
  | { code: 'open_issues'; count: number }
  | { code: 'segment'; segment: PolicySegment }
  | { code: 'billing_high' };

export interface OutreachRanking {
  candidate: OutreachCandidate;
  segment: PolicySegment;
  /** 0–100, higher first. */
  score: number;
  risk: number;
  value: number;
  /** Why, the strongest first. */
  reasons: OutreachReason[];
}

const MOOD_RISK: Record<PolicySegment, number> = {
  retain: 1,
  unhappy: 0.85,
  let_go: 0.6,
  unknown: 0.4,
  monitor: 0.3,
  care: 0.25,
  satisfied: 0.2,
};
const VALUE = { high: 1, low: 0.4, unknown: 0.6 } as const;
/** Days after which silence is half of its weight. */
const SILENCE_HALF_DAYS = 30;

export function scoreOutreach(candidate: OutreachCandidate): OutreachRanking {
  const segment = segmentOf(candidate);
  const days = candidate.daysSinceContact;
  const silence = days === undefined ? 0.5 : days / (days + SILENCE_HALF_DAYS);
  const issues = 1 - 0.5 ** (candidate.openIssues ?? 0);
  const mood = MOOD_RISK[segment];
  const risk = 0.35 * silence + 0.35 * issues + 0.3 * mood;
  const value = VALUE[candidate.billingLevel ?? 'unknown'];
  const weighted: Array<[OutreachReason, number]> = [
    [days === undefined ? { code: 'silence_unknown' } : { code: 'silence', days: Math.round(days) }, 0.35 * silence],
    [{ code: 'open_issues', count: candidate.openIssues ?? 0 }, 0.35 * issues],
    [{ code: 'segment', segment }, 0.3 * mood],
  ];
  const reasons = weighted
    .filter(([reason, w]) => w >= 0.1 && !(reason.code === 'open_issues' && reason.count === 0))
    .sort((a, b) => b[1] - a[1])
    .map(([reason]) => reason);
  if (candidate.billingLevel === 'high') reasons.push({ code: 'billing_high' });
  return { candidate, segment, score: Math.round(100 * risk * (0.5 + 0.5 * value)), risk, value, reasons };
}

/** A reason as the rep reads it, from the i18n catalogue. */
export function describeOutreachReason(reason: OutreachReason, lang: UiLanguage): string {
  switch (reason.code) {
    case 'silence':
      return translate(lang, 'outreach.reason.silence', { days: reason.days });
    case 'silence_unknown':
      return translate(lang, 'outreach.reason.silence_unknown');
    case 'open_issues':
      return translate(lang, 'outreach.reason.open_issues', { count: reason.count });
    case 'segment':
      return translate(lang, 'outreach.reason.segment', { segment: translate(lang, `segment.${reason.segment}`) });
    case 'billing_high':
      return translate(lang, 'outreach.reason.billing_high');
  }
}

/** Every candidate scored, highest first (ties by id, so the order is stable). */
export function rankOutreach(candidates: readonly OutreachCandidate[]): OutreachRanking[] {
  return candidates.map(scoreOutreach).sort((a, b) => b.score - a.score || a.candidate.id.localeCompare(b.candidate.id));
}

/** Outreach has no message to classify: its context's intent is "other". */
export const OUTREACH_INTENT = 'other' as const;

/**
 * The one-shot message for a picked customer: the strategy the policy prefers for their
 * segment (highest posterior mean in the outreach context), written by the rules' outreach
 * templates. Shown for the rep to copy or insert; never sent.
 */
export function outreachMessage(
  candidate: OutreachCandidate,
  profile: CompanyProfile,
  model: PolicyModel,
  options: Pick<PickOptions, 'allowed'> = {},
): { strategy: DraftStrategy; segment: PolicySegment; draft: ReplyDraft } {
  const segment = segmentOf(candidate);
  const allowed = options.allowed ?? strategiesAllowedBy(profile);
  const strategy = preferredStrategy(model, { segment, intent: OUTREACH_INTENT }, { allowed });
  const draft = draftOutreachByRules(
    {
      name: candidate.name,
      billingLevel: candidate.billingLevel,
      conformity: candidate.conformity,
      daysSinceContact: candidate.daysSinceContact,
      openIssues: candidate.openIssues,
      language: candidate.language,
    },
    profile,
    strategy,
  );
  return { strategy, segment, draft };
}
