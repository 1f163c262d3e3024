import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaignByRules } from '../campaign/generate';
import { profileVersion } from '../cache-key';
import { CampaignTemplatesSchema, CompanyProfileSchema, PROFILE_UNKNOWN, type CampaignPortEvent, type CampaignRequest, type LeadClassification } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { classifyLeadByRules } from '../rules';
import { SettingsSchema } from '../settings';
import { CampaignHistoryStore } from './campaign-history-store';
import { createCampaignService } from './campaign-service';
import { PulsoDb } from './db';
import { ResultCache } from './result-cache';
import { testBackend } from './test-backend';

const lead = {
  fullName: 'Lucía Gómez',
  jobTitle: 'Directora de sistemas',
  company: 'Norte Logística SA',
  email: 'lucia@nortelogistica.es',
  phone: '+34 600 123 456',
  description: 'Tuvimos un ataque de ransomware y necesitamos reforzar la ciberseguridad urgentemente.',
};
const context = { timeline: [{ kind: 'call' as const, date: '2025-03-04', text: 'Llamada: pide auditoría; su móvil es +34 600 123 456' }], dealStage: 'Propuesta enviada' };
const page = { crm: 'hubspot' as const, recordId: '303', url: 'https://app.hubspot.com/contacts/1/record/0-1/303', recordType: 'contact' as const };
const ENGINE = 'llm:m:campaign-prompt-1:rules-4';

/** A backend that streams a campaign like the real route: steps, then the final line; it knows no profile version until sent the profile. */
function fakeBackend(options: { down?: boolean; breakAfterSteps?: boolean } = {}) {
  const bodies: CampaignRequest[] = [];
  const known = new Set<string>();
  const campaign = { ...generateCampaignByRules({ lead, context }, DEMO_PROFILE), source: 'llm' as const, subject: 'Del modelo' };
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (options.down) throw new TypeError('fetch failed');
    if (url.endsWith('/healthz')) return Response.json({ ok: true, version: '0.1.0', mode: 'llm', model: 'm', engine: ENGINE });
    const body = JSON.parse(String(init?.body)) as CampaignRequest;
    bodies.push(body);
    expect(url).toMatch(/\/v1\/campaigns\/draft\?stream=1$/);
    if (body.profile) known.add(await profileVersion(CompanyProfileSchema.parse(body.profile)));
    else if (!known.has(body.profileVersion ?? '')) return Response.json({ error: PROFILE_UNKNOWN, message: 'unknown profile version' }, { status: 409 });
    const lines = [...campaign.steps.map((step) => ({ type: 'step', step })), ...(options.breakAfterSteps ? [] : [{ type: 'final', result: campaign }])];
    return new Response(lines.map((l) => `${JSON.stringify(l)}\n`).join(''), { headers: { 'content-type': 'application/x-ndjson' } });
  }) as typeof fetch;
  return { fetchImpl, bodies, campaign };
}

function setup(fetchImpl: typeof fetch, options: { mask?: boolean; profile?: typeof DEMO_PROFILE } = {}) {
  const db = new PulsoDb(`campaign-${Math.random()}`);
  const cache = new ResultCache(db);
  const history = new CampaignHistoryStore(db, { now: () => 2_000_000 });
  let clock = 1_000_000;
  const service = createCampaignService({
    backend: testBackend(fetchImpl),
    readSettings: async () => SettingsSchema.parse({ privacy: { maskContacts: options.mask ?? false } }),
    readProfile: async () => options.profile ?? DEMO_PROFILE,
    cache,
    history,
    now: () => (clock += 5),
  });
  return { service, cache, history };
}

