import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { profileVersion } from '../../lib/cache-key';
import { ApiErrorSchema, CompanyProfileSchema, LeadClassificationSchema, PROFILE_UNKNOWN, type CompanyProfile } from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { buildServer } from '../server';
import { HOT_LEAD } from '../testing/fixtures';
import { testConfig } from '../testing/helpers';

// Issue 9 D4: a request names its profile by version; the profile itself travels once.

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function server(env: Record<string, string> = {}) {
  const app = await buildServer(testConfig({ PULSO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulso-ref-')), ...env }));
  apps.push(app);
  return app;
}

/** An ~80 KB profile: a 1,200-item catalog. */
function largeProfile(): CompanyProfile {
  const catalog = Array.from({ length: 1_200 }, (_, i) => ({ sku: `SKU-${i}`, name: `Item ${i} spare part, standard size`, price: 10 + i }));
  return CompanyProfileSchema.parse({ ...DEMO_PROFILE, name: 'Big Catalog Co', slaHours: { P1: 2, P2: 8, P3: 48, P4: 96 }, catalog });
}

const conversation = { messages: [{ direction: 'in', text: 'Do you have the ladder in stock?' }] };
const ROUTES: Array<{ url: string; body: Record<string, unknown> }> = [
  { url: '/v1/leads/classify', body: { lead: HOT_LEAD } },
  { url: '/v1/leads/classify?stream=1', body: { lead: HOT_LEAD } },
  { url: '/v1/leads/classify-batch', body: { leads: [HOT_LEAD] } },
  { url: '/v1/conversations/triage', body: { conversation } },
  { url: '/v1/conversations/draft', body: { conversation } },
];

describe('profileVersion', () => {
  it('an unknown version → 409 profile_unknown on every route that takes a profile', async () => {
    const app = await server();
    for (const route of ROUTES) {
      const res = await app.inject({ method: 'POST', url: route.url, payload: { ...route.body, profileVersion: 'deadbeefdeadbeef' } });
      expect(res.statusCode, route.url).toBe(409);
      const body = ApiErrorSchema.parse(res.json());
      expect(body.error).toBe(PROFILE_UNKNOWN);
      expect(body.message).toMatch(/send the profile/i);
    }
  });

  it("the current profile's version is known without sending it", async () => {
    const app = await server();
    const version = await profileVersion(DEMO_PROFILE);
    for (const route of ROUTES) {
      const res = await app.inject({ method: 'POST', url: route.url, payload: { ...route.body, profileVersion: version } });
      expect(res.statusCode, route.url).toBe(200);
    }
  });

  it('an 80 KB profile goes through once; from then on its version is enough', async () => {
    const app = await server();
    const profile = largeProfile();
    expect(JSON.stringify(profile).length).toBeGreaterThan(75_000);
    const version = await profileVersion(profile);
    const unknown = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD, profileVersion: version } });
    expect(unknown.statusCode).toBe(409);
    const inline = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD, profile } });
    expect(inline.statusCode).toBe(200);
    const first = LeadClassificationSchema.parse(inline.json());
    expect(Object.values(profile.slaHours)).toContain(first.slaHours);
    for (const route of ROUTES) {
      const res = await app.inject({ method: 'POST', url: route.url, payload: { ...route.body, profileVersion: version } });
      expect(res.statusCode, route.url).toBe(200);
    }
    const byVersion = LeadClassificationSchema.parse((await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD, profileVersion: version } })).json());
    expect(byVersion).toEqual(first);
  });

  it('a published profile is known by its version', async () => {
    const app = await server({ PULSO_ADMIN_TOKEN: 'admin' });
    const profile = { ...DEMO_PROFILE, name: 'Published Co' };
    const put = await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile }, headers: { authorization: 'Bearer admin' } });
    expect(put.statusCode).toBe(200);
    const version = put.json().version as string;
    const res = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD, profileVersion: version }, headers: { authorization: 'Bearer admin' } });
    expect(res.statusCode).toBe(200);
  });
});
