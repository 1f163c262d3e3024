import { LeadSchema, type Lead, type LeadClassification, type ListPageRef } from '@/lib/contracts';
import { createCoalescer, watchRegion, yieldToPage, type RegionWatch } from '@/lib/content/dom-watch';
import type { SessionContext } from '@/lib/content/session-context';
import type { ListRow, ListRowReader, SiteAdapter } from '@/lib/sites/types';

export interface BatchItem {
  recordId: string;
  lead: Lead;
}
/** An answer for a row; `offline` = the rules' answer because the backend could not give one (says why). */
export type BatchAnswer = { recordId: string; result: LeadClassification; offline?: string } | { recordId: string; error: string };

/** The drawing side, so the session stays free of UI code. */
export interface BadgePainter<B> {
  /** The badge already inside this anchor, if any. */
  find(anchor: Element): B | undefined;
  create(anchor: Element): B;
  loading(badge: B, recordId: string): void;
  /** `offline`: why the backend did not answer (the result is the local rules'). */
  ready(badge: B, recordId: string, result: LeadClassification, offline?: string): void;
  failed(badge: B, recordId: string, message: string): void;
  recordIdOf(badge: B): string | undefined;
  /** Every badge on the page, to take away those whose row is no longer read. */
  all(doc: Document): B[];
  remove(badge: B): void;
}

export interface ListBadgesOptions<B> {
  ctx: SessionContext;
  adapter: SiteAdapter;
  painter: BadgePainter<B>;
  classifyBatch: (items: BatchItem[], page: ListPageRef) => Promise<BatchAnswer[]>;
  /**
   * The rows already known (the background's cache), answered without any network: asked for
   * first, all at once, so a list seen before paints at once; only the rest go to classifyBatch.
   */
  classifyCached?: (items: BatchItem[], page: ListPageRef) => Promise<BatchAnswer[]>;
  doc?: Document;
  currentUrl?: () => string;
  /**
   * Rows per request: small enough that badges fill in as answers come, large enough
   * that a 50-row page fits in the browser's 6 connections per host.
   */
  chunkSize?: number;
  /** Called after every paint with the rows on screen and what is known of them. */
  onRowsChanged?: (rows: { row: ListRow; result?: LeadClassification }[]) => void;
  /**
   * Row elements read and badged per slice: between slices the page gets its main thread back,
   * so a list of hundreds of rows never makes one long task.
   */
  sliceSize?: number;
  /** How the page gets its turn between slices (tests pass their own). */
  yieldToPage?: () => Promise<void>;
  /**
   * How long the badges wait for the cached answers before they are drawn loading. A list seen
   * before is answered within a round trip to the background: drawing then paints each badge once,
   * final, and lays the CRM's table out once instead of twice. A background still waking up gets
   * this long, then the rows show that they are loading.
   */
  cachedWaitMs?: number;
}

/** Rows an adapter reads all at once, as a reader (adapters without listRowReader). */
function wholeList(rows: readonly ListRow[]): ListRowReader {
  const byElement = new Map(rows.map((row) => [row.rowElement, row]));
  return { rows: [...byElement.keys()], read: (element) => byElement.get(element) };
}

/**
 * Keeps a priority badge on every visible row of a CRM list view. Results are
 * keyed by record id, never by row node: virtualised tables re-use a row's node for
 * another record, so every scan re-checks which record each badge stands for.
 */
