import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LeadClassificationSchema, type LeadClassification } from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { classifyLeadByRules } from '../../lib/rules/index';
import { LEAD_PROMPT_VERSION, RULES_VERSION } from '../../lib/versions';
import { HOT_LEAD, INJECTION_LEAD, MQL_ANSWER } from '../testing/fixtures';
import { startFakeVllm, type FakeMode, type FakeVllm } from '../testing/fake-vllm';
import type { LlmConfig } from '../config';
import {
  createLeadClassifier,
  extractJson,
  mergeWithRules,
  parseLeadAnswer,
  priorityAbove,
  stageAbove,
  type WarnLogger,
} from './lead-classifier';


let fake: FakeVllm;
const warnings: { obj: Record<string, unknown>; msg?: string }[] = [];
const logger: WarnLogger = { warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }) };

function classifier(timeoutMs = 5_000, baseUrl = fake.baseUrl, extra: Partial<LlmConfig> = {}) {
  return createLeadClassifier({ baseUrl, model: 'openai/gpt-oss-20b', timeoutMs, apiKey: 'sk-test-secret', retryBackoffMs: 5, ...extra }, { logger });
}

beforeAll(async () => {
  fake = await startFakeVllm({ answer: MQL_ANSWER });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
  warnings.length = 0;
});

