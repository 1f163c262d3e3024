import { describe, expect, it } from 'vitest';
import { Admission, QueueFullError, defaultReserve } from './admission';

describe('Admission', () => {
  it('runs up to the cap, queues up to the bound in FIFO order, refuses beyond it synchronously', async () => {
    const a = new Admission({ maxConcurrency: 2, maxQueue: 1 });
    const r1 = await a.acquire();
    const r2 = await a.acquire();
    const order: string[] = [];
    const queued = a.acquire().then((release) => {
      order.push('third');
      return release;
    });
    expect(a.stats).toMatchObject({ inFlight: 2, queued: 1 });
    expect(a.full()).toBe(true);
    expect(() => a.acquire()).toThrow(QueueFullError);
    expect(a.stats.rejected).toBe(1);
    r1();
    r1(); // releasing twice frees one slot only
    const r3 = await queued;
    expect(order).toEqual(['third']);
    expect(a.stats).toMatchObject({ inFlight: 2, queued: 0, admitted: 3 });
    r2();
    r3();
    expect(a.stats.inFlight).toBe(0);
  });

  it('Retry-After is at least 1 s and grows with the queue', () => {
    const a = new Admission({ maxConcurrency: 1, maxQueue: 10 });
    expect(a.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    void a.acquire();
    for (let i = 0; i < 10; i++) void a.acquire();
    expect(a.retryAfterSeconds()).toBeGreaterThanOrEqual(10); // 11 rounds of ~1 s (the initial estimate)
    try {
      a.acquire();
    } catch (err) {
      expect((err as QueueFullError).retryAfterSeconds).toBe(a.retryAfterSeconds());
    }
  });
});

describe('lanes (issue 9, D5)', () => {
  it('batch rows may not take the reserved slots and queue places; single requests may', async () => {
    const a = new Admission({ maxConcurrency: 4, maxQueue: 4, reserved: { slots: 1, queue: 1 } });
    for (let i = 0; i < 3; i++) await a.acquire('batch');
    const waiting = Array.from({ length: 3 }, () => a.acquire('batch'));
    expect(a.full('batch')).toBe(true);
    expect(() => a.acquire('batch')).toThrow(QueueFullError);
    expect(a.full('interactive')).toBe(false);
    await a.acquire('interactive'); // the reserved slot
    const queued = a.acquire('interactive'); // the reserved queue place
    expect(a.stats.byLane).toMatchObject({ batch: { inFlight: 3, queued: 3, rejected: 1 }, interactive: { inFlight: 1, queued: 1 } });
    expect(waiting).toHaveLength(3);
    void queued;
  });

  it('a freed slot goes to a waiting single request before the batch rows queued earlier', async () => {
    const a = new Admission({ maxConcurrency: 2, maxQueue: 4, reserved: { slots: 0, queue: 1 } });
    const first = await a.acquire('batch');
    await a.acquire('batch');
    const order: string[] = [];
    const row = a.acquire('batch').then((r) => (order.push('row'), r));
    const rep = a.acquire('interactive').then((r) => (order.push('rep'), r));
    first();
    (await rep)();
    await row;
    expect(order).toEqual(['rep', 'row']);
  });

  it('a waiter whose signal aborts leaves the queue and never takes a slot', async () => {
    const a = new Admission({ maxConcurrency: 1, maxQueue: 2 });
    const holder = await a.acquire();
    const gone = new AbortController();
    const left = a.acquire('interactive', gone.signal);
    const stays = a.acquire('interactive');
    gone.abort(new Error('client went away'));
    await expect(left).rejects.toThrow('client went away');
    expect(a.stats).toMatchObject({ queued: 1, inFlight: 1 });
    holder();
    (await stays)();
    expect(a.stats).toMatchObject({ queued: 0, inFlight: 0, admitted: 2 });
  });

  it('lends the reserve to preemptible batch rows only, while no single request waits', async () => {
    const limits = { maxConcurrency: 3, maxQueue: 4, reserved: { slots: 1, queue: 1 } };
    const plain = new Admission(limits);
    await plain.acquire('batch');
    await plain.acquire('batch');
    void plain.acquire('batch'); // no onPreempt: it waits although the reserved slot is free
    expect(plain.stats.byLane.batch).toMatchObject({ inFlight: 2, queued: 1 });

    const lending = new Admission(limits);
    for (let i = 0; i < 3; i++) await lending.acquire('batch', { onPreempt: () => {} });
    expect(lending.stats.byLane.batch).toMatchObject({ inFlight: 3, queued: 0 });

    // A single request waiting: no more lending, the freed slot is the rep's.
    const busy = new Admission({ ...limits, reserved: { slots: 0, queue: 1 } });
    const held = [await busy.acquire('batch', { onPreempt: () => {} }), await busy.acquire('batch', { onPreempt: () => {} }), await busy.acquire('batch', { onPreempt: () => {} })];
    const rep = busy.acquire('interactive');
    const row = busy.acquire('batch', { onPreempt: () => {} });
    held[0]!();
    await rep;
    expect(busy.stats.byLane).toMatchObject({ interactive: { inFlight: 1 }, batch: { inFlight: 2, queued: 1 } });
    void row;
  });

  it('a single request finding every slot taken takes the newest lent slot back at once; its row asks again first in the queue', async () => {
    const a = new Admission({ maxConcurrency: 2, maxQueue: 2, reserved: { slots: 1, queue: 1 } });
    const told: string[] = [];
    await a.acquire('batch', { onPreempt: () => told.push('first') });
    const secondRelease = await a.acquire('batch', { onPreempt: () => told.push('second') }); // on the lent slot
    const queuedRow = a.acquire('batch', { onPreempt: () => {} }).then((r) => (told.push('queued row ran'), r));
    expect(a.full('batch', true)).toBe(true);

    const rep = await a.acquire('interactive'); // at once, no wait
    expect(told).toEqual(['second']);
    expect(a.stats).toMatchObject({ inFlight: 2, preempted: 1 });
    secondRelease(); // the preempted holder's own release frees nothing more
    expect(a.stats.inFlight).toBe(2);

    // The preempted row asks again: ahead of the row queued earlier, past the queue bound.
    const resumed = a.acquire('batch', { onPreempt: () => {}, resume: true }).then((r) => (told.push('resumed ran'), r));
    expect(a.stats.byLane.batch.queued).toBe(2);
    rep();
    await resumed;
    expect(told).toEqual(['second', 'resumed ran']);
    void queuedRow;
  });

  it('waitForPlace resolves when the lane has a place again, and leaves on abort', async () => {
    const a = new Admission({ maxConcurrency: 1, maxQueue: 1, reserved: { slots: 0, queue: 0 } });
    const holder = await a.acquire('batch');
    const queued = a.acquire('batch');
    expect(a.full('batch')).toBe(true);
    let placed = false;
    const place = a.waitForPlace('batch').then(() => (placed = true));
    const gone = new AbortController();
    const left = a.waitForPlace('batch', gone.signal);
    gone.abort(new Error('client went away'));
    await expect(left).rejects.toThrow('client went away');
    expect(placed).toBe(false);
    holder(); // the queued row runs: a queue place is free
    await place;
    expect(a.full('batch')).toBe(false);
    (await queued)();
  });

  it('reserves a quarter, at least one, never all', () => {
    expect([1, 2, 4, 16, 64].map(defaultReserve)).toEqual([0, 1, 1, 4, 16]);
  });
});
