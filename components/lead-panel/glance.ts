import { translatePanel } from '@/lib/i18n/panel';
import type { UiLanguage } from '@/lib/i18n/translate';
import type { GlanceContent } from '../glance/glance';
import { originLine, unreadableLine } from '../ui/origin-line';
import { leadHeadline } from './headline';
import type { PanelState } from './store';

/** The lead panel at a glance, before its view loads: the state's line, or stage, priority and SLA with the answer's origin. */
export function leadGlance(state: PanelState, collapsed: boolean, lang: UiLanguage): GlanceContent | null {
  if (state.status === 'idle' || collapsed) return null;
  const t = translatePanel.bind(null, lang);
  const frame = { regionLabel: t('panel.region'), title: t('panel.title'), state: state.status };
  if (state.status === 'waiting') return { ...frame, note: t('panel.waiting') };
  if (state.status === 'unreadable') return { ...frame, note: unreadableLine(state.missing, t) };
  if (state.status === 'error') return { ...frame, note: t('error.generic', { message: state.message }) };
  const { reply, pending, partial } = state;
  const headline = leadHeadline(reply.result, pending, partial);
  return {
    ...frame,
    origin: { ...originLine(reply, Boolean(pending && partial), t), pending },
    facts: [
      { label: t('panel.stage'), value: headline.stage, testId: 'pulso-stage' },
      { label: t('panel.priority'), value: headline.priority, testId: 'pulso-priority', urgent: headline.priority === 'P1' },
      { label: t('panel.sla'), value: t('panel.slaHours', { hours: headline.slaHours }), testId: 'pulso-sla' },
    ],
  };
}
