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

  it('reserves a quarter, at least one, never all', () => {
    expect([1, 2, 4, 16, 64].map(defaultReserve)).toEqual([0, 1, 1, 4, 16]);
  });
});
