import { translatePage, type PageMessageKey } from '@/lib/i18n/page';
import type { UiLanguage } from '@/lib/i18n/translate';
import { unreadableLine } from '../ui/origin-line';
import type { GlanceContent } from './glance';

type PanelStatus = { status: 'idle' | 'waiting' } | { status: 'unreadable'; missing: readonly string[] } | { status: 'error'; message: string } | { status: 'ready' };

/**
 * What a panel's glance shows before its answer (null: nothing, the panel is idle or collapsed),
 * or, once it is ready, the frame for `answer` to fill with the headline.
 */
export function panelGlance<S extends PanelStatus>(
  state: S,
  collapsed: boolean,
  lang: UiLanguage,
  labels: { region: 'panel.region' | 'conv.region'; waiting: 'panel.waiting' | 'conv.waiting' },
  answer: (ready: Extract<S, { status: 'ready' }>, frame: GlanceContent, t: (key: PageMessageKey, vars?: Record<string, string | number>) => string) => GlanceContent,
): GlanceContent | null {
  if (state.status === 'idle' || collapsed) return null;
  const t = translatePage.bind(null, lang);
  const frame: GlanceContent = { regionLabel: t(labels.region), title: t('panel.title'), state: state.status };
  switch (state.status) {
    case 'waiting':
      return { ...frame, note: t(labels.waiting) };
    case 'unreadable':
      return { ...frame, note: unreadableLine((state as Extract<PanelStatus, { status: 'unreadable' }>).missing, t) };
    case 'error':
      return { ...frame, note: t('error.generic', { message: (state as Extract<PanelStatus, { status: 'error' }>).message }) };
    default:
      return answer(state as Extract<S, { status: 'ready' }>, frame, t);
  }
}
