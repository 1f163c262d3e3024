import { translatePanel } from '@/lib/i18n/panel';
import type { UiLanguage } from '@/lib/i18n/translate';
import type { GlanceContent } from '../glance/glance';
import { originLine, unreadableLine } from '../ui/origin-line';
import type { ConversationState } from './session';

/** The conversation panel at a glance, before its view loads: the hand-off alert, what the customer wants, their mood, and the answer's origin. */
export function conversationGlance(state: ConversationState, collapsed: boolean, lang: UiLanguage): GlanceContent | null {
  if (state.status === 'idle' || collapsed) return null;
  const t = translatePanel.bind(null, lang);
  const frame = { regionLabel: t('conv.region'), title: t('panel.title'), state: state.status };
  if (state.status === 'waiting') return { ...frame, note: t('conv.waiting') };
  if (state.status === 'unreadable') return { ...frame, note: unreadableLine(state.missing, t) };
  if (state.status === 'error') return { ...frame, note: t('error.generic', { message: state.message }) };
  const { triage } = state.triage;
  return {
    ...frame,
    alert: triage.escalate ? [t('conv.escalate'), triage.department && t('conv.department', { department: triage.department })].filter(Boolean).join(' · ') : undefined,
    origin: { ...originLine(state.triage, false, t), pending: state.triagePending },
    facts: [
      { label: t('conv.intent'), value: t(`intent.${triage.intent}`), testId: 'pulso-intent' },
      { label: t('conv.sentiment'), value: triage.sentiment.toFixed(2), testId: 'pulso-glance-sentiment' },
    ],
  };
}
