import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { profileVersion } from '../../lib/cache-key';
import { LeadClassificationSchema, TeamProfileResponseSchema } from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { buildServer } from '../server';
import { HOT_LEAD } from '../testing/fixtures';
import { captureLogs, testConfig } from '../testing/helpers';

const ADMIN = 'admin-secret-token';
const TEAM = 'rep-token-1';
const apps: FastifyInstance[] = [];

async function server(dataDir = mkdtempSync(join(tmpdir(), 'pulso-data-')), logStream?: NodeJS.WritableStream) {
  const app = await buildServer(testConfig({ PULSO_ADMIN_TOKEN: ADMIN, PULSO_TEAM_TOKENS: `${TEAM},rep-token-2`, PULSO_DATA_DIR: dataDir }), {
    logStream: logStream as never,
  });
  apps.push(app);
  return { app, dataDir };
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const WELDING = { ...DEMO_PROFILE, name: 'Soldaduras del Sur', services: ['Industrial welding'], targetIndustries: ['Construction'] };

describe('GET /v1/profile', () => {
  it('without a published profile answers the configured one (demo), with its version', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'GET', url: '/v1/profile', headers: bearer(TEAM) });
    expect(res.statusCode).toBe(200);
    const body = TeamProfileResponseSchema.parse(res.json());
    expect(body).toEqual({ version: await profileVersion(DEMO_PROFILE), profile: DEMO_PROFILE, updatedAt: null, source: 'configured' });
  });

  it('needs a token: 401 without one', async () => {
    const { app } = await server();
    expect((await app.inject({ method: 'GET', url: '/v1/profile' })).statusCode).toBe(401);
  });
});

describe('PUT /v1/profile', () => {
  it('401 without a token, 403 with a team token (plain message), nothing stored', async () => {
    const { app } = await server();
    expect((await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: WELDING } })).statusCode).toBe(401);
    const res = await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: WELDING }, headers: bearer(TEAM) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/only the admin token/) });
    const after = TeamProfileResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/profile', headers: bearer(TEAM) })).json());
    expect(after.source).toBe('configured');
  });

  it('the admin publishes; every team token then reads it with a new version', async () => {
    const { app } = await server();
    const before = TeamProfileResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/profile', headers: bearer(TEAM) })).json());
    const put = await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: WELDING }, headers: bearer(ADMIN) });
    expect(put.statusCode).toBe(200);
    const published = TeamProfileResponseSchema.parse(put.json());
    expect(published.version).toBe(await profileVersion(WELDING));
    expect(published.version).not.toBe(before.version);
    expect(published.source).toBe('published');
    expect(published.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const read = TeamProfileResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/profile', headers: bearer('rep-token-2') })).json());
    expect(read).toEqual(published);
  });

  it('refuses an invalid profile with every problem named, and keeps the old one', async () => {
    const { app } = await server();
    const res = await app.inject({
      method: 'PUT',
      url: '/v1/profile',
      payload: { profile: { name: '', services: 'cloud', slaHours: { P1: -1, P2: 4, P3: 24, P4: 72 } } },
      headers: bearer(ADMIN),
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['profile.name', 'profile.services', 'profile.slaHours.P1']));
    const read = TeamProfileResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/profile', headers: bearer(TEAM) })).json());
    expect(read.source).toBe('configured');
  });

  it('survives a restart of the backend (same data dir)', async () => {
    const { app, dataDir } = await server();
    await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: WELDING }, headers: bearer(ADMIN) });
    await app.close();
    const { app: restarted } = await server(dataDir);
    const read = TeamProfileResponseSchema.parse((await restarted.inject({ method: 'GET', url: '/v1/profile', headers: bearer(TEAM) })).json());
    expect(read.profile.name).toBe('Soldaduras del Sur');
  });

  it('never logs the admin token', async () => {
    const logs = captureLogs();
    const { app } = await server(undefined, logs.stream);
    await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: WELDING }, headers: bearer(ADMIN) });
    expect(logs.text()).not.toContain(ADMIN);
  });
});

describe('classification uses the published profile', () => {
  it('a request without a profile is classified against the published one', async () => {
    const { app } = await server();
    const classify = async () =>
      LeadClassificationSchema.parse(
        (await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD }, headers: bearer(TEAM) })).json(),
      );
    expect((await classify()).matchedServices).toEqual(expect.arrayContaining(['Managed cybersecurity']));
    await app.inject({
      method: 'PUT',
      url: '/v1/profile',
      payload: { profile: { ...DEMO_PROFILE, services: ['Ransomware incident response'] } },
      headers: bearer(ADMIN),
    });
    expect((await classify()).matchedServices).toEqual(['Ransomware incident response']);
    const batch = await app.inject({ method: 'POST', url: '/v1/leads/classify-batch', payload: { leads: [HOT_LEAD] }, headers: bearer(TEAM) });
    expect(batch.json().results[0].result.matchedServices).toEqual(['Ransomware incident response']);
  });

  it('a request that brings its own profile still uses it', async () => {
    const { app } = await server();
    await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: WELDING }, headers: bearer(ADMIN) });
    const res = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD, profile: DEMO_PROFILE }, headers: bearer(TEAM) });
    expect(res.json().matchedServices).toEqual(expect.arrayContaining(['Managed cybersecurity']));
  });
});
