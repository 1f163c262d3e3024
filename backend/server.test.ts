import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, HealthSchema, LeadClassificationSchema, ReadySchema } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { LEAD_PROMPT_VERSION, RULES_VERSION } from '../lib/versions';
import { buildServer } from './server';
import { startFakeVllm, type FakeVllm } from './testing/fake-vllm';
import { HOT_LEAD, MQL_ANSWER } from './testing/fixtures';
import { captureLogs, testConfig } from './testing/helpers';

let fake: FakeVllm;
const apps: FastifyInstance[] = [];

async function server(env: Record<string, string> = {}, logStream?: NodeJS.WritableStream) {
  const app = await buildServer(testConfig(env), { logStream: logStream as never });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  fake = await startFakeVllm({ answer: MQL_ANSWER });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  fake.reset();
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const classify = (app: FastifyInstance, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/v1/leads/classify', payload: body as object, headers });

describe('health', () => {
  it('rules mode: engine rules:<RULES_VERSION>, no model', async () => {
    const app = await server();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    const health = HealthSchema.parse(res.json());
    expect(health).toEqual({ ok: true, version: '0.1.0', mode: 'rules', engine: `rules:${RULES_VERSION}` });
    expect(ReadySchema.parse((await app.inject({ method: 'GET', url: '/readyz' })).json())).toEqual({ ok: true, llm: 'disabled' });
  });

  it('llm mode: model and engine llm:<model>:<prompt>:<rules>; readyz probes the LLM', async () => {
    const app = await server({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'acme/lead-ft' });
    const health = HealthSchema.parse((await app.inject({ method: 'GET', url: '/healthz' })).json());
    expect(health).toMatchObject({ mode: 'llm', model: 'acme/lead-ft', engine: `llm:acme/lead-ft:${LEAD_PROMPT_VERSION}:${RULES_VERSION}` });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ ok: true, llm: 'up' });
    expect(fake.requests.some((r) => r.path === '/v1/models')).toBe(true);
  });

  it('readyz reports a down LLM but stays ok (the rules answer)', async () => {
    const gone = await startFakeVllm();
    await gone.close();
    const app = await server({ LLM_BASE_URL: gone.baseUrl });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ ok: true, llm: 'down' });
  });
});

