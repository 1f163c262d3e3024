import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LeadClassificationSchema, type LeadClassification } from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { classifyLeadByRules } from '../../lib/rules/index';
import { LEAD_PROMPT_VERSION, RULES_VERSION } from '../../lib/versions';
import { HOT_LEAD, INJECTION_LEAD, MQL_ANSWER } from '../testing/fixtures';
import { draftOf, startFakeVllm, type FakeMode, type FakeVllm } from '../testing/fake-vllm';
import type { LlmConfig } from '../config';
import { LEAD_BUDGET } from '../../lib/llm/output-budget';
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

  it('reasoning_only (content null, a complete answer drafted in the reasoning) → the rules answer, flagged empty_content, not retried', async () => {
    fake.setMode('reasoning_only');
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE);
    expect(fake.chatRequests[0]!.reasoning).toContain(JSON.stringify(MQL_ANSWER));
    expect(outcome.result).toEqual({ ...classifyLeadByRules(HOT_LEAD, DEMO_PROFILE), source: 'rules' });
    expect(outcome.error).toBe('empty_content');
    expect(fake.chatRequests).toHaveLength(1);
    expect(warnings[0]!.obj.detail).toMatch(/reasoning has \d+ chars; never used/);
  });

  it('every upstream request carries the lead output cap (max_tokens), streaming or not', async () => {
    await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: () => {} });
    expect(fake.chatRequests.map((r) => [r.body!.stream ?? false, r.body!.max_tokens])).toEqual([
      [false, LEAD_BUDGET.maxTokens],
      [true, LEAD_BUDGET.maxTokens],
    ]);
    expect(LEAD_BUDGET.maxTokens).toBeLessThan(4_000);
  });

  for (const mode of ['length', 'whitespace_loop'] as const) {
    it(`${mode}: the output cap ends the request with finish_reason "length" → rules, reason length, never retried`, async () => {
      fake.setMode(mode);
      const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE);
      expect(fake.chatRequests).toHaveLength(1);
      expect(fake.chatRequests[0]!.completionTokens).toBe(LEAD_BUDGET.maxTokens);
      expect(outcome.error).toBe('length');
      expect(outcome.result.source).toBe('rules');
    });
  }

  // [mode, reason, upstream calls]: one retry for a busy/broken upstream, none for a 400 or a bad answer.
  const faults: [FakeMode, string, number][] = [
    ['429', 'rate_limited', 2],
    ['500', 'server_error', 2],
    ['400', 'http_error', 1],
    ['stream_error', 'server_error', 2],
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

  it('sends reasoning_effort low by default, the configured one otherwise', async () => {
    await classifier().classify(HOT_LEAD, DEMO_PROFILE);
    await classifier(5_000, fake.baseUrl, { reasoningEffort: 'high' }).classify(HOT_LEAD, DEMO_PROFILE);
    const efforts = fake.chatRequests.map((r) => r.body?.reasoning_effort);
    expect(efforts).toEqual(['low', 'high']);
  });

  it('a 503 with Retry-After: 5 is not retried sooner; then the retry answers', async () => {
    fake.setMode('503', { times: 1 });
    const result = await classifier(5_000).classifyDetailed(HOT_LEAD, DEMO_PROFILE, { deadlineAt: Date.now() + 15_000 });
    expect(result.result.source).toBe('llm');
    expect(fake.chatRequests.map((r) => r.status)).toEqual([503, 200]);
    expect(fake.chatRequests[1]!.at - fake.chatRequests[0]!.at).toBeGreaterThanOrEqual(5_000);
  });

  it('a 503 whose Retry-After the budget cannot cover → the rules answer at once, reason overloaded, one request', async () => {
    fake.setMode('503');
    const outcome = await classifier(5_000).classifyDetailed(HOT_LEAD, DEMO_PROFILE, { deadlineAt: Date.now() + 4_000 });
    expect(outcome.error).toBe('overloaded');
    expect(fake.chatRequests).toHaveLength(1);
    expect(warnings[0]!.obj.noRetry).toMatch(/a retry after 5000 ms would leave 0 ms/);
  });

  it("the caller's deadline bounds the attempt, and the caller's abort cancels the upstream request", async () => {
    fake.setMode('slow', { delayMs: 2_000 });
    const late = await classifier(5_000).classifyDetailed(HOT_LEAD, DEMO_PROFILE, { deadlineAt: Date.now() + 150 });
    expect(late.error).toBe('timeout');
    expect(fake.chatRequests).toHaveLength(1);
    await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);

    fake.reset();
    fake.setTiming({ perTokenMs: 20 });
    const controller = new AbortController();
    const running = classifier(5_000).classifyDetailed(HOT_LEAD, DEMO_PROFILE, { signal: controller.signal, onPartial: () => {} });
    await expect.poll(() => fake.load.running).toBe(1);
    controller.abort();
    const gone = await running;
    expect(gone.error).toBe('aborted');
    expect(gone.result.source).toBe('rules');
    await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('a budget already spent makes no upstream request', async () => {
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { deadlineAt: Date.now() - 1 });
    expect(outcome.error).toBe('deadline');
    expect(fake.chatRequests).toHaveLength(0);
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

  it('a time-out of a deterministic request (temperature 0) is not retried: it would run out of time again', async () => {
    fake.setMode('slow', { delayMs: 2_000, times: 1 });
    const outcome = await classifier(300).classifyDetailed(HOT_LEAD, DEMO_PROFILE);
    expect(outcome.error).toBe('timeout');
    expect(outcome.result.source).toBe('rules');
    expect(fake.chatRequests).toHaveLength(1);
    expect(warnings[0]!.obj.attempts).toBe(1);
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

  it('reads the answer from content only: empty content or a cut-off output is a named failure whatever the reasoning holds', () => {
    const json = JSON.stringify(MQL_ANSWER);
    expect(parseLeadAnswer({ message: { content: json, reasoning: 'thinking…' }, finishReason: 'stop' }).stage).toBe('MQL');
    expect(() => parseLeadAnswer({ message: { content: '', reasoning: json }, finishReason: 'stop' })).toThrow(expect.objectContaining({ reason: 'empty_content' }));
    expect(() => parseLeadAnswer({ message: { content: null, reasoning_content: json, reasoning: json }, finishReason: 'stop' })).toThrow(expect.objectContaining({ reason: 'empty_content' }));
    expect(() => parseLeadAnswer({ message: { content: null, reasoning: json }, finishReason: 'length' })).toThrow(expect.objectContaining({ reason: 'length' }));
    expect(() => parseLeadAnswer({ message: { content: json }, finishReason: 'length' })).toThrow(expect.objectContaining({ reason: 'length' }));
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
  it('what a rep really sees: no partial while the model is still analysing, then the final verdict once, before the full answer', async () => {
    // gpt-oss may open its analysis with a JSON draft it later drops: SQL/P1 here, MQL/P2 in the answer.
    fake.setReasoning((_body, answer) => `${JSON.stringify(draftOf(answer))} is a first guess. No: the urgency does not support it. Revise.`);
    // The stream stops after 20 answer tokens until the partial is seen: the partial provably came before the full answer.
    const release = fake.holdContentAfter(20);
    const seen: { partial: unknown; contentStarted: boolean; answerFinished: boolean }[] = [];
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, {
      onPartial: (partial) => {
        const req = fake.chatRequests[0]!;
        seen.push({ partial, contentStarted: req.firstContentAt !== undefined, answerFinished: req.finishedAt !== undefined });
        release();
      },
    });
    expect(outcome.result.source).toBe('llm');
    expect(outcome.result.stage).toBe('MQL');
    const req = fake.chatRequests[0]!;
    expect(req.body!.stream).toBe(true);
    expect(req.reasoning).toContain('"stage":"SQL","priority":"P1"');
    // once, the answer's verdict (never the draft), after the analysis ended, before the answer was complete
    expect(seen).toEqual([{ partial: { stage: 'MQL', priority: 'P2', slaHours: DEMO_PROFILE.slaHours.P2 }, contentStarted: true, answerFinished: false }]);
  });

  it('reasoning_only streamed: the JSON in the analysis gives no partial, and the rules answer flagged empty_content', async () => {
    fake.setMode('reasoning_only');
    const partials: unknown[] = [];
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: (p) => partials.push(p) });
    expect(partials).toEqual([]);
    expect(outcome.error).toBe('empty_content');
    expect(outcome.result.source).toBe('rules');
  });

  it('a mid-stream error line falls back: retried once (vLLM reported a 500), then the rules answer, reason stream_error', async () => {
    fake.setMode('stream_error');
    const outcome = await classifier().classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: () => {} });
    expect(fake.chatRequests.map((r) => r.finishReason)).toEqual(['error', 'error']);
    expect(outcome.error).toBe('stream_error');
    expect(outcome.result.source).toBe('rules');
    expect(warnings[0]!.obj).toMatchObject({ reason: 'stream_error', status: 500, attempts: 2 });
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

  it('a stream slower than LLM_TIMEOUT_MS → timeout (the whole stream is bounded, not only the headers), not retried', async () => {
    // The headers and the first answer token arrive, then the stream stalls (a state, not a race
    // against a short timer that a loaded machine can lose before the request is even sent).
    const release = fake.holdContentAfter(1);
    try {
      const outcome = await classifier(2_000).classifyDetailed(HOT_LEAD, DEMO_PROFILE, { onPartial: () => {} });
      expect(outcome.error).toBe('timeout');
      expect(fake.chatRequests).toHaveLength(1);
    } finally {
      release();
    }
  });
});
