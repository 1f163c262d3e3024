import { useState } from 'react';
import type { LeadClassification, OutreachCandidate, OutreachDraftReply } from '@/lib/contracts';
import type { Store } from '@/lib/content/store';
import type { ListRow } from '@/lib/sites/types';
import { useStore } from '../ui/use-store';
import { useTranslate } from '../ui/use-translate';
import { hasLimitedEvidence } from './priority-badge';
import { ReachOutFirst } from './ReachOutFirst';
import { byPriority, type PriorityFilter } from './row-filter';

export interface ListSnapshot {
  rows: { row: ListRow; result?: LeadClassification }[];
}

export interface ListToolbarProps {
  store: Store<ListSnapshot>;
  /** The filter applied to the CRM's rows; the feature re-applies it when it changes. */
  filter: Store<PriorityFilter>;
  onShowRow: (row: ListRow) => void;
  /** The outreach message for a customer picked in "reach out first" (no ranking without it). */
  draftOutreach?: (candidate: OutreachCandidate) => Promise<OutreachDraftReply>;
}

/** A manager's view of a list: counts per priority, a filter, and who to call first. */
export function ListToolbar({ store, filter: filterStore, onShowRow, draftOutreach }: ListToolbarProps) {
  const t = useTranslate();
  const { rows } = useStore(store);
  const filter = useStore(filterStore);
  const [open, setOpen] = useState(false);
  if (rows.length === 0) return null;

  const counts = { P1: 0, P2: 0, P3: 0, P4: 0 };
  let pending = 0;
  let limited = 0;
  for (const { result } of rows) {
    if (!result) pending++;
    else if (hasLimitedEvidence(result)) limited++;
    else counts[result.priority]++;
  }
  const callFirst = rows
    .filter((r) => r.result && !hasLimitedEvidence(r.result) && (r.result.priority === 'P1' || r.result.priority === 'P2'))
    .map((r) => ({ ...r, priority: r.result!.priority, urgency: r.result!.scores.urgency }))
    .sort(byPriority)
    .slice(0, 10);

  return (
    <div className="pointer-events-auto fixed right-4 bottom-4 z-[2147483000] w-72 font-sans text-sm text-slate-900" data-testid="pulso-list-toolbar">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="flex w-full items-center justify-between rounded-lg bg-indigo-600 px-3 py-2 font-semibold text-white shadow-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800"
      >
        <span>{t('list.title')}</span>
        <span data-testid="pulso-list-counts">
          {[...(['P1', 'P2', 'P3', 'P4'] as const).map((p) => `${p} ${counts[p]}`), ...(limited > 0 ? [`? ${limited}`] : [])].join(' · ')}
        </span>
      </button>
      {open && (
        <div className="mt-1 space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-xl">
          <p className="text-xs text-slate-500">
            {t('list.summary', { count: rows.length })}
            {pending > 0 ? ` · ${t('list.pending', { count: pending })}` : ''}
            {limited > 0 ? ` · ${t('list.limited', { count: limited })}` : ''}
          </p>
          <label className="flex items-center gap-2">
            <span>{t('list.filter')}</span>
            <select
              data-testid="pulso-list-filter"
              value={filter}
              onChange={(e) => filterStore.set(e.target.value as PriorityFilter)}
              className="flex-1 rounded border border-slate-300 px-1 py-0.5"
            >
              <option value="all">{t('list.filterAll')}</option>
              <option value="P2">{t('list.filterP2')}</option>
              <option value="P1">{t('list.filterP1')}</option>
            </select>
          </label>
          {callFirst.length > 0 && (
            <section aria-labelledby="pulso-call-first">
              <h3 id="pulso-call-first" className="text-xs font-semibold text-slate-500 uppercase">
                {t('list.callFirst')}
              </h3>
              <ol className="mt-1 space-y-1" data-testid="pulso-call-first">
                {callFirst.map(({ row, priority }) => (
                  <li key={row.recordId}>
                    <button type="button" onClick={() => onShowRow(row)} className="w-full truncate rounded px-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
                      <strong>{priority}</strong> {row.fields.fullName ?? row.fields.company ?? row.recordId}
                    </button>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {draftOutreach && <ReachOutFirst rows={rows.map((r) => r.row)} draftOutreach={draftOutreach} onShowRow={onShowRow} />}
        </div>
      )}
    </div>
  );
}