describe('POST /v1/leads/classify', () => {
  it('rules mode → a LeadClassification with source "rules"', async () => {
    const app = await server();
    const res = await classify(app, { lead: HOT_LEAD });
    expect(res.statusCode).toBe(200);
    const result = LeadClassificationSchema.parse(res.json());
    expect(result.source).toBe('rules');
  });

  it('uses the profile from the body when given, else the configured one', async () => {
    const app = await server();
    const profile = { name: 'Slow Co', slaHours: { P1: 10, P2: 20, P3: 30, P4: 40 } };
    const withBody = LeadClassificationSchema.parse((await classify(app, { lead: HOT_LEAD, profile })).json());
    expect(Object.values(profile.slaHours)).toContain(withBody.slaHours);
    const withDefault = LeadClassificationSchema.parse((await classify(app, { lead: HOT_LEAD })).json());
    expect(Object.values(DEMO_PROFILE.slaHours)).toContain(withDefault.slaHours);
  });

  it('llm mode through the fake vLLM → source "llm"; a 500 from vLLM → source "rules"', async () => {
    const app = await server({ LLM_BASE_URL: fake.baseUrl });
    const ok = LeadClassificationSchema.parse((await classify(app, { lead: HOT_LEAD })).json());
    expect(ok.source).toBe('llm');
    expect(ok.stage).toBe('MQL');
    fake.setMode('500');
    // the same lead now comes from the server cache; another lead meets the broken upstream
    expect((await classify(app, { lead: HOT_LEAD })).json().source).toBe('llm');
    const res = await classify(app, { lead: { ...HOT_LEAD, fullName: 'Jane Other' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().source).toBe('rules');
  });

  it('400 naming the field path', async () => {
    const app = await server();
    const res = await classify(app, { lead: { ...HOT_LEAD, email: 42 } });
    expect(res.statusCode).toBe(400);
    const body = ApiErrorSchema.parse(res.json());
    expect(body.error).toBe('bad_request');
    expect(body.message).toBe('lead.email: Invalid input: expected string, received number');
    expect(body.issues).toEqual([{ path: 'lead.email', message: 'Invalid input: expected string, received number' }]);
  });

  it('400 for a lead without identity, a bad profile, a missing lead, invalid JSON', async () => {
    const app = await server();
    expect((await classify(app, { lead: { jobTitle: 'CTO' } })).json().message).toMatch(/^lead\.fullName: a lead needs/);
    expect((await classify(app, { lead: HOT_LEAD, profile: { name: '' } })).json().message).toMatch(/^profile\.name:/);
    expect((await classify(app, {})).json().message).toMatch(/^lead:/);
    const res = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: '{"lead":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_json');
  });

  it('413 over the 1 MB limit (room for a large profile, sent once)', async () => {
    const app = await server();
    const res = await classify(app, { lead: { ...HOT_LEAD, description: 'x'.repeat(1_100 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(res.json()).error).toBe('payload_too_large');
  });

  it('404 with an error body', async () => {
    const app = await server();
    const res = await app.inject({ method: 'GET', url: '/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(ApiErrorSchema.parse(res.json()).error).toBe('not_found');
  });
});

describe('auth', () => {
  const env = { PULSO_TEAM_TOKENS: 'rep-one,rep-two', PULSO_ADMIN_TOKEN: 'the-admin' };

  it('401 without or with a wrong token; 200 with a team or admin token; /healthz stays public', async () => {
    const app = await server(env);
    const none = await classify(app, { lead: HOT_LEAD });
    expect(none.statusCode).toBe(401);
    expect(ApiErrorSchema.parse(none.json()).error).toBe('unauthorized');
    expect((await classify(app, { lead: HOT_LEAD }, { authorization: 'Bearer nope' })).statusCode).toBe(401);
    expect((await classify(app, { lead: HOT_LEAD }, { authorization: 'rep-one' })).statusCode).toBe(401);
    expect((await classify(app, { lead: HOT_LEAD }, { authorization: 'Bearer rep-two' })).statusCode).toBe(200);
    expect((await classify(app, { lead: HOT_LEAD }, { authorization: 'Bearer the-admin' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('an admin token alone also protects /v1', async () => {
    const app = await server({ PULSO_ADMIN_TOKEN: 'only-admin' });
    expect((await classify(app, { lead: HOT_LEAD })).statusCode).toBe(401);
    expect((await classify(app, { lead: HOT_LEAD }, { authorization: 'Bearer only-admin' })).statusCode).toBe(200);
  });

  it('no tokens configured → open', async () => {
    const app = await server();
    expect((await classify(app, { lead: HOT_LEAD })).statusCode).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (app: FastifyInstance, origin: string) =>
    app.inject({
      method: 'OPTIONS',
      url: '/v1/leads/classify',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('allows the listed origins only (issue 9: no longer any browser-extension id)', async () => {
    const app = await server({ PULSO_TEAM_TOKENS: 't', PULSO_ALLOWED_ORIGINS: 'https://app.hubspot.com,chrome-extension://abcdefghijklmnop,moz-extension://1234-5678' });
    for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://1234-5678', 'https://app.hubspot.com']) {
      const res = await preflight(app, origin);
      expect(res.statusCode).toBeLessThan(300);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    }
    for (const other of ['https://evil.example', 'chrome-extension://another-extension']) {
      expect((await preflight(app, other)).headers['access-control-allow-origin']).toBeUndefined();
    }
    const get = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(get.headers['access-control-allow-origin']).toBe('chrome-extension://abcdefghijklmnop');
  });

  it('nothing listed: no origin is allowed, an extension id neither', async () => {
    const app = await server();
    expect((await preflight(app, 'chrome-extension://abcdefghijklmnop')).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('logs', () => {
  it('one access line per request, written when it is answered: method, path, status and time', async () => {
    const logs = captureLogs();
    const app = await server({ LOG_LEVEL: 'info' }, logs.stream);
    await classify(app, { lead: HOT_LEAD });
    await app.inject({ method: 'GET', url: '/nope' });
    type Line = { msg: string; reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number };
    const access = logs.lines.map((l) => JSON.parse(l) as Line).filter((l) => l.reqId);
    expect(access.map((l) => [l.msg, l.req?.method, l.req?.url, l.res?.statusCode])).toEqual([
      ['request completed', 'POST', '/v1/leads/classify', 200],
      ['request completed', 'GET', '/nope', 404],
    ]);
    for (const line of access) expect(line.responseTime).toBeGreaterThanOrEqual(0);
  });

  it('never contain the LLM key, the tokens or the Authorization header', async () => {
    const logs = captureLogs();
    const secrets = { LLM_API_KEY: 'sk-llm-SECRET-1', PULSO_TEAM_TOKENS: 'team-SECRET-2', PULSO_ADMIN_TOKEN: 'admin-SECRET-3' };
    const app = await server({ ...secrets, LLM_BASE_URL: fake.baseUrl, LOG_LEVEL: 'trace' }, logs.stream);
    await classify(app, { lead: HOT_LEAD }, { authorization: 'Bearer team-SECRET-2' });
    await classify(app, { lead: HOT_LEAD }, { authorization: 'Bearer wrong-SECRET-4' });
    fake.setMode('500');
    await classify(app, { lead: { ...HOT_LEAD, fullName: 'Not Cached' } }, { authorization: 'Bearer admin-SECRET-3' });
    await app.inject({ method: 'GET', url: '/readyz' });
    app.log.info({ config: testConfig({ ...secrets, LLM_BASE_URL: fake.baseUrl }) }, 'config dump attempt');
    app.log.info({ headers: { authorization: 'Bearer team-SECRET-2' } }, 'header dump attempt');

    const text = logs.text();
    expect(logs.lines.length).toBeGreaterThan(5);
    expect(text).toContain('[redacted]');
    const headerLine = logs.lines.find((l) => l.includes('"request headers"') && l.includes('authorization'));
    expect(headerLine).toContain('"authorization":"[redacted]"');
    expect(text).toMatch(/LLM lead classification failed/); // the fallback reason is logged
    for (const secret of ['sk-llm-SECRET-1', 'team-SECRET-2', 'admin-SECRET-3', 'wrong-SECRET-4']) expect(text).not.toContain(secret);
    // and the fake vLLM did receive the key (so it was really in play)
    expect(fake.chatRequests[0]!.headers.authorization).toBe('Bearer sk-llm-SECRET-1');
  });
});
