import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { PRIORITIES, type Crm, type Priority } from '@/lib/contracts';
import { SITES } from '@/lib/sites/registry';
import { HISTORY_KINDS, filterCampaignHistory, filterHistory, historyToCsv, historyToJson, type HistoryEntry, type HistoryFilter, type HistoryKind } from '@/lib/history';
import { usePageTranslate } from '@/components/ui/use-page-translate';
import { CampaignHistory, type StoredCampaign } from './CampaignHistory';
import { HistoryRow } from './HistoryRow';

/** What the page needs from the history store (a HistoryStore, or a stand-in in tests). */
export interface HistorySource {
  list(): Promise<HistoryEntry[]>;
  delete(id: number): Promise<void>;
  /** Clears the classifications and the campaigns. */
  clear(): Promise<void>;
  /** The campaign runs, listed beside the classifications. */
  campaigns?: { list(): Promise<StoredCampaign[]>; delete(id: number): Promise<void> };
}

export interface HistoryPageProps {
  source: HistorySource;
  /** Saves an export (the page makes a download link; tests capture the text). */
  download: (fileName: string, mimeType: string, text: string) => void;
  /** Rows already loaded (server-side rendering in tests); the page loads them otherwise. */
  initialEntries?: HistoryEntry[];
  initialCampaigns?: StoredCampaign[];
}

type PendingDelete = { kind: 'one'; id: number; name: string } | { kind: 'campaign'; id: number; name: string } | { kind: 'all'; count: number };
/** The Kind filter: a kind of classification, or the campaigns. */
type KindChoice = HistoryKind | 'campaign';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
const button = `${control} hover:bg-slate-100 disabled:opacity-50`;

