import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DraftFeedback, FeedbackEvent } from '../contracts';
import { createBackendClient } from './backend-client';
import { PulsoDb } from './db';
import { FEEDBACK_BATCH, FeedbackOutbox, MAX_QUEUED_FEEDBACK } from './feedback-outbox';

const draft = (i: number, over: Partial<DraftFeedback> = {}): DraftFeedback => ({
  kind: 'draft',
  eventId: `evt-${String(i).padStart(8, '0')}`,
  strategy: 'technical',
  intent: 'complaint',
  segment: 'retain',
  outcome: 'inserted',
  ...over,
});

/**
 * A backend that stores events by eventId as POST /v1/feedback does (a repeated id is a
 * duplicate), and can be switched off (the fetch fails, as when the network is down) or made to
 * lose its answers after storing (the client sees an error, the events are stored).
 */
function fakeBackend() {
  const stored = new Map<string, FeedbackEvent>();
  const state = { online: true, loseAnswers: false, requests: 0, refuse: new Set<string>() };
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    state.requests += 1;
    if (!state.online) throw new TypeError('Failed to fetch');
    const { events } = JSON.parse(String(init.body)) as { events: FeedbackEvent[] };
    const bad = events.findIndex((e) => state.refuse.has(e.eventId));
    if (bad >= 0) return new Response(JSON.stringify({ error: 'bad_request', message: `events.${bad}.strategy: invalid` }), { status: 400 });
    let accepted = 0;
    let duplicates = 0;
    for (const event of events) {
      if (stored.has(event.eventId)) duplicates += 1;
      else {
        stored.set(event.eventId, event);
        accepted += 1;
      }
    }
    if (state.loseAnswers) throw new TypeError('network changed');
    return new Response(JSON.stringify({ accepted, duplicates }), { status: 202 });
  }) as typeof fetch;
  const backend = async () => createBackendClient({ baseUrl: 'http://127.0.0.1:8787', fetch: fetchImpl });
  return { stored, state, backend };
}

const newOutbox = (backend: ReturnType<typeof fakeBackend>['backend'], options: { mask?: boolean; db?: PulsoDb } = {}) => {
  const db = options.db ?? new PulsoDb(`outbox-${Math.random()}`);
  return { db, outbox: new FeedbackOutbox(db, { backend, maskContacts: async () => options.mask ?? false }) };
};

