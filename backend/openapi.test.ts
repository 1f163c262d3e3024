import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { testConfig } from './testing/helpers';

// Issue 15: the OpenAPI document is generated from the zod schemas and covers every route.

let app: FastifyInstance;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  app = await buildServer(testConfig({ PULSO_TEAM_TOKENS: 'rep', PULSO_ADMIN_TOKEN: 'admin' }), {
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, unknown>; security?: unknown[] }>>;
}

describe('GET /docs/openapi.json', () => {
  it('is public and lists every route the server serves, with the body schemas from zod', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenApi;
    expect(doc.openapi).toMatch(/^3\./);
    const served = routes.filter((r) => !r.url.startsWith('/docs') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(served.length).toBeGreaterThanOrEqual(9);
    for (const route of served) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    const classify = doc.paths['/v1/leads/classify']!.post!;
    const schema = classify.requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['lead', 'profile', 'profileVersion']));
    expect(schema.required).toContain('lead');
    expect(Object.keys(classify.responses)).toEqual(expect.arrayContaining(['200', '400', '409', '429']));
  });

  it('/docs serves the HTML page without a token', async () => {
    let res = await app.inject({ method: 'GET', url: '/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) res = await app.inject({ method: 'GET', url: String(res.headers.location).replace(/^\.\//, '/docs/') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
