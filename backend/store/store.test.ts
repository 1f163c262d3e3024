import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { profileVersion } from '../../lib/cache-key';
import type { Campaign } from '../../lib/contracts/campaign';
import type { DraftFeedback, FeedbackEvent, LeadFeedback } from '../../lib/contracts/learning';
import { feedbackDelta, judgeDelta } from '../../lib/learning/policy';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { FEEDBACK_CHUNK } from './feedback-log';
import { StoredDataError } from './rows';
import { SelectorPackVersionConflict } from './selector-packs';
import { enginesUnderTest, freshSchema, storeOpener } from './testing/engines';
import { tokenFingerprint } from './token-fingerprint';

const ADMIN = tokenFingerprint('admin-token');

const draft = (i: number, over: Partial<DraftFeedback> = {}): DraftFeedback => ({
  kind: 'draft',
  eventId: `evt-${String(i).padStart(8, '0')}`,
  strategy: 'technical',
  intent: 'complaint',
  segment: 'retain',
  outcome: 'inserted',
  ...over,
});
const lead = (i: number): LeadFeedback => ({ kind: 'lead', eventId: `lead-${String(i).padStart(8, '0')}`, stage: 'SQL', predictedStage: 'MQL' });

const CAMPAIGN: Campaign = {
  segment: 'Manufacturing',
  suggestedProduct: 'Industrial welding',
  subject: 'Welding for your plant',
  preheader: 'Three ideas',
  message: 'Hello',
  html: '<p>Hello</p>',
  callToAction: 'Book a call',
  rationale: 'Industry match',
  steps: [{ name: 'read', detail: 'read the record' }],
  language: 'en',
  source: 'rules',
};

const PackSchema = z.object({ sites: z.record(z.string(), z.object({ title: z.array(z.string()) })) });
const PACK = { sites: { hubspot: { title: ['h1.record-name', '[data-test=title]'] } } };

const ENGINES = enginesUnderTest();

