import { describe, expect, it } from 'vitest';
import { profileVersion } from '../cache-key';
import { ConversationSchema, PROFILE_UNKNOWN, type CompanyProfile } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { classifyLeadByRules } from '../rules';
import { triageConversationByRules } from '../rules/conversation';
import { draftReplyByRules } from '../rules/drafts';
import { createBackendClient } from './backend-client';
import { injectFetch } from './test-backend';

const lead = { fullName: 'María González', jobTitle: 'CTO', company: 'Metalúrgica Andina', email: 'maria@andina.com.ar' };
const conversation = ConversationSchema.parse({ contact: { name: 'María' }, messages: [{ direction: 'in', text: '¿Tenéis la silla Ergo en azul?' }] });
const LOCAL: CompanyProfile = { ...DEMO_PROFILE, name: 'Only in this browser', services: ['Soldadura industrial'] };

/**
 * A backend that keeps the contract of ProfileRef: it knows the published team profile's
 * version; an unknown version is answered 409 profile_unknown; a whole profile becomes known.
 */
async function fakeBackend(published: CompanyProfile) {
  const known = new Map<string, CompanyProfile>([[await profileVersion(published), published]]);
  const bodies: Record<string, unknown>[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown> & { profile?: CompanyProfile; profileVersion?: string };
    bodies.push(body);
    let profile: CompanyProfile | undefined;
    if (body.profile) known.set(await profileVersion(body.profile), (profile = body.profile));
    else profile = known.get(body.profileVersion!);
    if (!profile) return Response.json({ error: PROFILE_UNKNOWN, message: `profile version ${body.profileVersion} is unknown: send the profile` }, { status: 409 });
    const url = String(input);
    if (url.includes('/classify-batch')) return Response.json({ results: (body.leads as typeof lead[]).map((row, index) => ({ index, result: classifyLeadByRules(row, profile) })) });
    if (url.includes('/triage')) return Response.json(triageConversationByRules(conversation, profile));
    if (url.includes('/draft')) return Response.json(draftReplyByRules(conversation, profile, {}));
    if (url.includes('stream=1')) return new Response(`${JSON.stringify({ type: 'final', result: classifyLeadByRules(lead, profile) })}\n`);
    return Response.json(classifyLeadByRules(lead, profile));
  }) as typeof fetch;
  return { bodies, fetchImpl, client: createBackendClient({ baseUrl: 'http://backend.test', fetch: fetchImpl }) };
}
const named = (body: Record<string, unknown>) => ('profile' in body ? 'profile' : 'profileVersion' in body ? 'version' : 'none');

describe('backend client: the profile by its version (issue 9 D4)', () => {
  it('names the published team profile by its version only: the backend always knows it', async () => {
    const backend = await fakeBackend(DEMO_PROFILE);
    await backend.client.classifyLead(lead, DEMO_PROFILE);
    await backend.client.classifyBatch([lead, lead], DEMO_PROFILE);
    await backend.client.triageConversation(conversation, DEMO_PROFILE);
    await backend.client.draftReply({ conversation, profile: DEMO_PROFILE, strategy: 'technical' });
    await backend.client.classifyLeadStreaming(lead, DEMO_PROFILE, () => {});
    expect(backend.bodies.map(named)).toEqual(['version', 'version', 'version', 'version', 'version']);
    expect(backend.bodies[0]).toEqual({ lead, profileVersion: await profileVersion(DEMO_PROFILE) });
  });

  it('on 409 profile_unknown sends the profile once, then the version is enough', async () => {
    const backend = await fakeBackend(DEMO_PROFILE);
    const first = await backend.client.classifyLead(lead, LOCAL);
    expect(first.matchedServices).toEqual(classifyLeadByRules(lead, LOCAL).matchedServices);
    await backend.client.classifyLead(lead, LOCAL);
    expect(backend.bodies.map(named)).toEqual(['version', 'profile', 'version']);
  });

  it('every request that names a profile resends it on 409: batch, triage, draft, stream', async () => {
    for (const ask of [
      (c: Awaited<ReturnType<typeof fakeBackend>>['client']) => c.classifyBatch([lead], LOCAL),
      (c: Awaited<ReturnType<typeof fakeBackend>>['client']) => c.triageConversation(conversation, LOCAL),
      (c: Awaited<ReturnType<typeof fakeBackend>>['client']) => c.draftReply({ conversation, profile: LOCAL }),
      (c: Awaited<ReturnType<typeof fakeBackend>>['client']) => c.classifyLeadStreaming(lead, LOCAL, () => {}),
    ]) {
      const backend = await fakeBackend(DEMO_PROFILE);
      await ask(backend.client);
      expect(backend.bodies.map(named)).toEqual(['version', 'profile']);
      expect(backend.bodies[1]!.profile).toEqual(LOCAL);
    }
  });

  it('resends only once: a backend that still does not take it is an error, like any other', async () => {
    const bodies: unknown[] = [];
    const stubborn = (async (_: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json({ error: PROFILE_UNKNOWN, message: 'unknown profile' }, { status: 409 });
    }) as typeof fetch;
    await expect(createBackendClient({ baseUrl: 'http://backend.test', fetch: stubborn }).classifyLead(lead, LOCAL)).rejects.toMatchObject({ status: 409, code: PROFILE_UNKNOWN });
    expect(bodies).toHaveLength(2);
  });

  it('another 409 or error is not answered with the profile', async () => {
    const bodies: unknown[] = [];
    const conflict = (async (_: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json({ error: 'conflict', message: 'something else' }, { status: 409 });
    }) as typeof fetch;
    await expect(createBackendClient({ baseUrl: 'http://backend.test', fetch: conflict }).classifyLead(lead, LOCAL)).rejects.toThrow(/something else/);
    expect(bodies).toHaveLength(1);
  });
});

describe('backend client against the real backend (in-process)', () => {
  it('a profile only this browser has: version, 409, the profile once, then the version is enough', async () => {
    const { buildServer } = await import('../../backend/server');
    const { testConfig } = await import('../../backend/testing/helpers');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const app = await buildServer(testConfig({ PULSO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulso-d4-')) }));
    try {
      const bodies: string[] = [];
      const recording: typeof fetch = (input, init) => (bodies.push(String(init?.body)), injectFetch(app)(input, init));
      const client = createBackendClient({ baseUrl: 'http://backend.test', fetch: recording });
      const first = await client.classifyLead(lead, LOCAL);
      expect(first).toEqual(classifyLeadByRules(lead, LOCAL));
      expect(await client.classifyLead(lead, LOCAL)).toEqual(first);
      expect(bodies.map((body) => named(JSON.parse(body)))).toEqual(['version', 'profile', 'version']);
    } finally {
      await app.close();
    }
  });
});
