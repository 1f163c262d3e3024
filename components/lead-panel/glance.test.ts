import { describe, expect, it } from 'vitest';
import type { LeadClassification, LeadResultReply, ScrapeResult } from '@/lib/contracts';
import { leadGlance } from './glance';
import type { PanelState } from './store';

const result: LeadClassification = {
  stage: 'MQL', priority: 'P3', slaHours: 24,
  scores: { fit: 60, urgency: 30, opportunity: 40, dataQuality: 70 },
  contact: { seniority: 'MANAGER', roleType: 'INFLUENCER', decisionPower: 'MEDIUM', emailType: 'CORPORATE' },
  summary: 's', detectedNeeds: [], matchedServices: [], nextSteps: [], recommendedOwner: 'SDR', rationale: 'r', source: 'rules', flags: [],
};
const scrape: ScrapeResult = { crm: 'hubspot', kind: 'record', url: 'https://app.hubspot.com/contacts/1/record/0-1/7', recordType: 'contact', recordId: '7', fields: { fullName: 'A B' }, rows: [], missing: [] };
const reply = (origin: LeadResultReply['origin'], latencyMs = 40.4): LeadResultReply => ({ result, origin, engine: 'rules-6', latencyMs });
const facts = (state: PanelState, lang: 'en' | 'es' = 'en') => Object.fromEntries((leadGlance(state, false, lang)?.facts ?? []).map((fact) => [fact.testId, fact.value]));

describe('leadGlance', () => {
  it('shows nothing while idle or collapsed', () => {
    expect(leadGlance({ status: 'idle' }, false, 'en')).toBeNull();
    expect(leadGlance({ status: 'ready', recordId: '7', scrape, reply: reply('backend'), pending: false }, true, 'en')).toBeNull();
  });

  it('shows the state line while waiting, unreadable or failed', () => {
    expect(leadGlance({ status: 'waiting', recordId: '7' }, false, 'en')).toMatchObject({ state: 'waiting', note: 'Waiting for the record to load…' });
    expect(leadGlance({ status: 'unreadable', recordId: '7', missing: ['email', 'company'] }, false, 'en')?.note).toBe('Pulso could not read: email, company');
    expect(leadGlance({ status: 'error', recordId: '7', message: 'boom' }, false, 'en')?.note).toContain('boom');
  });

  it('shows stage, priority and SLA with the origin line of the full panel', () => {
    const content = leadGlance({ status: 'ready', recordId: '7', scrape, reply: reply('backend'), pending: false }, false, 'en')!;
    expect(facts({ status: 'ready', recordId: '7', scrape, reply: reply('backend'), pending: false })).toEqual({ 'pulso-stage': 'MQL', 'pulso-priority': 'P3', 'pulso-sla': '24 h' });
    expect(content.origin).toEqual({ text: 'From the backend · 40 ms', origin: 'backend', pending: false });
    expect(content.facts?.some((fact) => fact.urgent)).toBe(false);
  });

  it("shows the model's early fields over the preview while it writes, and flags a P1", () => {
    const state: PanelState = { status: 'ready', recordId: '7', scrape, reply: reply('preview'), pending: true, partial: { stage: 'SQL', priority: 'P1', slaHours: 1 } };
    expect(facts(state)).toEqual({ 'pulso-stage': 'SQL', 'pulso-priority': 'P1', 'pulso-sla': '1 h' });
    const content = leadGlance(state, false, 'en')!;
    expect(content.origin).toMatchObject({ origin: 'partial', pending: true });
    expect(content.facts?.find((fact) => fact.testId === 'pulso-priority')?.urgent).toBe(true);
    // The preview alone says it is one, with no latency.
    expect(leadGlance({ ...state, partial: undefined }, false, 'en')?.origin?.text).not.toContain('ms');
  });

  it('speaks the UI language', () => {
    const state: PanelState = { status: 'ready', recordId: '7', scrape, reply: reply('cache'), pending: false };
    const es = leadGlance(state, false, 'es')!;
    const en = leadGlance(state, false, 'en')!;
    expect(es.regionLabel).not.toBe(en.regionLabel);
    expect(es.facts?.map((fact) => fact.label)).not.toEqual(en.facts?.map((fact) => fact.label));
  });
});