/** The history page: every result Pulso produced, searchable, filterable, exportable, deletable. */
export function HistoryPage({ source, download, initialEntries, initialCampaigns }: HistoryPageProps) {
  const t = usePageTranslate();
  const ids = useId();
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>(initialEntries);
  const [campaigns, setCampaigns] = useState<StoredCampaign[]>(initialCampaigns ?? []);
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [campaignsOnly, setCampaignsOnly] = useState(false);
  const [pending, setPending] = useState<PendingDelete>();
  const [status, setStatus] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);

  const reload = useCallback(async () => {
    const [list, runs] = await Promise.all([source.list(), source.campaigns?.list() ?? Promise.resolve([])]);
    setEntries(list);
    setCampaigns(runs);
  }, [source]);
  useEffect(() => {
    if (!initialEntries) void reload();
  }, [initialEntries, reload]);

  const shown = useMemo(() => (campaignsOnly ? [] : filterHistory(entries ?? [], filter)), [entries, filter, campaignsOnly]);
  // Campaigns have no kind of classification and no priority: those filters show classifications only.
  const campaignsShown = useMemo(() => (filter.kind || filter.priority ? [] : filterCampaignHistory(campaigns, filter)), [campaigns, filter]);

  // The confirmation takes focus (its safe choice first) and Escape cancels it, like a dialog.
  useEffect(() => {
    if (!pending) return;
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pending]);

  function ask(next: PendingDelete) {
    returnFocusRef.current = document.activeElement as HTMLElement | null;
    setPending(next);
  }
  function cancel() {
    setPending(undefined);
    returnFocusRef.current?.focus();
  }
  async function confirm() {
    if (!pending) return;
    if (pending.kind === 'one') await source.delete(pending.id);
    else if (pending.kind === 'campaign') await source.campaigns?.delete(pending.id);
    else await source.clear();
    setStatus(t(pending.kind === 'all' ? 'history.deletedAll' : 'history.deletedOne'));
    setPending(undefined);
    await reload();
    headingRef.current?.focus();
  }
  function exportAs(format: 'csv' | 'json') {
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv') download(`pulso-history-${stamp}.csv`, 'text/csv;charset=utf-8', historyToCsv(shown));
    else download(`pulso-history-${stamp}.json`, 'application/json', historyToJson(shown));
    setStatus(t('history.exported', { count: shown.length }));
  }

  const setField = <K extends keyof HistoryFilter>(key: K, value: HistoryFilter[K] | '') =>
    setFilter((current) => ({ ...current, [key]: value === '' ? undefined : value }));
  const setKind = (value: KindChoice | '') => {
    setCampaignsOnly(value === 'campaign');
    setField('kind', value === 'campaign' ? '' : value);
  };
  const filtered = Boolean(filter.text || filter.crm || filter.kind || filter.priority || campaignsOnly);
  const total = entries?.length ?? 0;

  return (
    <div className="min-h-screen bg-slate-50 font-sans text-slate-900">
      <main className="mx-auto max-w-7xl space-y-4 p-6">
        <header>
          <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
            {t('history.title')}
          </h1>
          <p className="text-sm text-slate-600">{t('history.intro')}</p>
        </header>

        <form role="search" aria-label={t('history.filters')} onSubmit={(event) => event.preventDefault()} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor={`${ids}-text`} className="text-xs font-semibold text-slate-700">
              {t('history.search')}
            </label>
            <input id={`${ids}-text`} type="search" data-testid="history-search" value={filter.text ?? ''} onChange={(event) => setField('text', event.target.value)} className={control} />
          </div>
          <FilterSelect id={`${ids}-crm`} label={t('history.filter.crm')} testId="history-filter-crm" value={filter.crm ?? ''} onChange={(value) => setField('crm', value as Crm | '')}
            options={SITES.map((site) => [site.key, site.shortLabel])} all={t('history.filter.all')} />
          <FilterSelect id={`${ids}-kind`} label={t('history.filter.kind')} testId="history-filter-kind" value={campaignsOnly ? 'campaign' : (filter.kind ?? '')} onChange={(value) => setKind(value as KindChoice | '')}
            options={[...HISTORY_KINDS.map((kind): [string, string] => [kind, t(`history.kind.${kind}`)]), ['campaign', t('history.kind.campaign')]]} all={t('history.filter.all')} />
          <FilterSelect id={`${ids}-priority`} label={t('history.filter.priority')} testId="history-filter-priority" value={filter.priority ?? ''} onChange={(value) => setField('priority', value as Priority | '')}
            options={PRIORITIES.map((priority) => [priority, priority])} all={t('history.filter.all')} />
          <button type="button" className={button} disabled={!filtered} onClick={() => { setFilter({}); setCampaignsOnly(false); }}>
            {t('history.clearFilters')}
          </button>
        </form>

        <div className="flex flex-wrap items-center gap-2">
          <p className="mr-auto text-sm text-slate-700" data-testid="history-count">
            {entries ? t('history.count', { shown: shown.length, total }) : t('history.loading')}
          </p>
          <button type="button" data-testid="history-export-csv" className={button} disabled={shown.length === 0} onClick={() => exportAs('csv')}>
            {t('history.exportCsv')}
          </button>
          <button type="button" data-testid="history-export-json" className={button} disabled={shown.length === 0} onClick={() => exportAs('json')}>
            {t('history.exportJson')}
          </button>
          <button type="button" data-testid="history-delete-all" className={`${button} text-red-700`} disabled={total + campaigns.length === 0} onClick={() => ask({ kind: 'all', count: total + campaigns.length })}>
            {t('history.deleteAll')}
          </button>
        </div>

        <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="history-status">
          {status}
        </p>

        {pending && (
          <div role="alertdialog" aria-modal="false" aria-labelledby={`${ids}-confirm`} data-testid="history-confirm" className="flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 p-3">
            <p id={`${ids}-confirm`} className="mr-auto text-sm font-semibold text-red-800">
              {pending.kind === 'all' ? t('history.confirmAll', { count: pending.count }) : t('history.confirmOne', { name: pending.name })}
            </p>
            <button ref={cancelRef} type="button" data-testid="history-confirm-cancel" className={button} onClick={cancel}>
              {t('history.confirmCancel')}
            </button>
            <button type="button" data-testid="history-confirm-yes" className="rounded-md bg-red-700 px-2 py-1 text-sm font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800" onClick={() => void confirm()}>
              {t('history.confirmYes')}
            </button>
          </div>
        )}

        {entries && total === 0 && campaigns.length === 0 && <p className="text-sm text-slate-600" data-testid="history-empty">{t('history.empty')}</p>}
        {entries && total > 0 && shown.length === 0 && !campaignsOnly && <p className="text-sm text-slate-600">{t('history.noMatch')}</p>}
        {shown.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left text-sm" data-testid="history-table">
              <caption className="sr-only">{t('history.table')}</caption>
              <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase">
                <tr>
                  {(['when', 'where', 'input', 'result', 'source', 'actions'] as const).map((column) => (
                    <th key={column} scope="col" className="px-3 py-2 font-semibold">
                      {t(`history.col.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <HistoryRow key={entry.id} entry={entry} onDelete={(name) => ask({ kind: 'one', id: entry.id, name })} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {campaigns.length > 0 && !filter.kind && !filter.priority && (
          <CampaignHistory entries={campaignsShown} total={campaigns.length} download={download} onDelete={(id, name) => ask({ kind: 'campaign', id, name })} onExported={(count) => setStatus(t('history.exported', { count }))} />
        )}
      </main>
    </div>
  );
}

function FilterSelect(props: { id: string; label: string; testId: string; value: string; all: string; options: [string, string][]; onChange: (value: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-xs font-semibold text-slate-700">
        {props.label}
      </label>
      <select id={props.id} data-testid={props.testId} value={props.value} onChange={(event) => props.onChange(event.target.value)} className={control}>
        <option value="">{props.all}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
