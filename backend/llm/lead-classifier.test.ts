import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LeadClassificationSchema, type LeadClassification } from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { classifyLeadByRules } from '../../lib/rules/index';
import { LEAD_PROMPT_VERSION, RULES_VERSION } from '../../lib/versions';
import { HOT_LEAD, INJECTION_LEAD, MQL_ANSWER } from '../testing/fixtures';
import { startFakeVllm, type FakeMode, type FakeVllm } from '../testing/fake-vllm';
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

function classifier(timeoutMs = 5_000, baseUrl = fake.baseUrl) {
  return createLeadClassifier({ baseUrl, model: 'openai/gpt-oss-20b', timeoutMs, apiKey: 'sk-test-secret' }, { logger });
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

  const faults: [FakeMode, string][] = [
    ['429', 'rate_limited'],
    ['500', 'server_error'],
    ['malformed', 'malformed_json'],
    ['schema_invalid', 'schema_invalid'],
  ];
  for (const [mode, reason] of faults) {
    it(`${mode} → the rules result, source "rules", reason logged`, async () => {
      fake.setMode(mode);
      const result = await classifier().classify(HOT_LEAD, DEMO_PROFILE);
      expect(result).toEqual({ ...classifyLeadByRules(HOT_LEAD, DEMO_PROFILE), source: 'rules' });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.obj.reason).toBe(reason);
      expect(fake.chatRequests).toHaveLength(1); // maxRetries: 0
    });
  }

  it('slow (beyond LLM_TIMEOUT_MS) → the rules result, reason timeout', async () => {
    fake.setMode('slow', { delayMs: 2_000 });
    const started = Date.now();
    const result = await classifier(200).classify(HOT_LEAD, DEMO_PROFILE);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result.source).toBe('rules');
    expect(warnings[0]!.obj.reason).toBe('timeout');
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