describe('FeedbackOutbox', () => {
  it('delivers queued events and forgets them once the backend has them', async () => {
    const server = fakeBackend();
    const { outbox } = newOutbox(server.backend);
    expect(await outbox.enqueue([draft(1), draft(2)])).toBe(2);
    expect(await outbox.flush()).toEqual({ delivered: 2, duplicates: 0, rejected: 0, pending: 0 });
    expect([...server.stored.keys()]).toEqual(['evt-00000001', 'evt-00000002']);
  });

  it('offline: keeps everything, then delivers each event exactly once after reconnecting', async () => {
    const server = fakeBackend();
    const { outbox, db } = newOutbox(server.backend);
    server.state.online = false;
    await outbox.enqueue([draft(1), draft(2)]);
    const offline = await outbox.flush();
    expect(offline).toMatchObject({ delivered: 0, pending: 2, error: expect.stringMatching(/unreachable/) });
    await outbox.enqueue([draft(3), draft(1)]); // the agent's panel re-sent one: still one row
    expect(await outbox.pending()).toBe(3);
    expect((await db.feedbackOutbox.get('evt-00000001'))?.attempts).toBe(1);

    // A service worker restart: a new outbox on the same database still has them.
    const restarted = new FeedbackOutbox(new PulsoDb(db.name), { backend: server.backend, maskContacts: async () => false });
    server.state.online = true;
    expect(await restarted.flush()).toEqual({ delivered: 3, duplicates: 0, rejected: 0, pending: 0 });
    expect(await restarted.flush()).toEqual({ delivered: 0, duplicates: 0, rejected: 0, pending: 0 });
    expect(server.stored.size).toBe(3);
  });

  it('an answer lost after the backend stored the events: the retry counts as duplicates, nothing twice', async () => {
    const server = fakeBackend();
    const { outbox } = newOutbox(server.backend);
    await outbox.enqueue([draft(1), draft(2)]);
    server.state.loseAnswers = true;
    expect(await outbox.flush()).toMatchObject({ delivered: 0, pending: 2 });
    server.state.loseAnswers = false;
    expect(await outbox.flush()).toEqual({ delivered: 0, duplicates: 2, rejected: 0, pending: 0 });
    expect(server.stored.size).toBe(2);
  });

  it('an event the backend refuses (400) is dropped alone; the rest are delivered', async () => {
    const server = fakeBackend();
    const { outbox } = newOutbox(server.backend);
    server.state.refuse.add('evt-00000002');
    await outbox.enqueue([draft(1), draft(2), draft(3)]);
    expect(await outbox.flush()).toEqual({ delivered: 2, duplicates: 0, rejected: 1, pending: 0 });
    expect([...server.stored.keys()].sort()).toEqual(['evt-00000001', 'evt-00000003']);
  });

  it('sends big queues in batches, oldest first', async () => {
    const server = fakeBackend();
    const { outbox } = newOutbox(server.backend);
    const events = Array.from({ length: FEEDBACK_BATCH * 2 + 7 }, (_, i) => draft(i));
    await outbox.enqueue(events);
    expect((await outbox.flush()).delivered).toBe(events.length);
    expect(server.state.requests).toBe(3);
    expect([...server.stored.keys()]).toEqual(events.map((e) => e.eventId));
  });

  it('keeps at most MAX_QUEUED_FEEDBACK events while offline, dropping the oldest', async () => {
    const server = fakeBackend();
    const { outbox, db } = newOutbox(server.backend);
    await outbox.enqueue(Array.from({ length: MAX_QUEUED_FEEDBACK }, (_, i) => draft(i)));
    await outbox.enqueue([draft(MAX_QUEUED_FEEDBACK), draft(MAX_QUEUED_FEEDBACK + 1)]);
    expect(await outbox.pending()).toBe(MAX_QUEUED_FEEDBACK);
    expect(await db.feedbackOutbox.get('evt-00000000')).toBeUndefined();
    expect(await db.feedbackOutbox.get(`evt-${String(MAX_QUEUED_FEEDBACK + 1).padStart(8, '0')}`)).toBeDefined();
  }, 60_000);

  it('with masking on, emails and phones in a reason never leave the browser', async () => {
    const server = fakeBackend();
    const { outbox } = newOutbox(server.backend, { mask: true });
    await outbox.enqueue([draft(1, { rating: -1, reason: 'wrong name, write to ana@example.com or +34 600 123 456' })]);
    await outbox.flush();
    const reason = (server.stored.get('evt-00000001') as DraftFeedback).reason!;
    expect(reason).not.toContain('ana@example.com');
    expect(reason).not.toContain('600 123 456');
  });

  it('refuses an invalid event before queueing it', async () => {
    const { outbox } = newOutbox(fakeBackend().backend);
    await expect(outbox.enqueue([{ ...draft(1), strategy: 'bribe' } as never])).rejects.toThrow(/strategy/);
    expect(await outbox.pending()).toBe(0);
  });

  it('concurrent flushes share one delivery', async () => {
    const server = fakeBackend();
    const { outbox } = newOutbox(server.backend);
    await outbox.enqueue([draft(1)]);
    const [a, b] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(a).toBe(b);
    expect(server.state.requests).toBe(1);
  });
});

describe('PulsoDb v3 (feedback outbox)', () => {
  it('adds the outbox to a v2 database (and the later versions) and keeps its history', async () => {
    const name = `v2-to-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ results: 'key, expiresAt, [crm+recordId]' });
    v2.version(2).stores({ history: '++id, createdAt, crm, kind, priority' });
    await v2.table('history').add({ createdAt: 1, crm: 'hubspot', kind: 'lead', priority: 'P1' });
    v2.close();
    const v3 = new PulsoDb(name);
    await v3.open();
    expect(v3.verno).toBeGreaterThanOrEqual(3);
    expect(await v3.history.count()).toBe(1);
    expect(await v3.feedbackOutbox.count()).toBe(0);
    v3.close();
  });
});