describe('campaign service (background route)', () => {
  it("streams the backend's steps as they come, then the campaign; records it in the history", async () => {
    const backend = fakeBackend();
    const { service, history } = setup(backend.fetchImpl);
    const events: CampaignPortEvent[] = [];
    const reply = await service.draft({ lead, context, page }, (e) => events.push(e));
    expect(events.map((e) => (e.type === 'step' ? e.step.name : e.type))).toEqual(['read', 'enrich', 'reason', 'write', 'final']);
    expect(reply).toMatchObject({ origin: 'backend', campaign: { subject: 'Del modelo', source: 'llm' } });
    await service.historySettled();
    const [entry] = await history.list();
    expect(entry).toMatchObject({ recordId: '303', crm: 'hubspot', origin: 'backend', input: lead, campaign: { subject: 'Del modelo' } });
    // the request names the team profile by its version; the backend did not know it (409), so it got the profile once; the record's context goes too
    const version = await profileVersion(DEMO_PROFILE);
    expect(backend.bodies.map((b) => [b.profileVersion, b.profile?.name])).toEqual([[version, undefined], [undefined, DEMO_PROFILE.name]]);
    expect(backend.bodies[1]).toMatchObject({ context });
    // a second campaign: the version is known now, the profile is not sent again
    await service.draft({ lead, context, page }, () => {});
    expect(backend.bodies.slice(2).map((b) => [b.profileVersion, b.profile])).toEqual([[version, undefined]]);
  });

  it('sends the classification the rep saw on this record (the background cached it), masking contacts when privacy asks', async () => {
    const backend = fakeBackend();
    const { service, cache } = setup(backend.fetchImpl, { mask: true });
    const seen: LeadClassification = { ...classifyLeadByRules(lead, DEMO_PROFILE), source: 'llm', summary: 'the one on screen' };
    await cache.put({ key: 'k', result: seen, engine: ENGINE, crm: 'hubspot', recordId: '303', createdAt: 1, expiresAt: Number.MAX_SAFE_INTEGER });
    await service.draft({ lead, context, page });
    const sent = backend.bodies[0]!;
    expect(sent.classification).toMatchObject({ summary: 'the one on screen' });
    expect(sent.lead.email).toBe('l***@nortelogistica.es');
    expect(sent.lead.phone).toBe('***56');
    expect(sent.context!.timeline![0]!.text).not.toContain('600 123 456');
  });

  it('backend unreachable → the rules campaign made here, with the team templates, labelled offline and recorded', async () => {
    const campaignTemplates = CampaignTemplatesSchema.parse({
      segments: Object.fromEntries(['hot', 'evaluating', 'nurture', 'needs_info', 'customer', 'win_back'].map((s) => [s, { es: { subject: 'Aprobado para {company}', preheader: '', body: '{greeting}\n\n{product}.', callToAction: 'Hablemos' } }])),
    });
    const { service, history } = setup(fakeBackend({ down: true }).fetchImpl, { profile: { ...DEMO_PROFILE, campaignTemplates } });
    const events: CampaignPortEvent[] = [];
    const reply = await service.draft({ lead, context, page }, (e) => events.push(e));
    expect(reply.origin).toBe('offline');
    expect(reply.error).toMatch(/backend unreachable/);
    expect(reply.campaign).toMatchObject({ source: 'rules', subject: 'Aprobado para Norte Logística SA' });
    expect(events.filter((e) => e.type === 'step')).toHaveLength(4);
    await service.historySettled();
    expect((await history.list())[0]).toMatchObject({ origin: 'offline' });
  });

  it('a stream that breaks off after its steps → the local rules campaign; the steps already shown are not shown twice', async () => {
    const { service } = setup(fakeBackend({ breakAfterSteps: true }).fetchImpl);
    const events: CampaignPortEvent[] = [];
    const reply = await service.draft({ lead, context, page }, (e) => events.push(e));
    expect(reply.origin).toBe('offline');
    expect(events.filter((e) => e.type === 'step').map((e) => e.type === 'step' && e.step.name)).toEqual(['read', 'enrich', 'reason', 'write']);
  });

  it('refuses a malformed message (the page is hostile): no campaign, no history', async () => {
    const { service, history } = setup(fakeBackend().fetchImpl);
    await expect(service.draft({ lead: { fullName: 42 }, page })).rejects.toThrow();
    await expect(service.draft({ lead, page: { ...page, crm: 'evil' } })).rejects.toThrow();
    expect(await history.count()).toBe(0);
  });
});

describe('CampaignHistoryStore', () => {
  it('lists newest first, skips a corrupt row, deletes, clears and trims by retention', async () => {
    const db = new PulsoDb(`campaign-history-${Math.random()}`);
    const store = new CampaignHistoryStore(db, { now: () => 40 * 86_400_000, retentionDays: async () => 30 });
    const campaign = generateCampaignByRules({ lead }, DEMO_PROFILE);
    const a = await store.add({ createdAt: 39 * 86_400_000, recordId: 'a', url: '', input: lead, campaign });
    await store.add({ createdAt: 5 * 86_400_000, recordId: 'old', url: '', input: lead, campaign });
    await db.campaigns.add({ createdAt: 1, input: {}, campaign: { subject: 1 } } as never);
    expect((await store.list()).map((e) => e.recordId)).toEqual(['a', 'old']);
    expect(await store.trimByRetention()).toBe(2); // the old run and the corrupt row (createdAt 1)
    expect((await store.list()).map((e) => e.recordId)).toEqual(['a']);
    await store.delete(a);
    expect(await store.count()).toBe(0);
    await expect(store.add({ createdAt: 1, recordId: 'x', url: '', input: lead, campaign: { ...campaign, source: 'magic' } } as never)).rejects.toThrow();
  });
});
