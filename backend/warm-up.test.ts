import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ClassifyLeadRequestSchema } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { classifyLeadByRules } from '../lib/rules/index';
import { buildServer } from './server';
import { captureLogs, testConfig } from './testing/helpers';
import { warmUpLead, warmUpRules, WARM_UP_ROUNDS } from './warm-up';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('warming the rules engine up', () => {
  it('runs the rounds it is given when time allows', () => {
    expect(warmUpRules(DEMO_PROFILE, { rounds: 40 })).toBe(40);
  });

  it('stops at its time budget, whatever the rounds', () => {
    let clock = 0;
    // Each reading of the clock advances it 10 ms: a budget of 55 ms allows the rounds started before 55.
    const rounds = warmUpRules(DEMO_PROFILE, { rounds: WARM_UP_ROUNDS, budgetMs: 55, now: () => (clock += 10) });
    expect(rounds).toBe(5);
  });

  it('classifies real work: every synthetic lead is a valid request, in both languages, with the injection screen and the review path taken', () => {
    const leads = Array.from({ length: 64 }, (_, i) => warmUpLead(i));
    for (const lead of leads) expect(ClassifyLeadRequestSchema.safeParse({ lead }).success).toBe(true);
    const results = leads.map((lead) => classifyLeadByRules(lead, DEMO_PROFILE));
    expect(new Set(results.map((r) => r.language))).toEqual(new Set(['es', 'en']));
    expect(results.some((r) => r.flags.includes('possible_injection'))).toBe(true);
    expect(new Set(results.map((r) => r.stage)).size).toBeGreaterThanOrEqual(3);
    // Texts differ from round to round, so no text memo answers a round for another.
    expect(new Set(leads.map((l) => l.description)).size).toBe(leads.length);
  });

  it('a server asked to warm up does it once ready, before it answers anything', async () => {
    const logs = captureLogs();
    const app = await buildServer(testConfig({ LOG_LEVEL: 'debug' }), { logStream: logs.stream, warmUp: true });
    apps.push(app);
    expect(logs.text()).not.toContain('rules engine warmed up');
    await app.ready();
    const line = logs.lines.map((l) => JSON.parse(l) as { msg: string; rounds?: number }).find((l) => l.msg === 'rules engine warmed up');
    expect(line?.rounds).toBeGreaterThan(0);
  });
});
