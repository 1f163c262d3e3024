import type { ResultOrigin } from '@/lib/contracts';
import type { PageMessageKey } from '@/lib/i18n/page';

type T = (key: PageMessageKey, vars?: Record<string, string | number>) => string;

/** The line every answer carries about where it came from (the panel's SourceBadge and the glance say the same). */
export function originLine(reply: { origin: ResultOrigin; latencyMs: number }, partial: boolean, t: T): { text: string; origin: string } {
  if (partial) return { text: t('origin.partial'), origin: 'partial' };
  const latency = reply.origin !== 'preview' ? ` · ${Math.round(reply.latencyMs)} ms` : '';
  return { text: t(`origin.${reply.origin}`) + latency, origin: reply.origin };
}

/** "Pulso could not read: …", naming the fields when there are any. */
export function unreadableLine(missing: readonly string[], t: T): string {
  return missing.length ? t('panel.unreadable', { fields: missing.join(', ') }) : t('panel.unreadableNothing');
}
