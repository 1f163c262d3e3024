import { useContext, useMemo, useState } from 'react';
import type { OutreachCandidate, OutreachDraftReply } from '@/lib/contracts';
import { describeOutreachReason, rankOutreach } from '@/lib/learning/outreach';
import { hasOutreachSignals, outreachCandidates } from '@/lib/learning/outreach-columns';
import type { ListRow } from '@/lib/sites/types';
import { CopyButton } from '../ui/CopyButton';
import { UiLanguageContext, useTranslate } from '../ui/use-translate';

/** How many customers the ranking shows. */
const SHOWN = 5;

export interface ReachOutFirstProps {
  rows: readonly ListRow[];
  /** The background's outreach message for the picked customer (the team policy's strategy). */
  draftOutreach: (candidate: OutreachCandidate) => Promise<OutreachDraftReply>;
  onShowRow: (row: ListRow) => void;
  /** Epoch ms the shown dates are read against (tests pin it). */
  now?: number;
}

type Drafted = { recordId: string } & ({ status: 'loading' } | { status: 'ready'; reply: OutreachDraftReply } | { status: 'error'; message: string });

/**
 * "Reach out first": the list's customers ranked by risk and value from the columns the page
 * shows (last contact, open issues, billing level, satisfaction), each with its reasons; for the
 * one picked, a one-shot message in the strategy the team's policy prefers for their segment,
 * to copy. Never sent. Hidden when the list shows none of those columns.
 */
export function ReachOutFirst({ rows, draftOutreach, onShowRow, now }: ReachOutFirstProps) {
  const t = useTranslate();
  const lang = useContext(UiLanguageContext);
  const [drafted, setDrafted] = useState<Drafted>();
  const at = now ?? Date.now();
  const ranked = useMemo(() => {
    const candidates = outreachCandidates(
      rows.map((row) => ({ recordId: row.recordId, name: row.fields.fullName ?? row.fields.company, columns: row.columns })),
      at,
    );
    return hasOutreachSignals(candidates) ? rankOutreach(candidates).slice(0, SHOWN) : [];
  }, [rows, at]);
  if (ranked.length === 0) return null;

  const pick = (candidate: OutreachCandidate) => {
    setDrafted({ recordId: candidate.id, status: 'loading' });
    draftOutreach(candidate).then(
      (reply) => setDrafted((d) => (d?.recordId === candidate.id ? { recordId: candidate.id, status: 'ready', reply } : d)),
      (err: Error) => setDrafted((d) => (d?.recordId === candidate.id ? { recordId: candidate.id, status: 'error', message: err.message } : d)),
    );
  };

  return (
    <section aria-labelledby="pulso-reach-out-first">
      <h3 id="pulso-reach-out-first" className="text-xs font-semibold text-slate-500 uppercase">
        {t('outreach.title')}
      </h3>
      <ol className="mt-1 space-y-1" data-testid="pulso-reach-out">
        {ranked.map(({ candidate, score, reasons }) => {
          const row = rows.find((r) => r.recordId === candidate.id)!;
          return (
            <li key={candidate.id} data-record-id={candidate.id} className="rounded border border-slate-100 p-1">
              <div className="flex items-center gap-1">
                <button type="button" onClick={() => onShowRow(row)} className="flex-1 truncate rounded px-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
                  <strong data-testid="pulso-reach-out-score">{score}</strong> {candidate.name ?? candidate.id}
                </button>
                <button
                  type="button"
                  data-testid="pulso-reach-out-draft"
                  onClick={() => pick(candidate)}
                  className="rounded border border-indigo-300 px-1 text-xs text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  {t('outreach.draft')}
                </button>
              </div>
              <p className="px-1 text-xs text-slate-500">{reasons.map((reason) => describeOutreachReason(reason, lang)).join(' · ')}</p>
              {drafted?.recordId === candidate.id && <OutreachDraft drafted={drafted} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function OutreachDraft({ drafted }: { drafted: Drafted }) {
  const t = useTranslate();
  if (drafted.status === 'loading') return <p className="px-1 text-xs text-slate-500">{t('outreach.drafting')}</p>;
  if (drafted.status === 'error') return <p className="px-1 text-xs text-red-700" role="alert">{t('outreach.failed', { message: drafted.message })}</p>;
  const { reply } = drafted;
  return (
    <div className="mt-1 space-y-1 rounded bg-slate-50 p-2 text-xs" data-testid="pulso-outreach-draft" data-strategy={reply.strategy}>
      <p className="font-semibold text-slate-600">
        {t('outreach.strategy', { strategy: t(`strategy.${reply.strategy}`), segment: t(`segment.${reply.segment}`) })}
        {reply.policy === 'none' ? ` · ${t('outreach.noPolicy')}` : ''}
      </p>
      <p className="whitespace-pre-wrap text-slate-800" data-testid="pulso-outreach-text">{reply.draft.text}</p>
      <div className="flex items-center justify-between gap-2">
        <span className="text-slate-500">{t('outreach.neverSent')}</span>
        <CopyButton text={reply.draft.text} testId="pulso-outreach-copy" />
      </div>
    </div>
  );
}
