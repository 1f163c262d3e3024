import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { LeadClassification } from '@/lib/contracts';
import type { SessionContext } from '@/lib/content/session-context';
import type { ListRow, SiteAdapter } from '@/lib/sites/types';
import { startListBadgesSession, type BadgePainter, type BatchAnswer, type BatchItem } from './session';

/** A toy virtualised list: each row is a <div class=row> with a link to its record. */
const adapter: SiteAdapter = {
  crm: 'hubspot',
  matches: () => true,
  pageKind: (url) => (url.endsWith('/list') ? { kind: 'list', recordType: 'contact', recordId: '' } : undefined),
  scrape: () => {
    throw new Error('not used');
  },
  readScope: (doc) => doc.getElementById('list') ?? undefined,
  readListRows(doc): ListRow[] {
    return Array.from(doc.querySelectorAll('.row')).filter((row) => row.querySelector('a')).map((row) => {
      const link = row.querySelector('a')!;
      return {
        recordId: link.getAttribute('href')!.split('/').pop()!,
        recordType: 'contact',
        fields: { fullName: link.textContent! },
        rowElement: row,
        badgeAnchor: row.querySelector('.name')!,
      };
    });
  },
};

/** Paints into a plain <i> so the test can read what each row shows. */
const painter: BadgePainter<HTMLElement> = {
  find: (anchor) => (anchor.querySelector('pulso-badge') as HTMLElement | null) ?? undefined,
  create(anchor) {
    const badge = anchor.ownerDocument.createElement('pulso-badge');
    anchor.append(badge);
    return badge;
  },
  loading: (badge, id) => Object.assign(badge.dataset, { recordId: id, text: '…' }),
  ready: (badge, id, result, offline) => Object.assign(badge.dataset, { recordId: id, text: offline === undefined ? result.priority : `${result.priority} offline: ${offline}` }),
  failed: (badge, id) => Object.assign(badge.dataset, { recordId: id, text: '!' }),
  recordIdOf: (badge) => badge.dataset.recordId,
  all: (doc) => Array.from(doc.querySelectorAll('pulso-badge')) as HTMLElement[],
  remove: (badge) => badge.remove(),
};

const priorityOf = (id: string) => (['P1', 'P2', 'P3', 'P4'] as const)[Number(id) % 4]!;
const resultFor = (id: string): LeadClassification => ({
  stage: 'MQL', priority: priorityOf(id), slaHours: 4,
  scores: { fit: 1, urgency: 1, opportunity: 1, dataQuality: 1 },
  contact: { seniority: 'UNKNOWN', roleType: 'UNKNOWN', decisionPower: 'LOW', emailType: 'MISSING' },
  summary: id, detectedNeeds: [], matchedServices: [], nextSteps: [], recommendedOwner: '', rationale: '', source: 'rules', flags: [],
});

function setup(ids: string[], extra: Partial<Parameters<typeof startListBadgesSession<HTMLElement>>[0]> = {}) {
  const { document } = parseHTML(`<html><body><aside id="feed"></aside><div id="list">${ids
    .map((id) => `<div class="row"><span class="name"><a href="/record/${id}">Person ${id}</a></span></div>`)
    .join('')}</div></body></html>`);
  const ctx: SessionContext = { isInvalid: false, onInvalidated: () => () => {}, setTimeout: (h, t) => setTimeout(h, t) as unknown as number };
  const batches: BatchItem[][] = [];
  const release: (() => void)[] = [];
  const classifyBatch = (items: BatchItem[]) => {
    batches.push(items);
    return new Promise<BatchAnswer[]>((ok) => release.push(() => ok(items.map((i) => ({ recordId: i.recordId, result: resultFor(i.recordId) })))));
  };
  const session = startListBadgesSession({ ctx, adapter, painter, classifyBatch, chunkSize: 5, doc: document as unknown as Document, currentUrl: () => 'https://crm.test/list', ...extra });
  const shown = () => Array.from(document.querySelectorAll('.row')).map((row) => ({
    id: row.querySelector('a')!.getAttribute('href')!.split('/').pop(),
    badge: (row.querySelector('pulso-badge') as HTMLElement | null)?.dataset,
  }));
  return { document, session, batches, release, shown };
}
// The session's timers (settle delays, debounces) run on a fake clock: `tick` moves it on and
// lets every callback and promise due by then run. No real time passes, so a loaded machine
// cannot make a state arrive late.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});
const tick = (ms = 40) => vi.advanceTimersByTimeAsync(ms);

