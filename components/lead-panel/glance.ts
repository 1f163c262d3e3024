import type { UiLanguage } from '@/lib/i18n/translate';
import type { GlanceContent } from '../glance/glance';
import { panelGlance } from '../glance/panel-state';
import { originLine } from '../ui/origin-line';
import { leadHeadline } from './headline';
import type { PanelState } from './store';

/** The lead panel at a glance, before its view loads: the state's line, or stage, priority and SLA with the answer's origin. */
export function leadGlance(state: PanelState, collapsed: boolean, lang: UiLanguage): GlanceContent | null {
  return panelGlance(state, collapsed, lang, { region: 'panel.region', waiting: 'panel.waiting' }, ({ reply, pending, partial }, frame, t) => {
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
  });
}
