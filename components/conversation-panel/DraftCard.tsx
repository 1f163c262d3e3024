import { useEffect, useState } from 'react';
import type { DraftInsertion, DraftInsertMode } from '@/lib/composer/insert-draft';
import { DRAFT_STRATEGIES, DRAFT_TONE_ACTIONS, type DraftReply, type DraftStrategy, type ReplyDraft } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { CopyButton } from '../ui/CopyButton';
import { useTranslate } from '../ui/use-translate';
import type { DraftTone } from './session';

export interface DraftCardProps {
  draft?: DraftReply;
  pending: boolean;
  error?: string;
  onStrategy: (strategy: DraftStrategy) => void;
  onTone: (tone: DraftTone, text: string) => void;
  /** Inserts into the CRM's composer; "ask" first checks whether the agent has text there. */
  onInsert: (text: string, mode: DraftInsertMode) => Promise<DraftInsertion>;
  onCopied?: () => void;
  onRate?: (rating: 1 | -1, reason?: string) => void;
}

/** The reply draft: strategy, editable text, tone actions, Insert and Copy, safety notes. Never sends. */
export function DraftCard({ draft, pending, error, onStrategy, onTone, onInsert, onCopied, onRate }: DraftCardProps) {
  const t = useTranslate();
  const [text, setText] = useState(draft?.draft.text ?? '');
  const [status, setStatus] = useState<{ kind: 'idle' } | { kind: 'confirm' } | { kind: 'done' } | { kind: 'failed'; reason: string }>({ kind: 'idle' });
  useEffect(() => {
    setText(draft?.draft.text ?? '');
    setStatus({ kind: 'idle' });
  }, [draft]);

  const insert = async (mode: DraftInsertMode) => {
    const result = await onInsert(text, mode);
    if ('needsConfirmation' in result) setStatus({ kind: 'confirm' });
    else if (result.ok) setStatus({ kind: 'done' });
    else setStatus({ kind: 'failed', reason: result.problem === 'noComposer' ? t('conv.noComposer') : result.tried.join(', ') || 'no strategy applies' });
  };
  const button = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50';

  return (
    <Card title={t('conv.draft')} id="pulso-draft">
      {!draft && pending && <p className="text-sm text-slate-500">{t('conv.draftPending')}</p>}
      {error && !draft && (
        <p role="alert" className="text-sm text-red-700">
          {t('error.generic', { message: error })}
        </p>
      )}
      {draft && (
        <div className="space-y-2" data-testid="pulso-draft-card" data-source={draft.draft.source} aria-busy={pending}>
          <label className="flex items-center gap-2 text-sm">
            <span>{t('conv.strategy')}</span>
            {draft.draft.suggested && (
              <span data-testid="pulso-suggested" title={t('conv.suggestedHint')} className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800">
                {t('conv.suggested')}
              </span>
            )}
            <select
              data-testid="pulso-strategy"
              value={draft.draft.strategy}
              disabled={pending}
              onChange={(e) => onStrategy(e.target.value as DraftStrategy)}
              className="flex-1 rounded border border-slate-300 px-1 py-0.5"
            >
              {DRAFT_STRATEGIES.map((strategy) => (
                <option key={strategy} value={strategy}>
                  {t(`strategy.${strategy}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-xs font-semibold text-slate-500" htmlFor="pulso-draft-text">
            {t('conv.draftText')}
          </label>
          <textarea
            id="pulso-draft-text"
            data-testid="pulso-draft-text"
            lang={draft.draft.language}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            className="w-full rounded border border-slate-300 p-2 text-sm"
          />
          <div role="group" aria-label={t('conv.tone')} className="flex flex-wrap gap-1">
            {DRAFT_TONE_ACTIONS.map((tone) => (
              <button key={tone} type="button" disabled={pending} onClick={() => onTone(tone, text)} className={button} data-testid={`pulso-tone-${tone}`}>
                {t(`tone.${tone}`)}
              </button>
            ))}
          </div>
          <div className="flex gap-2">
            <button
              type="button"
              data-testid="pulso-insert"
              disabled={pending || !text.trim()}
              onClick={() => void insert('ask')}
              className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800 disabled:opacity-50"
            >
              {t('conv.insert')}
            </button>
            <CopyButton text={text} testId="pulso-copy-draft" onCopied={onCopied} />
          </div>
          {status.kind === 'confirm' && (
            <div role="alertdialog" aria-label={t('conv.confirmTitle')} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
              <p className="font-semibold">{t('conv.confirmTitle')}</p>
              <div className="flex flex-wrap gap-1">
                <button type="button" className={button} data-testid="pulso-insert-append" onClick={() => void insert('append')}>
                  {t('conv.append')}
                </button>
                <button type="button" className={button} data-testid="pulso-insert-replace" onClick={() => void insert('replace')}>
                  {t('conv.replace')}
                </button>
                <button type="button" className={button} onClick={() => setStatus({ kind: 'idle' })}>
                  {t('conv.cancel')}
                </button>
              </div>
            </div>
          )}
          {status.kind === 'done' && (
            <p role="status" className="text-sm text-emerald-700" data-testid="pulso-inserted">
              {t('conv.inserted')}
            </p>
          )}
          {status.kind === 'failed' && (
            <p role="alert" className="text-sm text-red-700">
              {t('conv.insertFailed', { reason: status.reason })}
            </p>
          )}
          {draft.draft.judge && <JudgeLine judge={draft.draft.judge} />}
          {onRate && <DraftRating key={draftKey(draft)} onRate={onRate} />}
          <section aria-labelledby="pulso-safety" className="text-sm" data-testid="pulso-safety" data-ok={draft.draft.safety.ok}>
            <h4 id="pulso-safety" className="text-xs font-semibold text-slate-500 uppercase">
              {t('conv.safety')}
            </h4>
            {draft.draft.safety.ok ? (
              <p className="text-emerald-700">{t('conv.safetyOk')}</p>
            ) : (
              <ul className="list-disc pl-4 text-amber-800">
                {draft.draft.safety.issues.map((issue, i) => (
                  <li key={i}>{issue}</li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </Card>
  );
}

/** A new draft (another strategy or text) starts with no thumbs. */
const draftKey = (draft: DraftReply) => `${draft.draft.strategy}:${draft.draft.text.length}:${draft.draft.text.slice(0, 40)}`;

/** The judge's reading of the draft, with who judged (the LLM or the rules). */
function JudgeLine({ judge }: { judge: NonNullable<ReplyDraft['judge']> }) {
  const t = useTranslate();
  const percent = (p: number) => Math.round(p * 100);
  return (
    <section aria-label={t('conv.judge')} className="space-y-0.5 rounded border border-slate-200 bg-slate-50 p-2 text-xs" data-testid="pulso-judge" data-source={judge.source ?? ''}>
      <p className="font-semibold text-slate-600">
        {t('conv.judge')}
        {judge.source && (
          <span data-testid="pulso-judge-source" className="ml-1 font-normal text-slate-500">
            · {t('conv.judgeSource', { source: t(judge.source === 'llm' ? 'source.llm' : 'source.rules') })}
          </span>
        )}
      </p>
      <p data-testid="pulso-judge-scores">
        {t('conv.judgeNps', { nps: judge.npsExpected.toFixed(1) })} · {t('conv.judgeEngagement', { percent: percent(judge.engagementProb) })} ·{' '}
        {t('conv.judgeChurn', { percent: percent(judge.churnProb) })}
      </p>
      {judge.rationale && <p className="text-slate-600">{judge.rationale}</p>}
    </section>
  );
}

/** Thumbs up or down on the draft, and an optional reason; sent with what the agent does with it. */
function DraftRating({ onRate }: { onRate: (rating: 1 | -1, reason?: string) => void }) {
  const t = useTranslate();
  const [rating, setRating] = useState<1 | -1 | undefined>();
  const [reason, setReason] = useState('');
  const thumb = (value: 1 | -1, label: string, icon: string, testId: string) => (
    <button
      type="button"
      aria-pressed={rating === value}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={() => {
        setRating(value);
        onRate(value, reason);
      }}
      className={`rounded-md border px-2 py-0.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${rating === value ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
  return (
    <div role="group" aria-label={t('conv.feedback')} className="space-y-1 text-sm" data-testid="pulso-draft-rating" data-rating={rating ?? ''}>
      <div className="flex items-center gap-2">
        <span className="text-xs text-slate-500">{t('conv.feedback')}</span>
        {thumb(1, t('conv.thumbsUp'), '👍', 'pulso-thumbs-up')}
        {thumb(-1, t('conv.thumbsDown'), '👎', 'pulso-thumbs-down')}
      </div>
      {rating !== undefined && (
        <>
          <input
            type="text"
            data-testid="pulso-feedback-reason"
            aria-label={t('conv.feedbackReason')}
            placeholder={t('conv.feedbackReason')}
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              onRate(rating, e.target.value);
            }}
            className="w-full rounded border border-slate-300 px-2 py-0.5 text-sm"
          />
          <p role="status" className="text-xs text-slate-500">
            {t('conv.feedbackThanks')}
          </p>
        </>
      )}
    </div>
  );
}