describe.each(ENGINES)('store on $name', (engine) => {
  const stores = storeOpener(engine);

  describe('migrations', () => {
    it('a new database gets the versioned schema; the next start applies nothing', async () => {
      const schema = freshSchema();
      const first = await stores.open({ schema });
      expect(first.applied).toEqual(['0001_initial']);
      const second = await stores.open({ schema });
      expect(second.applied).toEqual([]);
      await first.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      expect((await second.profiles.current())?.version).toBe(await profileVersion(DEMO_PROFILE));
    });
  });

  describe('profile versions', () => {
    it('nothing is current before a publication', async () => {
      const store = await stores.open();
      expect(await store.profiles.current()).toBeUndefined();
      expect(await store.profiles.byVersion('0123456789abcdef')).toBeUndefined();
      expect(await store.profiles.history()).toEqual([]);
    });

    it('keeps every version with who published it and when; the latest publication is current', async () => {
      const store = await stores.open();
      const welding = { ...DEMO_PROFILE, name: 'Soldaduras del Sur', services: ['Industrial welding'] };
      const first = await store.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      const second = await store.profiles.publish(welding, { publishedBy: tokenFingerprint('other-admin') });

      expect(first.version).toBe(await profileVersion(DEMO_PROFILE));
      expect(second.version).toBe(await profileVersion(welding));
      expect(await store.profiles.current()).toEqual(second);
      expect((await store.profiles.byVersion(first.version))?.profile).toEqual(DEMO_PROFILE);
      const history = await store.profiles.history();
      expect(history.map((h) => [h.version, h.publishedBy])).toEqual([
        [second.version, tokenFingerprint('other-admin')],
        [first.version, ADMIN],
      ]);
      expect(Date.parse(history[0]!.publishedAt)).toBeGreaterThanOrEqual(Date.parse(history[1]!.publishedAt));

      // Publishing an earlier version again makes it current again, as a new publication.
      await store.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      expect((await store.profiles.current())?.version).toBe(first.version);
      expect(await store.profiles.history()).toHaveLength(3);
    });

    it('never stores the token itself, only its fingerprint', async () => {
      const store = await stores.open();
      const published = await store.profiles.publish(DEMO_PROFILE, { publishedBy: tokenFingerprint('admin-token') });
      expect(published.publishedBy).toMatch(/^token:[0-9a-f]{12}$/);
      expect(JSON.stringify(await store.profiles.history())).not.toContain('admin-token');
    });

    it('refuses an invalid profile and keeps the current one', async () => {
      const store = await stores.open();
      await store.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      await expect(store.profiles.publish({ ...DEMO_PROFILE, name: '' }, { publishedBy: ADMIN })).rejects.toThrow();
      expect((await store.profiles.current())?.profile).toEqual(DEMO_PROFILE);
      expect(await store.profiles.history()).toHaveLength(1);
    });

    it('validates what it reads: a damaged stored profile is an error naming it, never served', async () => {
      const schema = freshSchema();
      const store = await stores.open({ schema });
      const { version } = await store.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      const raw = await stores.raw(schema);
      await raw.db.updateTable('profiles').set({ document: JSON.stringify({ name: 42 }) }).where('version', '=', version).execute();
      const reopened = await stores.open({ schema }); // no cached document
      await expect(reopened.profiles.current()).rejects.toThrow(StoredDataError);
      await expect(reopened.profiles.current()).rejects.toThrow(new RegExp(`profile ${version}`));
    });
  });

  describe('feedback events', () => {
    it('stores each eventId once: a retried batch and a repeat inside a batch are duplicates, never counted twice', async () => {
      const store = await stores.open();
      expect(await store.feedback.record([draft(1), draft(2), draft(1)])).toEqual({ accepted: 2, duplicates: 1 });
      expect(await store.feedback.record([draft(1), draft(2), draft(3), lead(1)])).toEqual({ accepted: 2, duplicates: 2 });
      expect(await store.feedback.count()).toBe(4);
      expect(await store.feedback.count('lead')).toBe(1);
      const [arm] = await store.policy.arms();
      expect(arm).toMatchObject({ segment: 'retain', intent: 'complaint', strategy: 'technical', pulls: 3 });
      expect(arm!.rewardSum).toBeCloseTo(3 * feedbackDelta(draft(1))!.rewardSum, 10);
    });

    it('calls racing with the same events count each event once', async () => {
      const store = await stores.open();
      const batch = Array.from({ length: 40 }, (_, i) => draft(i));
      const results = await Promise.all(Array.from({ length: 5 }, () => store.feedback.record(batch)));
      expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(40);
      expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(160);
      expect((await store.policy.arms())[0]?.pulls).toBe(40);
    });

    it('reads events back validated, in the order stored, with paging and kind', async () => {
      const store = await stores.open();
      await store.feedback.record([draft(1, { at: '2025-03-01T10:00:00.000Z', editRatio: 0.2, outcome: 'edited' }), draft(2)]);
      await store.feedback.record([lead(1)]);
      const all = await store.feedback.list();
      expect(all.map((e) => e.event.eventId)).toEqual([draft(1).eventId, draft(2).eventId, lead(1).eventId]);
      expect(all[0]!.event).toEqual(draft(1, { at: '2025-03-01T10:00:00.000Z', editRatio: 0.2, outcome: 'edited' }));
      const page = await store.feedback.list({ afterSeq: all[0]!.seq, limit: 1 });
      expect(page.map((e) => e.event.eventId)).toEqual([draft(2).eventId]);
      expect((await store.feedback.list({ kind: 'lead' })).map((e) => e.event.kind)).toEqual(['lead']);
    });

    it('refuses an invalid event and stores nothing of that call', async () => {
      const store = await stores.open();
      const bad = { ...draft(2), strategy: 'bribe' } as unknown as FeedbackEvent;
      await expect(store.feedback.record([draft(1), bad])).rejects.toThrow();
      expect(await store.feedback.count()).toBe(0);
      expect(await store.policy.arms()).toEqual([]);
    });

    it('a lead correction is stored but moves no strategy arm', async () => {
      const store = await stores.open();
      expect(await store.feedback.record([lead(1), lead(2)])).toEqual({ accepted: 2, duplicates: 0 });
      expect(await store.policy.arms()).toEqual([]);
    });

    it(`a 10,000-event burst is accepted in chunks of ${FEEDBACK_CHUNK}, and the event loop turns between them`, async () => {
      const store = await stores.open();
      const events = Array.from({ length: 10_000 }, (_, i) => draft(i, { strategy: i % 2 ? 'technical' : 'empathetic' }));
      let done = false;
      let turnsWhileWriting = 0;
      const tick = () => {
        if (done) return;
        turnsWhileWriting += 1;
        setImmediate(tick);
      };
      setImmediate(tick);
      const calls = [];
      for (let i = 0; i < events.length; i += 1_000) calls.push(store.feedback.record(events.slice(i, i + 1_000)));
      const results = await Promise.all(calls);
      done = true;
      expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(10_000);
      expect(await store.feedback.count()).toBe(10_000);
      expect((await store.policy.arms()).reduce((n, a) => n + a.pulls, 0)).toBe(10_000);
      // Other work ran between the chunks: the event loop turned at every chunk boundary.
      expect(turnsWhileWriting).toBeGreaterThanOrEqual(10_000 / FEEDBACK_CHUNK - 1);
    });
  });

  describe('policy state', () => {
    it('two replicas adding feedback at once add up, and the judge prior adds without a pull', async () => {
      const schema = freshSchema();
      const [a, b] = [await stores.open({ schema }), await stores.open({ schema })];
      const fromA = Array.from({ length: 300 }, (_, i) => draft(i, { strategy: i % 3 ? 'technical' : 'follow_up', outcome: i % 4 ? 'inserted' : 'discarded' }));
      const fromB = Array.from({ length: 300 }, (_, i) => draft(1_000 + i, { strategy: i % 3 ? 'technical' : 'follow_up', outcome: i % 5 ? 'edited' : 'inserted', editRatio: 0.3 }));
      // Both replicas also receive 50 of the same events (a client retrying on the other replica).
      const shared = fromA.slice(0, 50);
      await Promise.all([a.feedback.record([...fromA]), b.feedback.record([...shared, ...fromB])]);
      await a.policy.add([judgeDelta({ segment: 'retain', intent: 'complaint' }, 'empathetic', { npsExpected: 9, engagementProb: 0.8, churnProb: 0.1 })]);

      const expected = new Map<string, { pulls: number; rewardSum: number }>();
      for (const e of [...fromA, ...fromB]) {
        const d = feedbackDelta(e)!;
        const cur = expected.get(d.strategy) ?? { pulls: 0, rewardSum: 0 };
        expected.set(d.strategy, { pulls: cur.pulls + d.pulls, rewardSum: cur.rewardSum + d.rewardSum });
      }
      const arms = await b.policy.arms();
      for (const [strategy, want] of expected) {
        const arm = arms.find((x) => x.strategy === strategy)!;
        expect(arm.pulls).toBe(want.pulls);
        expect(arm.rewardSum).toBeCloseTo(want.rewardSum, 8);
      }
      expect(arms.find((x) => x.strategy === 'empathetic')).toMatchObject({ pulls: 0 });
      expect(await a.feedback.count()).toBe(600);
      expect(await b.policy.updatedAt()).toEqual(expect.any(String));
    });
  });

  describe('campaigns', () => {
    it('keeps each campaign with its lead and time, newest first, validated on read', async () => {
      const schema = freshSchema();
      const store = await stores.open({ schema });
      const first = await store.campaigns.save({ campaign: CAMPAIGN, leadRef: { crm: 'hubspot', recordId: '101', label: 'Ana Ruiz — Acme' }, profileVersion: 'v1', createdBy: tokenFingerprint('rep') });
      const second = await store.campaigns.save({ campaign: { ...CAMPAIGN, subject: 'Second' }, leadRef: { crm: 'salesforce', recordId: '00Q1' } });
      expect(first).toMatchObject({ leadRef: { crm: 'hubspot', recordId: '101' }, campaign: CAMPAIGN, profileVersion: 'v1', createdBy: tokenFingerprint('rep') });
      expect((await store.campaigns.list()).map((c) => c.campaign.subject)).toEqual(['Second', CAMPAIGN.subject]);
      expect((await store.campaigns.list({ beforeId: second.id })).map((c) => c.id)).toEqual([first.id]);
      expect(await store.campaigns.get(first.id)).toEqual(first);
      await expect(store.campaigns.save({ campaign: { ...CAMPAIGN, language: 'fr' } as unknown as Campaign, leadRef: {} })).rejects.toThrow();

      const raw = await stores.raw(schema);
      await raw.db.updateTable('campaigns').set({ campaign: JSON.stringify({ subject: 1 }) }).where('id', '=', first.id).execute();
      await expect(store.campaigns.get(first.id)).rejects.toThrow(StoredDataError);
    });
  });

  describe('selector packs', () => {
    it('keeps signed packs by version; the latest is current; a version names one pack forever', async () => {
      const store = await stores.open();
      expect(await store.selectorPacks.current(PackSchema)).toBeUndefined();
      await store.selectorPacks.publish({ version: '2025.01.1', signature: 'sig-1', document: PACK }, { publishedBy: ADMIN });
      const next = { sites: { hubspot: { title: ['h1'] } } };
      await store.selectorPacks.publish({ version: '2025.02.1', signature: 'sig-2', document: next }, { publishedBy: ADMIN });
      expect(await store.selectorPacks.current(PackSchema)).toMatchObject({ version: '2025.02.1', signature: 'sig-2', document: next, publishedBy: ADMIN });
      expect((await store.selectorPacks.byVersion('2025.01.1', PackSchema))?.document).toEqual(PACK);
      // Same version, same content (key order aside): a no-op. Other content: refused.
      await store.selectorPacks.publish({ version: '2025.01.1', signature: 'sig-1', document: { sites: { hubspot: { title: PACK.sites.hubspot.title } } } }, { publishedBy: ADMIN });
      await expect(store.selectorPacks.publish({ version: '2025.01.1', signature: 'sig-X', document: PACK }, { publishedBy: ADMIN })).rejects.toThrow(SelectorPackVersionConflict);
      // Read with the pack's schema: a document that does not match it is an error.
      await expect(store.selectorPacks.current(z.object({ sites: z.array(z.string()) }))).rejects.toThrow(StoredDataError);
    });
  });

  describe('audit log', () => {
    it('is off by default: nothing is recorded', async () => {
      const store = await stores.open();
      await store.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      expect(store.audit.enabled).toBe(false);
      expect(await store.audit.list()).toEqual([]);
    });

    it('when on, records who changed what, with emails and phones masked', async () => {
      const store = await stores.open({ audit: true });
      await store.profiles.publish(DEMO_PROFILE, { publishedBy: ADMIN });
      await store.campaigns.save({ campaign: CAMPAIGN, leadRef: { label: 'Ana ana.ruiz@acme.cl +56 9 8765 4321' }, createdBy: tokenFingerprint('rep') });
      await store.audit.record({ actor: ADMIN, action: 'export', detail: { email: 'ana.ruiz@acme.cl', phone: '+56 9 8765 4321', note: 'call 987654321' } });
      const entries = await store.audit.list();
      expect(entries.map((e) => e.action)).toEqual(['export', 'campaign.save', 'profile.publish']);
      expect(entries[2]).toMatchObject({ actor: ADMIN, detail: { version: await profileVersion(DEMO_PROFILE) } });
      const text = JSON.stringify(entries);
      expect(text).not.toMatch(/ana\.ruiz@|8765 4321|987654321/);
      expect(entries[0]!.detail).toEqual({ email: 'a***@acme.cl', phone: '***21', note: 'call ***21' });
    });
  });

  it('answers a readiness ping', async () => {
    const store = await stores.open();
    await expect(store.ping()).resolves.toBeUndefined();
    expect(store.engine).toBe(engine.name);
  });
});

describe('store on postgres: replicas starting at once', () => {
  const stores = storeOpener(ENGINES.find((e) => e.name === 'postgres')!);

  it('migrate under an advisory lock: one replica applies the schema, the others find it done', async () => {
    const schema = freshSchema();
    const opened = await Promise.all(Array.from({ length: 4 }, () => stores.open({ schema })));
    expect(opened.flatMap((s) => s.applied)).toEqual(['0001_initial']);
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = ${schema}`.execute((await stores.raw(schema)).db);
    expect(tables.rows[0]?.n).toBeGreaterThanOrEqual(7);
  });
});
