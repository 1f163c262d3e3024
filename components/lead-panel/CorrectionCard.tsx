import { useState } from 'react';
import { PRIORITIES, STAGES, type LeadClassification, type Priority, type Stage } from '@/lib/contracts';
import { useTranslate } from '../ui/use-translate';
import type { LeadCorrection } from './correction';

export interface CorrectionCardProps {
  result: Pick<LeadClassification, 'stage' | 'priority'>;
  /** Resolves true when a correction was queued, false when it differs in nothing. */
  onCorrect: (correction: LeadCorrection) => Promise<boolean>;
}

/** "Not right?": the rep says the stage or priority the lead really has; it goes to the team's feedback. */
export function CorrectionCard({ result, onCorrect }: CorrectionCardProps) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>(result.stage);
  const [priority, setPriority] = useState<Priority>(result.priority);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'sent' | 'nothing' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const select = 'flex-1 rounded border border-slate-300 px-1 py-0.5';

  if (!open) {
    return (
      <button
        type="button"
        data-testid="pulso-correct"
        onClick={() => setOpen(true)}
        className="text-sm text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {t('panel.correct')}
      </button>
    );
  }
  return (
    <form
      aria-label={t('panel.correctTitle')}
      data-testid="pulso-correction"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        onCorrect({ stage, priority, reason }).then(
          (sent) => setStatus({ kind: sent ? 'sent' : 'nothing' }),
          (err: Error) => setStatus({ kind: 'failed', message: err.message }),
        );
      }}
    >
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('panel.correctTitle')}</h3>
      <label className="flex items-center gap-2">
        <span className="w-20">{t('panel.correctStage')}</span>
        <select data-testid="pulso-correct-stage" value={stage} onChange={(e) => setStage(e.target.value as Stage)} className={select}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <span className="w-20">{t('panel.correctPriority')}</span>
        <select data-testid="pulso-correct-priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)} className={select}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <input
        type="text"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label={t('panel.correctReason')}
        placeholder={t('panel.correctReason')}
        className="w-full rounded border border-slate-300 px-2 py-0.5"
      />
      <button
        type="submit"
        data-testid="pulso-correct-send"
        disabled={status.kind === 'sent'}
        className="rounded-md bg-indigo-600 px-3 py-1 font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800 disabled:opacity-50"
      >
        {t('panel.correctSend')}
      </button>
      {status.kind === 'sent' && (
        <p role="status" data-testid="pulso-correct-sent" className="text-emerald-700">
          {t('panel.correctSent')}
        </p>
      )}
      {status.kind === 'nothing' && <p role="status">{t('panel.correctNothing')}</p>}
      {status.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('panel.correctFailed', { message: status.message })}
        </p>
      )}
    </form>
  );
}
