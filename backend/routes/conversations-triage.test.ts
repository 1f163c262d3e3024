import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorSchema, ConversationTriageSchema } from '../../lib/contracts';
import { buildServer } from '../server';
import { testConfig } from '../testing/helpers';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
async function server(env: Record<string, string> = {}) {
  const app = await buildServer(testConfig(env));
  apps.push(app);
  return app;
}
const body = { conversation: { messages: [{ direction: 'in', text: '¿Tienen en stock la silla Atlas?' }] } };

describe('POST /v1/conversations/triage', () => {
  it('answers a ConversationTriage (rules mode)', async () => {
    const app = await server();
    const res = await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: body });
    expect(res.statusCode).toBe(200);
    const r = ConversationTriageSchema.parse(res.json());
    expect(r.intent).toBe('inventory');
    expect(r.source).toBe('rules');
  });
  it('400 names the field', async () => {
    const app = await server();
    const res = await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: { conversation: { messages: [{ direction: 'sideways', text: 'x' }] } } });
    expect(res.statusCode).toBe(400);
    const err = ApiErrorSchema.parse(res.json());
    expect(err.error).toBe('bad_request');
    expect(err.message).toContain('conversation.messages.0.direction');
    const missing = await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: {} });
    expect(missing.json().message).toContain('conversation');
  });
  it('needs the bearer token like the other /v1 routes', async () => {
    const app = await server({ PULSO_TEAM_TOKENS: 'secret-token' });
    expect((await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: body })).statusCode).toBe(401);
    const ok = await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: body, headers: { authorization: 'Bearer secret-token' } });
    expect(ok.statusCode).toBe(200);
  });
  it('accepts a profile in the body', async () => {
    const app = await server();
    const res = await app.inject({ method: 'POST', url: '/v1/conversations/triage', payload: { ...body, profile: { name: 'Tienda Uno' } } });
    expect(res.statusCode).toBe(200);
  });
});