export function startListBadgesSession<B>(options: ListBadgesOptions<B>) {
  const doc = options.doc ?? document;
  const currentUrl = options.currentUrl ?? (() => location.href);
  const chunkSize = options.chunkSize ?? 10;
  const sliceSize = options.sliceSize ?? 25;
  const cachedWaitMs = options.cachedWaitMs ?? 100;
  const { ctx, adapter, painter } = options;
  const nextSlice = options.yieldToPage ?? (() => yieldToPage(ctx));

  const results = new Map<string, LeadClassification>();
  const offline = new Map<string, string>();
  const failures = new Map<string, string>();
  const requested = new Set<string>();
  let queue: BatchItem[] = [];
  // The rows of the last scan and their badges, so an answer repaints its own badges only.
  let shownRows: ListRow[] = [];
  const badgeOf = new Map<string, B>();
  let scanning = false;
  let scanAgain = false;
  let url: string | undefined;
  let page: ListPageRef | undefined;
  let watch: RegionWatch | undefined;

  const stop = () => {
    watch?.disconnect();
    watch = undefined;
  };
  ctx.onInvalidated(stop);

  function paint(badge: B, recordId: string) {
    const result = results.get(recordId);
    if (result) painter.ready(badge, recordId, result, offline.get(recordId));
    else if (failures.has(recordId)) painter.failed(badge, recordId, failures.get(recordId)!);
    else painter.loading(badge, recordId);
  }

  /** One scan at a time: a request while one runs makes it start over when it ends. */
  async function scan() {
    if (scanning) {
      scanAgain = true;
      return;
    }
    scanning = true;
    try {
      do {
        scanAgain = false;
        await scanRows();
      } while (scanAgain && !ctx.isInvalid);
    } finally {
      scanning = false;
    }
  }

  /**
   * Reads the rows a slice at a time, asks for every record read in one request, then draws the
   * badges a slice at a time: the page gets its turn between slices, so neither the reading nor
   * the painting of a long list is one long task. Every badge is drawn after every row is read:
   * reading asks for layout (is it shown?), and a badge drawn before the next slice's read would
   * make the page lay the whole table out again for it. One request, not one per slice: the
   * background looks the known rows up in one read of its cache. A route change in between ends it.
   */
  async function scanRows() {
    const scanned = url;
    if (!scanned || ctx.isInvalid || !adapter.readListRows) return;
    // The SPA may have swapped the table since the last scan: observe the one shown now.
    watch?.retarget();
    let reader: ListRowReader;
    try {
      reader = adapter.listRowReader?.(doc, scanned) ?? wholeList(adapter.readListRows(doc, scanned));
    } catch {
      return;
    }
    const rows: ListRow[] = [];
    for (let start = 0; start < reader.rows.length; start += sliceSize) {
      if (start > 0) {
        await nextSlice();
        if (url !== scanned || ctx.isInvalid) return;
      }
      for (const element of reader.rows.slice(start, start + sliceSize)) {
        try {
          const row = reader.read(element);
          if (!row) continue;
          rows.push(row);
          requestRow(row);
        } catch {
          // a row the page changed under us; the next scan reads it again
        }
      }
    }
    const known = flush();
    if (known) {
      await Promise.race([known, new Promise<void>((resolve) => ctx.setTimeout(resolve, cachedWaitMs))]);
      if (url !== scanned || ctx.isInvalid) return;
    }
    const current = new Set<B>();
    badgeOf.clear();
    for (let start = 0; start < rows.length; start += sliceSize) {
      if (start > 0) {
        await nextSlice();
        if (url !== scanned || ctx.isInvalid) return;
      }
      for (const row of rows.slice(start, start + sliceSize)) badgeRow(row, current);
    }
    // A row the adapter no longer reads (re-used for a record shown elsewhere, turned into a
    // placeholder…) must not keep a badge that now speaks of another record.
    for (const badge of painter.all(doc)) if (!current.has(badge)) painter.remove(badge);
    shownRows = rows;
    notifyRows();
  }

  /** Queues the row's record for an answer, once per record (a row without enough data fails at once). */
  function requestRow(row: ListRow) {
    if (requested.has(row.recordId)) return;
    requested.add(row.recordId);
    const lead = LeadSchema.safeParse(row.fields);
    if (lead.success) queue.push({ recordId: row.recordId, lead: lead.data });
    else failures.set(row.recordId, 'not enough data on the row');
  }

  function badgeRow(row: ListRow, current: Set<B>) {
    const found = painter.find(row.badgeAnchor);
    const badge = found ?? painter.create(row.badgeAnchor);
    current.add(badge);
    badgeOf.set(row.recordId, badge);
    // A badge found in the row is repainted only when it speaks of another record or is behind what is known.
    if (!found || painter.recordIdOf(badge) !== row.recordId || results.has(row.recordId) || failures.has(row.recordId)) paint(badge, row.recordId);
  }

  const notifyRows = () => options.onRowsChanged?.(shownRows.map((row) => ({ row, result: results.get(row.recordId) })));
  const scheduleNotify = createCoalescer(ctx, notifyRows);

  /** An answer repaints the badges of its own records (no re-read of the list), then tells the toolbar once. */
  function paintAnswered(recordIds: readonly string[]) {
    for (const recordId of recordIds) {
      const badge = badgeOf.get(recordId);
      if (badge !== undefined && painter.recordIdOf(badge) === recordId) paint(badge, recordId);
    }
    scheduleNotify(0);
  }

  // Answers are stored whatever the route by then: a record's result is valid in any view.
  function store(answers: BatchAnswer[]) {
    for (const answer of answers) {
      if ('result' in answer) {
        results.set(answer.recordId, answer.result);
        if (answer.offline === undefined) offline.delete(answer.recordId);
        else offline.set(answer.recordId, answer.offline);
      } else failures.set(answer.recordId, answer.error);
    }
    paintAnswered(answers.map((answer) => answer.recordId));
  }

  /** Sends the queued rows; when the cache is asked first, resolves once its answers are stored. */
  function flush(): Promise<void> | undefined {
    if (queue.length === 0) return undefined;
    const pending = queue;
    queue = [];
    const forPage = page!;
    if (!options.classifyCached) {
      ask(pending, forPage);
      return undefined;
    }
    return options
      .classifyCached(pending, forPage)
      .catch(() => [] as BatchAnswer[])
      .then((known) => {
        if (ctx.isInvalid) return;
        store(known);
        const answered = new Set(known.map((answer) => answer.recordId));
        ask(pending.filter((item) => !answered.has(item.recordId)), forPage);
      });
  }

  function ask(pending: BatchItem[], forPage: ListPageRef) {
    for (let i = 0; i < pending.length; i += chunkSize) {
      const chunk = pending.slice(i, i + chunkSize);
      options
        .classifyBatch(chunk, forPage)
        .then((answers) => {
          if (ctx.isInvalid) return;
          store(answers);
        })
        .catch((err: Error) => {
          if (ctx.isInvalid) return;
          for (const item of chunk) failures.set(item.recordId, err.message);
          paintAnswered(chunk.map((item) => item.recordId));
        });
    }
  }

  const scheduleScan = createCoalescer(ctx, () => void scan());

  function onRoute(nextUrl?: string) {
    if (ctx.isInvalid) return;
    const next = nextUrl ?? currentUrl();
    if (next === url) return;
    stop();
    const kind = adapter.pageKind(next);
    if (!kind || kind.kind !== 'list' || !adapter.readListRows) {
      url = undefined;
      page = undefined;
      return;
    }
    url = next;
    page = { crm: adapter.crm, url: next, recordType: kind.recordType };
    // Only the list's table (and what could swap it) is observed; our own badges and toolbar are
    // skipped, so badging never feeds itself.
    watch = watchRegion(
      doc,
      () => adapter.readScope?.(doc, next),
      { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'data-row-key-value', 'data-recordid', 'hidden', 'style', 'aria-hidden'] },
      () => scheduleScan(16),
    );
    void scan();
  }

  return { onRoute, stop, results };
}
