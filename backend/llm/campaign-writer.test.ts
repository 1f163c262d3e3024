import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CampaignSchema, CampaignTemplatesSchema, type CampaignStep } from '../../lib/contracts';
import { EN_EVALUATING, IT_PROFILE, RICH_ES } from '../../lib/campaign/test-fixtures';
import { campaignBudget } from '../../lib/llm/output-budget';
import type { LlmConfig } from '../config';
import { startFakeVllm, type FakeMode, type FakeVllm } from '../testing/fake-vllm';
import { CAMPAIGN_ANSWER } from '../testing/fixtures';
import { createCampaignWriter, createLlmCampaignWriter, createRulesCampaignWriter } from './campaign-writer';
import type { WarnLogger } from './structured-chat';

let fake: FakeVllm;
const warnings: { obj: Record<string, unknown>; msg?: string }[] = [];
const logger: WarnLogger = { warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }) };

function writer(extra: Partial<LlmConfig> = {}) {
  return createLlmCampaignWriter({ baseUrl: fake.baseUrl, model: 'openai/gpt-oss-20b', timeoutMs: 5_000, apiKey: 'sk-test', retryBackoffMs: 5, ...extra }, { logger });
}

beforeAll(async () => {
  fake = await startFakeVllm({ answer: CAMPAIGN_ANSWER });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
  fake.setAnswer(CAMPAIGN_ANSWER);
  warnings.length = 0;
});

