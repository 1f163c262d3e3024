import { describe, expect, it } from 'vitest';
import { Admission, QueueFullError } from './admission';
import { TtlLru } from './result-cache';

describe('Admission', () => {
  it('runs up to the cap, queues up to the bound in FIFO order, refuses beyond it synchronously', async () => {
    const a = new Admission(2, 1);
    const r1 = await a.acquire();
    const r2 = await a.acquire();
    const order: string[] = [];
    const queued = a.acquire().then((release) => {
      order.push('third');
      return release;
    });
    expect(a.stats).toMatchObject({ inFlight: 2, queued: 1 });
    expect(a.full).toBe(true);
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
    const a = new Admission(1, 10);
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

describe('TtlLru', () => {
  it('expires entries after the TTL and evicts the least recently used beyond the bound', () => {
    let now = 0;
    const c = new TtlLru<number>(100, 2, () => now);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    now = 100;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(1);
  });

  it('a TTL of 0 disables it', () => {
    const c = new TtlLru<number>(0, 10);
    c.set('a', 1);
    expect(c.get('a')).toBeUndefined();
  });
});
