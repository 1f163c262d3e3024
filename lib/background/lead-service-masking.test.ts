import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { classifyLeadByRules } from '../rules';
import { SettingsSchema } from '../settings';
import { PulsoDb } from './db';
import { createLeadService } from './lead-service';
import { ResultCache } from './result-cache';
import { testBackend } from './test-backend';

const lead = {
  fullName: 'María González',
  jobTitle: 'CTO',
  company: 'Metalúrgica Andina',
  email: 'maria.gonzalez@metalurgicaandina.cl',
  phone: '+56 2 2345 6789',
  description: 'Fallo crítico en los backups; su móvil +56 9 8765 4321.',
};
const page = { crm: 'hubspot' as const, recordId: '101', url: 'https://app.hubspot.com/contacts/1/record/0-1/101', recordType: 'contact' as const };

/** Records every body that would leave the browser. */
function recordingBackend() {
  const sent: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/healthz')) return Response.json({ ok: true, version: '0.1.0', mode: 'rules', engine: 'rules:test' });
    sent.push(String(init?.body));
    const body = JSON.parse(String(init?.body));
    if (url.endsWith('/v1/leads/classify-batch')) {
      return Response.json({ results: body.leads.map((l: typeof lead, index: number) => ({ index, result: classifyLeadByRules(l, DEMO_PROFILE) })) });
    }
    return Response.json(classifyLeadByRules(body.lead, DEMO_PROFILE));
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const service = (maskContacts: boolean, fetchImpl: typeof fetch) =>
  createLeadService({
    cache: new ResultCache(new PulsoDb(`mask-${Math.random()}`)),
    backend: testBackend(fetchImpl),
    readProfile: async () => DEMO_PROFILE,
    readSettings: async () => SettingsSchema.parse({ privacy: { maskContacts } }),
  });

describe('privacy: masking before anything leaves the browser', () => {
  it('with masking on, the backend never sees the email local part nor the phone numbers', async () => {
    const backend = recordingBackend();
    const reply = await service(true, backend.fetchImpl).classify({ lead, page });
    expect(reply.origin).toBe('backend');
    expect(reply.result.contact.emailType).toBe('CORPORATE'); // the domain still tells corporate from free
    await service(true, backend.fetchImpl).classifyBatch({ items: [{ recordId: '101', lead }], page: { crm: 'hubspot', url: page.url, recordType: 'contact' } });
    expect(backend.sent).toHaveLength(2);
    for (const body of backend.sent) {
      expect(body).toContain('m***@metalurgicaandina.cl');
      expect(body).not.toContain('maria.gonzalez');
      expect(body).not.toContain('2345 6789');
      expect(body).not.toContain('8765 4321');
    }
  });

  it('with masking off (the default), the lead goes as read', async () => {
    const backend = recordingBackend();
    await service(false, backend.fetchImpl).classify({ lead, page });
    expect(backend.sent[0]).toContain('maria.gonzalez@metalurgicaandina.cl');
  });
});