describe('LLM campaign writer', () => {
  it('ok → the model campaign (source llm), HTML sanitised, a strict schema and the output cap in the request', async () => {
    fake.setAnswer({ ...CAMPAIGN_ANSWER, html: `${CAMPAIGN_ANSWER.html}<img src="https://tracker.example/p.gif"><script>alert(1)</script><a href="javascript:alert(1)">x</a>` });
    const outcome = await writer().writeDetailed(EN_EVALUATING, IT_PROFILE);
    expect(outcome.error).toBeUndefined();
    const c = CampaignSchema.parse(outcome.result);
    expect(c).toMatchObject({ source: 'llm', segment: 'evaluating', suggestedProduct: 'Cloud migration', subject: CAMPAIGN_ANSWER.subject, language: 'en' });
    expect(c.rescue).toBeUndefined();
    expect(c.html).not.toMatch(/script|tracker|javascript:/);
    expect(c.flags).toContain('html_sanitized');
    const body = fake.chatRequests[0]!.body!;
    expect(body.response_format?.json_schema).toMatchObject({ name: 'campaign', strict: true });
    expect(body.max_tokens).toBe(campaignBudget(IT_PROFILE.replyPolicy.maxWords).maxTokens);
    expect(body.stream).toBeFalsy();
  });

  it('streamed: read and enrich at once, then segment, product and subject while the model writes — before its answer is complete', async () => {
    // The subject ends at ~63 tokens: the server holds the rest after 70 until the subject step was seen.
    const release = fake.holdContentAfter(70);
    const steps: { step: CampaignStep; answerFinished: boolean; requests: number }[] = [];
    const outcome = await writer().writeDetailed(EN_EVALUATING, IT_PROFILE, {
      onStep: (step) => {
        const req = fake.chatRequests[0];
        steps.push({ step, answerFinished: req?.finishedAt !== undefined, requests: fake.chatRequests.length });
        if (step.name === 'write') release();
      },
    });
    expect(outcome.result.source).toBe('llm');
    expect(fake.chatRequests[0]!.body!.stream).toBe(true);
    expect(steps.map((s) => s.step.name)).toEqual(['read', 'enrich', 'reason', 'reason', 'write']);
    // read and enrich come from Pulso's own facts: shown before the model was even asked
    expect(steps.slice(0, 2).every((s) => s.requests === 0)).toBe(true);
    expect(steps[2]!.step.detail).toMatch(/^Segment: evaluating — The lead is comparing providers/);
    expect(steps[3]!.step.detail).toMatch(/^Product: Cloud migration — /);
    expect(steps[4]!.step.detail).toBe(`Subject: ${CAMPAIGN_ANSWER.subject}`);
    // the subject step arrived while the rest of the answer was held back by the server
    expect(steps[4]!.answerFinished).toBe(false);
  });

  it('a product the profile does not have is replaced by its best match, in the step and the campaign, and flagged', async () => {
    fake.setAnswer({ ...CAMPAIGN_ANSWER, suggestedProduct: 'Premium cloud migration package' });
    const steps: CampaignStep[] = [];
    const c = await writer().write(EN_EVALUATING, IT_PROFILE, { onStep: (s) => steps.push(s) });
    expect(c.suggestedProduct).toBe('Cloud migration');
    expect(c.flags).toContain('product_replaced');
    expect(steps.find((s) => s.detail.startsWith('Product:'))!.detail).toMatch(/replaced by "Cloud migration"/);
  });

  // Every way the model can fail gives the rescue at once: the admin's template filled from the same record, labelled.
  const FAILURES: { mode: FakeMode; error: string; streamedError?: string; rescue: string; requests: number }[] = [
    { mode: '400', error: 'http_error', rescue: 'unavailable', requests: 1 },
    { mode: '429', error: 'rate_limited', rescue: 'rate_limited', requests: 2 },
    { mode: '500', error: 'server_error', rescue: 'unavailable', requests: 2 },
    { mode: 'malformed', error: 'malformed_json', rescue: 'invalid_answer', requests: 1 },
    { mode: 'schema_invalid', error: 'schema_invalid', rescue: 'invalid_answer', requests: 1 },
    { mode: 'reasoning_only', error: 'empty_content', rescue: 'invalid_answer', requests: 1 },
    { mode: 'length', error: 'length', rescue: 'invalid_answer', requests: 1 },
    { mode: 'whitespace_loop', error: 'length', rescue: 'invalid_answer', requests: 1 },
    // Not streamed, vLLM's failure after the headers is a 500; streamed, an SSE error line.
    { mode: 'stream_error', error: 'server_error', streamedError: 'stream_error', rescue: 'unavailable', requests: 2 },
  ];
  for (const { mode, error, streamedError, rescue, requests } of FAILURES) {
    it(`${mode} → rescue:${rescue} (error ${streamedError ?? error}), streamed or not`, async () => {
      for (const streamed of [false, true]) {
        fake.reset();
        fake.setMode(mode);
        const steps: CampaignStep[] = [];
        const outcome = await writer().writeDetailed(RICH_ES, IT_PROFILE, streamed ? { onStep: (s) => steps.push(s) } : {});
        expect(outcome.error, `${mode} streamed=${streamed}`).toBe(streamed ? (streamedError ?? error) : error);
        const c = CampaignSchema.parse(outcome.result);
        expect(c).toMatchObject({ source: 'rules', rescue: true, language: 'es' });
        expect(c.flags).toContain(`rescue:${rescue}`);
        expect(c.subject).not.toBe('');
        expect(fake.chatRequests).toHaveLength(requests);
        if (streamed) expect(steps.slice(0, 2).map((s) => s.name)).toEqual(['read', 'enrich']);
      }
    });
  }

  it('503 whose Retry-After the budget cannot cover → rescue:unavailable at once, one request', async () => {
    fake.setMode('503');
    const outcome = await writer().writeDetailed(RICH_ES, IT_PROFILE, { deadlineAt: Date.now() + 3_000 });
    expect(outcome.error).toBe('overloaded');
    expect(outcome.result.flags).toContain('rescue:unavailable');
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('too slow → rescue:timeout within the deadline, and the upstream request is cancelled', async () => {
    fake.setMode('slow', { delayMs: 3_000 });
    const outcome = await writer().writeDetailed(RICH_ES, IT_PROFILE, { deadlineAt: Date.now() + 150 });
    expect(outcome.error).toBe('timeout');
    expect(outcome.result.flags).toContain('rescue:timeout');
    await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);
  });

  it('the caller goes away → rescue:aborted, the upstream request cancelled; a spent budget asks nothing', async () => {
    fake.setTiming({ perTokenMs: 20 });
    const controller = new AbortController();
    const running = writer().writeDetailed(RICH_ES, IT_PROFILE, { signal: controller.signal, onStep: () => {} });
    await expect.poll(() => fake.load.running).toBe(1);
    controller.abort();
    const gone = await running;
    expect(gone.error).toBe('aborted');
    expect(gone.result.flags).toContain('rescue:aborted');
    await expect.poll(() => fake.chatRequests[0]!.cancelled).toBe(true);

    fake.reset();
    const late = await writer().writeDetailed(RICH_ES, IT_PROFILE, { deadlineAt: Date.now() - 1 });
    expect(late.error).toBe('deadline');
    expect(late.result.flags).toContain('rescue:timeout');
    expect(fake.chatRequests).toHaveLength(0);
  });

  it('an answer in the wrong language, or with an empty message, is not used', async () => {
    // RICH_ES is a Spanish contact: an English email is refused.
    const wrong = await writer().writeDetailed(RICH_ES, IT_PROFILE);
    expect(wrong.error).toBe('wrong_language');
    expect(wrong.result.flags).toContain('rescue:wrong_language');
    fake.setAnswer({ ...CAMPAIGN_ANSWER, message: '' });
    const empty = await writer().writeDetailed(EN_EVALUATING, IT_PROFILE);
    expect(empty.error).toBe('schema_invalid');
    expect(empty.result.flags).toContain('rescue:invalid_answer');
  });

  it("the rescue fills the admin's templates from the team profile", async () => {
    fake.setMode('500');
    const campaignTemplates = CampaignTemplatesSchema.parse({
      segments: { hot: { es: { subject: 'Propuesta aprobada para {company}', preheader: '', body: '{greeting}\n\n{product}.\n\n{signature}', callToAction: 'Hablemos' } } },
    });
    const c = await writer().write(RICH_ES, { ...IT_PROFILE, campaignTemplates });
    expect(c.subject).toBe('Propuesta aprobada para Norte Logística SA');
    expect(c.rescue).toBe(true);
  });
});

describe('rules campaign writer', () => {
  it('answers at once with all four steps reported, and is what createCampaignWriter gives without an LLM', async () => {
    const steps: CampaignStep[] = [];
    const w = createCampaignWriter(undefined, { logger });
    expect(w.mode).toBe('rules');
    const outcome = await w.writeDetailed(RICH_ES, IT_PROFILE, { onStep: (s) => steps.push(s) });
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toEqual(await createRulesCampaignWriter().write(RICH_ES, IT_PROFILE));
    expect(steps).toEqual(outcome.result.steps);
  });
});
