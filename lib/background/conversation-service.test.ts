import { describe, expect, it } from 'vitest';
import { ConversationSchema, type ConversationTriage } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { SettingsSchema } from '../settings';
import { createConversationService } from './conversation-service';
import { testBackend } from './test-backend';

const conversation = ConversationSchema.parse({
  contact: { name: 'María' },
  messages: [
    { direction: 'in', text: 'Hola, quiero hablar con una persona, el pedido llegó roto y nadie me responde' },
    { direction: 'note', text: 'NOTA INTERNA: cliente moroso, no ofrecer descuento' },
  ],
});
const page = { crm: 'whatsapp' as const, recordId: '34600111222@c.us', url: 'https://web.whatsapp.com/', recordType: 'chat' as const };

function service(fetchImpl: typeof fetch) {
  return createConversationService({ backend: testBackend(fetchImpl), readProfile: async () => DEMO_PROFILE, readSettings: async () => SettingsSchema.parse({}) });
}

describe('conversation service (background route)', () => {
  it('answers the preview from the rules without calling the backend', async () => {
    let calls = 0;
    const reply = await service((async () => (calls++, Response.json({}))) as typeof fetch).triage({ conversation, phase: 'preview', page });
    expect(reply.origin).toBe('preview');
    expect(reply.triage.source).toBe('rules');
    expect(calls).toBe(0);
  });

  it('takes the backend triage and draft when it answers', async () => {
    const backendTriage: ConversationTriage = {
      intent: 'complaint', confidence: 0.9, escalate: true, escalationReason: 'asks for a human', department: 'Soporte', clarifyingQuestion: '',
      sentiment: -0.7, conformity: 'low', handoffSummary: 'María: pedido roto', source: 'llm', flags: [],
    };
    const fetchImpl = (async (input: RequestInfo | URL) =>
      String(input).endsWith('/triage')
        ? Response.json(backendTriage)
        : Response.json({ strategy: 'escalate', language: 'es', text: 'Hola María…', safety: { ok: true, issues: [] }, source: 'llm' })) as typeof fetch;
    const svc = service(fetchImpl);
    expect((await svc.triage({ conversation, phase: 'final', page })).triage).toEqual(backendTriage);
    const draft = await svc.draft({ conversation, page, strategy: 'escalate' });
    expect(draft).toMatchObject({ origin: 'backend', draft: { source: 'llm', strategy: 'escalate' } });
  });

  it('falls back to the rules engine when the backend is down, and never quotes internal notes', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const svc = service(down);
    const triage = await svc.triage({ conversation, phase: 'final', page });
    expect(triage).toMatchObject({ origin: 'offline', triage: { source: 'rules' } });
    expect(triage.error).toMatch(/unreachable/);
    const draft = await svc.draft({ conversation, page });
    expect(draft).toMatchObject({ origin: 'offline', draft: { source: 'rules', language: 'es' } });
    expect(draft.draft.text).not.toMatch(/moroso|descuento/i);
  });

  it('masks emails and phones before they leave the browser when privacy asks for it', async () => {
    const bodies: string[] = [];
    const fetchImpl = (async (_: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(String(init?.body));
      return Response.json({}, { status: 500 });
    }) as typeof fetch;
    const masked = createConversationService({
      backend: testBackend(fetchImpl),
      readProfile: async () => DEMO_PROFILE,
      readSettings: async () => SettingsSchema.parse({ privacy: { maskContacts: true } }),
    });
    const chat = ConversationSchema.parse({
      contact: { name: 'María', email: 'maria.jose@gmail.com', phone: '+34 600 111 222' },
      messages: [{ direction: 'in', text: 'Escribidme a maria.jose@gmail.com o al +34 600 111 222' }],
    });
    await masked.triage({ conversation: chat, phase: 'final', page });
    await masked.draft({ conversation: chat, page });
    expect(bodies).toHaveLength(2);
    for (const body of bodies) {
      expect(body).not.toContain('maria.jose@gmail.com');
      expect(body).not.toContain('600 111 222');
    }
  });
});