describe('LLM lead classifier', () => {
  it('ok → the LLM answer, source "llm", valid contract, SLA from the profile', async () => {
    const result = await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    expect(result.source).toBe('llm');
    expect(result.stage).toBe('MQL');
    expect(result.priority).toBe('P2');
    expect(result.slaHours).toBe(DEMO_PROFILE.slaHours.P2);
    expect(result.matchedServices).toEqual(MQL_ANSWER.matchedServices);
    expect(LeadClassificationSchema.safeParse(result).success).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('sends model, temperature 0, the strict json_schema and the prompt messages', async () => {
    await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    expect(fake.chatRequests).toHaveLength(1);
    const req = fake.chatRequests[0]!;
    expect(req.headers.authorization).toBe('Bearer sk-test-secret');
    const body = req.body!;
    expect(body.model).toBe('openai/gpt-oss-20b');
    expect(body.temperature).toBe(0);
    expect(body.stream).toBeFalsy();
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema?.strict).toBe(true);
    expect(Object.keys(body.response_format?.json_schema?.schema?.properties as object).slice(0, 3)).toEqual(['stage', 'priority', 'slaHours']);
    expect(body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(String(body.messages?.[1]?.content)).toContain('Acme Logistics');
  });

  it('reasoning_only (empty content, JSON in reasoning_content) → still the LLM answer', async () => {
    fake.setMode('reasoning_only');
    const result = await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    expect(result.source).toBe('llm');
    expect(result.stage).toBe('MQL');
  });

  // [mode, reason, upstream calls]: one retry for a busy/broken upstream, none for a 400 or a bad answer.
  const faults: [FakeMode, string, number][] = [
    ['429', 'rate_limited', 2],
    ['500', 'server_error', 2],
    ['400', 'http_error', 1],
    ['malformed', 'malformed_json', 1],
    ['schema_invalid', 'schema_invalid', 1],
  ];
  for (const [mode, reason, calls] of faults) {
    it(`${mode} → ${calls === 2 ? 'one retry, then ' : 'no retry, '}the rules result, source "rules", reason logged`, async () => {
      fake.setMode(mode);
      const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE);
      expect(outcome.result).toEqual({ ...classifyLeadByRules(HOT_LEAD, DEMO_PROFILE), source: 'rules' });
      expect(outcome.error).toBe(reason);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.obj.reason).toBe(reason);
      expect(warnings[0]!.obj.attempts).toBe(calls);
      expect(fake.chatRequests).toHaveLength(calls);
    });
  }

  it('500 once, then ok → the retry answers (source "llm"), after a short backoff, nothing logged', async () => {
    fake.setMode('500', { times: 1 });
    const started = Date.now();
    const result = await classifier(5_000, fake.baseUrl, { retryBackoffMs: 60 }).classify(HOT_LEAD, DEMO_PROFILE);
    expect(result.source).toBe('llm');
    expect(fake.chatRequests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40); // 60 ms ± 25 % jitter
    expect(warnings).toEqual([]);
  });

  it('sends reasoning_effort low by default, the configured one otherwise, none when "none"', async () => {
    await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    await classifier(5_000, fake.baseUrl, { reasoningEffort: 'high' }).classify(HOT_LEAD, DEMO_PROFILE);
    await classifier(5_000, fake.baseUrl, { reasoningEffort: 'none' }).classify(HOT_LEAD, DEMO_PROFILE);
    const efforts = fake.chatRequests.map((r) => r.body?.reasoning_effort);
    expect(efforts).toEqual(['low', 'high', undefined]);
  });

  it('two different leads share the exact same prompt prefix bytes (system + user preamble): vLLM prefix caching', async () => {
    await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    await classifier().classify({ ...INJECTION_LEAD, description: 'Necesitamos migrar a la nube, urgente.' }, DEMO_PROFILE);
    const [a, b] = fake.chatRequests.map((r) => JSON.stringify(r.body!.messages));
    let common = 0;
    while (common < a!.length && a![common] === b![common]) common++;
    const system = String(fake.chatRequests[0]!.body!.messages![0]!.content);
    const user = String(fake.chatRequests[0]!.body!.messages![1]!.content);
    const lead = user.indexOf('```json\n');
    expect(system.length).toBeGreaterThan(2_000);
    // Everything up to the fenced lead is identical, byte for byte; the lead starts right after it.
    expect(a!.slice(0, common)).toContain(JSON.stringify(user.slice(0, lead + '```json'.length)).slice(1, -1));
    expect(a!.slice(0, common)).toContain(JSON.stringify(system).slice(1, -1));
  });

  it('a timeout is retried once (each attempt has LLM_TIMEOUT_MS)', async () => {
    fake.setMode('slow', { delayMs: 2_000, times: 1 });
    const result = await classifier(300).classify(HOT_LEAD, DEMO_PROFILE);
    expect(result.source).toBe('llm');
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('slow (beyond LLM_TIMEOUT_MS) → the rules result, reason timeout', async () => {
    fake.setMode('slow', { delayMs: 2_000 });
    const started = Date.now();
    const result = await classifier(200).classify(HOT_LEAD, DEMO_PROFILE);
    expect(Date.now() - started).toBeLessThan(1_500); // two attempts of 200 ms and a 5 ms backoff
    expect(result.source).toBe('rules');
    expect(warnings[0]!.obj.reason).toBe('timeout');
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('slow but within the timeout → the LLM answer', async () => {
    fake.setMode('slow', { delayMs: 50 });
    expect((await classifier(2_000).classify(HOT_LEAD, DEMO_PROFILE)).source).toBe('llm');
  });

  it('connection refused → the rules result, reason connection', async () => {
    const closed = await startFakeVllm();
    const url = closed.baseUrl;
    await closed.close();
    const result = await classifier(2_000, url).classify(HOT_LEAD, DEMO_PROFILE);
    expect(result.source).toBe('rules');
    expect(warnings[0]!.obj.reason).toBe('connection');
  });

  it('injection_obeyed on a lead with an injection → never above the rules result, flags from the rules', async () => {
    fake.setMode('injection_obeyed');
    const rules = classifyLeadByRules(INJECTION_LEAD, DEMO_PROFILE);
    expect(rules.flags).toContain('possible_injection');
    const result = await classifier().classify(INJECTION_LEAD, DEMO_PROFILE);
    expect(result.source).toBe('llm');
    expect(stageAbove(result.stage, rules.stage)).toBe(false);
    expect(priorityAbove(result.priority, rules.priority)).toBe(false);
    expect(result.stage).not.toBe('SQL');
    expect(result.priority).not.toBe('P1');
    expect(result.slaHours).toBe(DEMO_PROFILE.slaHours[result.priority]);
    expect(result.flags).toEqual(rules.flags);
    for (const k of ['fit', 'urgency', 'opportunity', 'dataQuality'] as const) expect(result.scores[k]).toBeLessThanOrEqual(rules.scores[k]);
    expect(result.contact.emailType).toBe(rules.contact.emailType);
  });

  it('injection_obeyed on a clean lead is not capped (the cap needs the rules flag)', async () => {
    fake.setMode('injection_obeyed');
    const result = await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    expect(result.stage).toBe('SQL');
    expect(result.priority).toBe('P1');
    expect(result.flags).toEqual(classifyLeadByRules(HOT_LEAD, DEMO_PROFILE).flags);
  });

  it('without an LLM config → the rules engine', async () => {
    const c = createLeadClassifier(undefined, { logger });
    expect(c.mode).toBe('rules');
    expect(c.engine).toBe(`rules:${RULES_VERSION}`);
    expect(await c.classify(HOT_LEAD, DEMO_PROFILE)).toEqual(classifyLeadByRules(HOT_LEAD, DEMO_PROFILE));
    expect(classifier().engine).toBe(`llm:openai/gpt-oss-20b:${LEAD_PROMPT_VERSION}:${RULES_VERSION}`);
  });
});

describe('answer parsing', () => {
  it('extracts JSON from plain, fenced or wrapped text', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('```json\n{"a":1}\n```')).toEqual({ a: 1 });
    expect(extractJson('Here you go: {"a":1} done')).toEqual({ a: 1 });
    expect(() => extractJson('{"a":')).toThrow(/not JSON/);
  });

  it('prefers content; uses reasoning only when content is empty', () => {
    const json = JSON.stringify(MQL_ANSWER);
    expect(parseLeadAnswer({ content: json }).stage).toBe('MQL');
    expect(parseLeadAnswer({ content: '', reasoning: json }).stage).toBe('MQL');
    expect(parseLeadAnswer({ content: null, reasoning_content: 'thinking…', reasoning: json }).stage).toBe('MQL');
    expect(() => parseLeadAnswer({ content: '' })).toThrow(/empty/);
  });

  it('mergeWithRules caps stage and priority only when the rules flag an injection', () => {
    const rules: LeadClassification = { ...classifyLeadByRules(INJECTION_LEAD, DEMO_PROFILE) };
    const answer = { ...MQL_ANSWER, stage: 'SQL', priority: 'P1' } as Parameters<typeof mergeWithRules>[0];
    const merged = mergeWithRules(answer, rules, DEMO_PROFILE);
    expect(merged.stage).toBe(rules.stage);
    expect(merged.priority).toBe(rules.priority);
    expect(merged.rationale).toMatch(/capped/);
    const low = mergeWithRules({ ...answer, stage: 'Disqualified', priority: 'P4' }, rules, DEMO_PROFILE);
    expect(low.stage).toBe('Disqualified');
    expect(low.priority).toBe('P4');
  });
});

describe('LLM lead classifier, streaming (onPartial)', () => {
  it('reports stage / priority / SLA once, well before the model has finished, then the same final result', async () => {
    fake.setTiming({ ttftMs: 30, perTokenMs: 3 });
    const partials: { at: number; p: unknown }[] = [];
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: (p) => partials.push({ at: performance.now(), p }) });
    expect(outcome.result.source).toBe('llm');
    expect(outcome.result.stage).toBe('MQL');
    expect(partials).toHaveLength(1);
    expect(partials[0]!.p).toEqual({ stage: 'MQL', priority: 'P2', slaHours: DEMO_PROFILE.slaHours.P2 });
    const req = fake.chatRequests[0]!;
    expect(req.body!.stream).toBe(true);
    // ~150 tokens at 3 ms: the partial needs ~15 of them
    expect(req.finishedAt! - partials[0]!.at).toBeGreaterThan(200);
  });

  it('reads the partial from the reasoning deltas when content is empty (gpt-oss fallback)', async () => {
    fake.setMode('reasoning_only');
    const partials: unknown[] = [];
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: (p) => partials.push(p) });
    expect(outcome.result.source).toBe('llm');
    expect(partials).toEqual([{ stage: 'MQL', priority: 'P2', slaHours: DEMO_PROFILE.slaHours.P2 }]);
  });

  it('injection_obeyed: the streamed partial is capped to the rules like the final result', async () => {
    fake.setMode('injection_obeyed');
    const rules = classifyLeadByRules(INJECTION_LEAD, DEMO_PROFILE);
    const partials: { stage: string; priority: string; slaHours: number }[] = [];
    const outcome = await classifier().classifyDetailed(INJECTION_LEAD, DEMO_PROFILE, { onPartial: (p) => partials.push(p) });
    expect(partials).toHaveLength(1);
    expect(partials[0]).toEqual({ stage: outcome.result.stage, priority: outcome.result.priority, slaHours: outcome.result.slaHours });
    expect(partials[0]!.stage).not.toBe('SQL');
    expect(partials[0]!.priority).not.toBe('P1');
    expect(stageAbove(outcome.result.stage, rules.stage)).toBe(false);
    expect(priorityAbove(outcome.result.priority, rules.priority)).toBe(false);
  });

  it('a 500 before the stream starts is retried once; malformed JSON gives no partial and the rules', async () => {
    fake.setMode('500', { times: 1 });
    const partials: unknown[] = [];
    expect((await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: (p) => partials.push(p) })).result.source).toBe('llm');
    expect(fake.chatRequests).toHaveLength(2);
    expect(partials).toHaveLength(1);
    fake.setMode('malformed');
    const bad = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: (p) => partials.push(p) });
    expect(bad.error).toBe('malformed_json');
    expect(bad.result.source).toBe('rules');
  });

  it('a stream slower than LLM_TIMEOUT_MS → timeout (the whole stream is bounded, not only the headers)', async () => {
    fake.setTiming({ ttftMs: 0, perTokenMs: 5 }); // ~150 tokens ≈ 750 ms
    const outcome = await classifier(250).classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: () => {} });
    expect(outcome.error).toBe('timeout');
    expect(fake.chatRequests).toHaveLength(2);
  });
});