/** How many times the session has read the list's rows since this call (a spy on the adapter). */
function countListReads(): () => number {
  const spy = vi.spyOn(adapter, 'readListRows');
  onTestFinished(() => spy.mockRestore());
  return () => spy.mock.calls.length;
}

describe('list badges session', () => {
  it('puts a loading badge on every row at once, then fills them chunk by chunk', async () => {
    const t = setup(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    t.session.onRoute();
    expect(t.shown().every((r) => r.badge?.text === '…')).toBe(true);
    expect(t.batches.map((b) => b.length)).toEqual([5, 5, 2]);
    t.release[0]!();
    await tick();
    const afterFirst = t.shown();
    expect(afterFirst.slice(0, 5).map((r) => r.badge?.text)).toEqual(['P2', 'P3', 'P4', 'P1', 'P2']);
    expect(afterFirst.slice(5).every((r) => r.badge?.text === '…')).toBe(true);
    t.release.forEach((r) => r());
    await tick();
    expect(t.shown().every((r) => r.badge?.text === priorityOf(r.id!) && r.badge?.recordId === r.id)).toBe(true);
  });

  it('never leaves a badge on a row node that now shows another record', async () => {
    const t = setup(['1', '2', '3']);
    t.session.onRoute();
    t.release.forEach((r) => r());
    await tick();
    // The virtualised table scrolls: row nodes are re-used for records 7, 8, 9.
    t.document.querySelectorAll('.row a').forEach((a, i) => {
      a.setAttribute('href', `/record/${7 + i}`);
      a.textContent = `Person ${7 + i}`;
    });
    await tick();
    expect(t.shown().map((r) => [r.id, r.badge?.recordId, r.badge?.text])).toEqual([
      ['7', '7', '…'], ['8', '8', '…'], ['9', '9', '…'],
    ]);
    t.release.forEach((r) => r());
    await tick();
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P4', 'P1', 'P2']);
    expect(t.document.querySelectorAll('pulso-badge')).toHaveLength(3);
  });

  it('asks once per record, however often the rows re-render', async () => {
    const t = setup(['1', '2']);
    t.session.onRoute();
    t.document.getElementById('list')!.append(t.document.createElement('hr'));
    await tick();
    t.release.forEach((r) => r());
    await tick();
    expect(t.batches.flat().map((i) => i.recordId)).toEqual(['1', '2']);
  });

  it('does nothing off list pages', () => {
    const t = setup(['1']);
    t.session.onRoute('https://crm.test/record/1');
    expect(t.batches).toHaveLength(0);
    expect(t.document.querySelectorAll('pulso-badge')).toHaveLength(0);
  });

  it('takes the badge away from a row that is no longer a record', async () => {
    const t = setup(['1', '2']);
    t.session.onRoute();
    t.release.forEach((r) => r());
    await tick();
    // The second row becomes a loading placeholder: its link goes, its node stays.
    t.document.querySelectorAll('.row a')[1]!.remove();
    await tick();
    const badges = Array.from(t.document.querySelectorAll('.row'), (row) => (row.querySelector('pulso-badge') as HTMLElement | null)?.dataset.recordId);
    expect(badges).toEqual(['1', undefined]);
  });

  it('reads a 500-row list a slice at a time, then badges it a slice at a time, giving the page its turn between slices', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => String(i + 1));
    // The page's turn is held until the test lets it go: what is painted before each yield is one slice.
    const turns: (() => void)[] = [];
    const badgesAtYield: number[] = [];
    const t = setup(ids, {
      sliceSize: 25,
      yieldToPage: () => {
        badgesAtYield.push(t.document.querySelectorAll('pulso-badge').length);
        return new Promise<void>((resolve) => turns.push(resolve));
      },
    });
    t.session.onRoute();
    // Nothing is drawn or asked for while rows are read: the records go in one request once all are read.
    expect(t.document.querySelectorAll('pulso-badge')).toHaveLength(0);
    expect(t.batches).toHaveLength(0);
    while (turns.length > 0) {
      turns.shift()!();
      await tick(0);
    }
    // 19 turns while the rows are read (nothing drawn yet), then one between each slice of badges.
    expect(badgesAtYield).toEqual([...Array.from({ length: 19 }, () => 0), ...Array.from({ length: 19 }, (_, i) => 25 * (i + 1))]);
    expect(t.document.querySelectorAll('pulso-badge')).toHaveLength(500);
    expect(t.batches.flat().map((item) => item.recordId)).toEqual(ids);
  });

  it('with a row reader, reads a long list a slice at a time: a slice\'s rows are read only when its turn comes', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i + 1));
    let reads = 0;
    let wholeReads = 0;
    const sliced: SiteAdapter = {
      ...adapter,
      readListRows(doc) {
        wholeReads++;
        return adapter.readListRows!(doc, '');
      },
      listRowReader(doc) {
        const all = adapter.readListRows!(doc, '');
        return {
          rows: Array.from(doc.querySelectorAll('#list > *')),
          read(element) {
            reads++;
            if (element.textContent === 'broken') throw new Error('the page changed this row mid-read');
            return all.find((row) => row.rowElement === element);
          },
        };
      },
    };
    const turns: (() => void)[] = [];
    const readsAtYield: number[] = [];
    const t = setup(ids, {
      adapter: sliced,
      sliceSize: 25,
      yieldToPage: () => {
        readsAtYield.push(reads);
        return new Promise<void>((resolve) => turns.push(resolve));
      },
    });
    // A row that throws while it is read is skipped; the others are badged.
    const broken = t.document.createElement('div');
    broken.textContent = 'broken';
    t.document.getElementById('list')!.append(broken);
    t.session.onRoute();
    expect(reads).toBe(25);
    expect(t.batches).toHaveLength(0);
    while (turns.length > 0) {
      turns.shift()!();
      await tick(0);
    }
    // Five slices of row elements (the broken one is the 101st), then four slices of badges with no more reading.
    expect(readsAtYield).toEqual([25, 50, 75, 100, 101, 101, 101]);
    expect(reads).toBe(101);
    expect(wholeReads).toBe(0);
    expect(t.document.querySelectorAll('pulso-badge')).toHaveLength(100);
    expect(t.batches.flat().map((item) => item.recordId)).toEqual(ids);
  });

  it('reads every row before drawing any badge (a draw between two reads would lay the page out again)', async () => {
    const events: string[] = [];
    const sliced: SiteAdapter = {
      ...adapter,
      listRowReader(doc) {
        const all = adapter.readListRows!(doc, '');
        return {
          rows: all.map((row) => row.rowElement),
          read: (element) => (events.push('read'), all.find((row) => row.rowElement === element)),
        };
      },
    };
    const drawing: BadgePainter<HTMLElement> = { ...painter, create: (anchor) => (events.push('draw'), painter.create(anchor)) };
    const turns: (() => void)[] = [];
    const t = setup(['1', '2', '3', '4', '5', '6'], { adapter: sliced, painter: drawing, sliceSize: 3, yieldToPage: () => new Promise<void>((resolve) => turns.push(() => (events.push('turn'), resolve()))) });
    t.session.onRoute();
    while (turns.length > 0) {
      turns.shift()!();
      await tick(0);
    }
    expect(events).toEqual(['read', 'read', 'read', 'turn', 'read', 'read', 'read', 'draw', 'draw', 'draw', 'turn', 'draw', 'draw', 'draw']);
  });

  it('stops badging a long list when the tab leaves it between two slices', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i + 1));
    const turns: (() => void)[] = [];
    const t = setup(ids, { sliceSize: 25, yieldToPage: () => new Promise<void>((resolve) => turns.push(resolve)) });
    t.session.onRoute();
    t.session.onRoute('https://crm.test/record/1');
    turns.shift()!();
    await tick(0);
    // Only the first slice was read before the tab left: nothing is asked for or drawn for a list no longer shown.
    expect(t.document.querySelectorAll('pulso-badge')).toHaveLength(0);
    expect(t.batches).toHaveLength(0);
    expect(turns).toHaveLength(0);
  });

  it('an answer repaints only its own badges: the list is not read again', async () => {
    const t = setup(['1', '2', '3']);
    const reads = countListReads();
    t.session.onRoute();
    t.release.forEach((r) => r());
    await tick();
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P2', 'P3', 'P4']);
    expect(reads()).toBe(1);
  });

  it('ignores its own badges and hosts: only a change of the page makes it read the list again', async () => {
    const t = setup(['1', '2']);
    const reads = countListReads();
    t.session.onRoute();
    await tick();
    t.document.body.append(t.document.createElement('pulso-list-toolbar'));
    await tick();
    expect(reads()).toBe(1);
    t.document.getElementById('list')!.append(t.document.createElement('hr'));
    await tick();
    expect(reads()).toBe(2);
  });

  it('the page churning outside the list table costs no re-read; a row added to it is badged', async () => {
    const t = setup(['1', '2']);
    const reads = countListReads();
    t.session.onRoute();
    await tick();
    const feed = t.document.getElementById('feed')!;
    for (let frame = 0; frame < 300; frame++) {
      for (let i = 0; i < 40; i++) feed.append(t.document.createElement('div'));
      while (feed.childElementCount > 200) feed.firstElementChild!.remove();
      await tick(16);
    }
    expect(reads()).toBe(1);
    t.document.getElementById('list')!.insertAdjacentHTML('beforeend', '<div class="row"><span class="name"><a href="/record/3">Person 3</a></span></div>');
    await tick();
    expect(reads()).toBe(2);
    expect(t.shown().map((row) => [row.id, row.badge?.recordId])).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
  });

  it('paints the rows the cache knows before any batch is asked, and asks only for the others', async () => {
    const cachedAsked: string[][] = [];
    const t = setup(['1', '2', '3', '4'], {
      classifyCached: async (items) => {
        cachedAsked.push(items.map((i) => i.recordId));
        return items.filter((i) => i.recordId !== '3').map((i) => ({ recordId: i.recordId, result: resultFor(i.recordId) }));
      },
    });
    t.session.onRoute();
    await tick();
    expect(cachedAsked).toEqual([['1', '2', '3', '4']]);
    // Known rows are painted while the one batch for the unknown row is still unanswered.
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P2', 'P3', '…', 'P1']);
    expect(t.batches.map((b) => b.map((i) => i.recordId))).toEqual([['3']]);
    t.release.forEach((r) => r());
    await tick();
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P2', 'P3', 'P4', 'P1']);
  });

  it('asks the cache once for every row of a list read in several slices', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(i + 1));
    const cachedAsked: string[][] = [];
    const t = setup(ids, {
      sliceSize: 25,
      yieldToPage: () => Promise.resolve(),
      classifyCached: async (items) => {
        cachedAsked.push(items.map((i) => i.recordId));
        return items.map((i) => ({ recordId: i.recordId, result: resultFor(i.recordId) }));
      },
    });
    t.session.onRoute();
    await tick();
    expect(cachedAsked).toEqual([ids]);
    expect(t.batches).toHaveLength(0);
    expect(t.shown().every((row) => row.badge?.recordId === row.id && row.badge?.text !== '…')).toBe(true);
  });

  it('a list the cache knows gets its final badges in one drawing: no loading badge is drawn first', async () => {
    const t = setup(['1', '2', '3'], {
      classifyCached: async (items) => items.map((i) => ({ recordId: i.recordId, result: resultFor(i.recordId) })),
    });
    const loading = vi.spyOn(painter, 'loading');
    onTestFinished(() => loading.mockRestore());
    t.session.onRoute();
    await tick();
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P2', 'P3', 'P4']);
    expect(loading).not.toHaveBeenCalled();
  });

  it('a cache that does not answer in time leaves the rows loading until it does, and its answers still paint', async () => {
    let answerCache!: () => void;
    const t = setup(['1', '2'], {
      cachedWaitMs: 100,
      classifyCached: (items) =>
        new Promise<BatchAnswer[]>((ok) => {
          answerCache = () => ok(items.map((i) => ({ recordId: i.recordId, result: resultFor(i.recordId) })));
        }),
    });
    t.session.onRoute();
    await tick(99);
    expect(t.shown().map((r) => r.badge)).toEqual([undefined, undefined]);
    await tick(1);
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['…', '…']);
    answerCache();
    await tick();
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P2', 'P3']);
    expect(t.batches).toHaveLength(0);
  });

  it('a rules answer given because the backend could not answer is painted as such, with why', async () => {
    const t = setup(['1'], { classifyBatch: async (items) => items.map((i) => ({ recordId: i.recordId, result: resultFor(i.recordId), offline: 'queue full' })) });
    t.session.onRoute();
    await tick();
    expect(t.shown().map((r) => r.badge?.text)).toEqual(['P2 offline: queue full']);
  });
});
