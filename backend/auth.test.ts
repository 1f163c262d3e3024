import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { buildServer } from './server';
import { HOT_LEAD } from './testing/fixtures';
import { testConfig } from './testing/helpers';

// The bypass lived between the raw request target and the router's decoded path, which
// app.inject() normalises away; so these tests speak HTTP/1.1 over a real socket.

const TEAM = 'rep-token-one';
const ADMIN = 'admin-token-one';

let app: FastifyInstance;
let port: number;
/** Every route the server registers, with its declared access. */
const registered: { method: string; url: string; access: string }[] = [];

beforeAll(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  app = await buildServer(testConfig({ PULSO_TEAM_TOKENS: TEAM, PULSO_ADMIN_TOKEN: ADMIN, PULSO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulso-auth-')) }), {
    onRoute: (route) => {
      const access = (route.config as { access?: string } | undefined)?.access ?? 'team';
      for (const method of [route.method].flat()) registered.push({ method, url: route.url, access });
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
});

/** Sends one raw HTTP/1.1 request with exactly this request target; resolves the status code. */
function raw(method: string, target: string, body?: unknown, headers: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close'];
    if (payload) lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(payload)}`);
    for (const [k, v] of Object.entries(headers)) if (v !== undefined) lines.push(`${k}: ${v}`);
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${payload}`));
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`no HTTP status in ${JSON.stringify(text.slice(0, 80))}`));
    });
  });
}

const conversation = { messages: [{ direction: 'in', text: '¿Tienen stock de la escalera?' }] };
const ROUTES: Array<{ method: string; path: string; body?: unknown }> = [
  { method: 'GET', path: '/v1/profile' },
  { method: 'HEAD', path: '/v1/profile' },
  { method: 'PUT', path: '/v1/profile', body: { profile: DEMO_PROFILE } },
  { method: 'GET', path: '/v1/selectors' },
  { method: 'HEAD', path: '/v1/selectors' },
  { method: 'PUT', path: '/v1/selectors', body: { version: '1', signature: 'AAAA', sites: {} } },
  { method: 'POST', path: '/v1/leads/classify', body: { lead: HOT_LEAD } },
  { method: 'POST', path: '/v1/leads/classify-batch', body: { leads: [HOT_LEAD] } },
  { method: 'POST', path: '/v1/conversations/triage', body: { conversation } },
  { method: 'POST', path: '/v1/conversations/draft', body: { conversation } },
  {
    method: 'POST',
    path: '/v1/feedback',
    body: { kind: 'draft', eventId: 'evt-auth-0001', strategy: 'technical', intent: 'other', segment: 'unknown', outcome: 'inserted' },
  },
  { method: 'GET', path: '/v1/policy' },
  { method: 'HEAD', path: '/v1/policy' },
  { method: 'GET', path: '/v1/feedback/stats' },
  { method: 'HEAD', path: '/v1/feedback/stats' },
  { method: 'POST', path: '/v1/campaigns/draft', body: { lead: HOT_LEAD } },
];

/** Every spelling of a /v1 path that a router might reach: percent-encoding, absolute form, double slash, case. */
function spellings(path: string): string[] {
  const rest = path.slice('/v1'.length);
  return [
    path,
    `/%761${rest}`,
    `/v%31${rest}`,
    `/%76%31${rest}`,
    `http://127.0.0.1${path}`,
    `http://127.0.0.1:${port}/%761${rest}`,
    `/${path}`,
    `//v1${rest.replace('/', '//')}`,
    `/V1${rest}`,
    `${path}?x=1`,
    `${path}#frag`,
    `${path}/`,
    `/v1/.${rest}`,
    `/v1/x/..${rest}`,
  ];
}

describe('every /v1 route × every request-target spelling is denied without the right token', () => {
  it('the list below covers every route that is not public (a route added later must join it)', () => {
    // /docs/* is public documentation: registerDocs marks its scope public after this hook has seen it (openapi.test.ts reads it without a token).
    const guarded = registered.filter((r) => r.access !== 'public' && r.method !== 'OPTIONS' && !r.url.startsWith('/docs'));
    expect(guarded.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const r of guarded) expect(ROUTES.some((x) => x.method === r.method && x.path === r.url), `${r.method} ${r.url}`).toBe(true);
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}`, async () => {
      for (const target of spellings(route.path)) {
        for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: TEAM }, { Authorization: `Basic ${TEAM}` }]) {
          const status = await raw(route.method, target, route.body, headers);
          // 401 (no valid token), or the router never matched (400/404): never a 2xx or a 5xx.
          expect([400, 401, 404], `${route.method} ${target} ${JSON.stringify(headers)} → ${status}`).toContain(status);
        }
      }
    });
  }

  it('the same spellings that reach a route with a valid token are the ones denied without it', async () => {
    for (const target of spellings('/v1/profile')) {
      const withToken = await raw('GET', target, undefined, { Authorization: `Bearer ${TEAM}` });
      const without = await raw('GET', target);
      if (withToken === 200) expect(without, target).toBe(401);
    }
    expect(await raw('GET', '/%761/profile', undefined, { Authorization: `Bearer ${TEAM}` })).toBe(200);
  });

  it('admin-only routes: a team token gets 403 on every spelling, the admin 200', async () => {
    for (const target of ['/v1/profile', '/%761/profile', 'http://127.0.0.1/v1/profile']) {
      expect(await raw('PUT', target, { profile: DEMO_PROFILE }, { Authorization: `Bearer ${TEAM}` }), target).toBe(403);
    }
    expect(await raw('PUT', '/v1/profile', { profile: DEMO_PROFILE }, { Authorization: `Bearer ${ADMIN}` })).toBe(200);
    for (const target of ['/v1/selectors', '/%761/selectors', 'http://127.0.0.1/v1/selectors']) {
      expect(await raw('PUT', target, { version: '1', signature: 'AAAA', sites: {} }, { Authorization: `Bearer ${TEAM}` }), target).toBe(403);
    }
  });

  it('public routes stay public', async () => {
    for (const target of ['/healthz', '/readyz', '/metrics']) expect(await raw('GET', target), target).toBe(200);
  });
});

describe('deny by default', () => {
  it('a route registered without an access level needs a token', async () => {
    const a = await buildServer(testConfig({ PULSO_TEAM_TOKENS: TEAM }), {
      extraRoutes: async (s) => {
        s.get('/internal/undeclared', async () => ({ secret: true }));
      },
    });
    expect((await a.inject({ method: 'GET', url: '/internal/undeclared' })).statusCode).toBe(401);
    expect((await a.inject({ method: 'GET', url: '/internal/undeclared', headers: { authorization: `Bearer ${TEAM}` } })).statusCode).toBe(200);
    await a.close();
  });
});
