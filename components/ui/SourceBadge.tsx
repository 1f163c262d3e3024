import type { ResultOrigin } from '@/lib/contracts';

/** What every answer says about itself: who made it, how it reached the panel, how fast. */
export interface AnswerProvenance {
  source: 'llm' | 'rules';
  origin: ResultOrigin;
  latencyMs: number;
  error?: string;
}
import { originLine } from './origin-line';
import { useTranslate } from './use-translate';

export function SourceBadge({ reply, pending, partial }: { reply: AnswerProvenance; pending: boolean; partial: boolean }) {
  const t = useTranslate();
  const isLlm = reply.source === 'llm';
  const line = originLine(reply, partial, t);
  return (
    <div className="space-y-1">
      <span
        data-testid="pulso-source"
        data-source={reply.source}
        className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${isLlm ? 'bg-violet-100 text-violet-800' : 'bg-emerald-100 text-emerald-800'}`}
      >
        {t('source.label')}: {t(isLlm ? 'source.llm' : 'source.rules')}
      </span>
      <p
        role="status"
        data-testid="pulso-origin"
        data-origin={line.origin}
        data-pending={pending ? 'true' : 'false'}
        className={`text-xs ${reply.origin === 'offline' ? 'font-semibold text-amber-700' : 'text-slate-500'}`}
      >
        {line.text}
      </p>
      {reply.origin === 'offline' && reply.error && (
        <p className="text-xs break-words text-amber-700" data-testid="pulso-offline-reason">
          {reply.error}
        </p>
      )}
    </div>
  );
}
