import type { UiLanguage } from '@/lib/i18n/translate';
import type { GlanceContent } from '../glance/glance';
import { panelGlance } from '../glance/panel-state';
import { originLine } from '../ui/origin-line';
import type { ConversationState } from './session';

/** The conversation panel at a glance, before its view loads: the hand-off alert, what the customer wants, their mood, and the answer's origin. */
export function conversationGlance(state: ConversationState, collapsed: boolean, lang: UiLanguage): GlanceContent | null {
  return panelGlance(state, collapsed, lang, { region: 'conv.region', waiting: 'conv.waiting' }, ({ triage: reply, triagePending }, frame, t) => {
    const { triage } = reply;
    return {
      ...frame,
      alert: triage.escalate ? [t('conv.escalate'), triage.department && t('conv.department', { department: triage.department })].filter(Boolean).join(' · ') : undefined,
      origin: { ...originLine(reply, false, t), pending: triagePending },
      facts: [
        { label: t('conv.intent'), value: t(`intent.${triage.intent}`), testId: 'pulso-intent' },
        { label: t('conv.sentiment'), value: triage.sentiment.toFixed(2), testId: 'pulso-glance-sentiment' },
      ],
    };
  });
}
