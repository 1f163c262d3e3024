import { describe, expect, it } from 'vitest';
import { startFakeVllm } from '../testing/fake-vllm';
import { parseVllmLoad, readGauge, readVllmLoad, vllmMetricsUrl, vllmSaturated } from './vllm-load';

describe("vLLM's own load", () => {
  it('finds /metrics beside /v1', () => {
    expect(vllmMetricsUrl('http://vllm:8000/v1')).toBe('http://vllm:8000/metrics');
    expect(vllmMetricsUrl('http://gpu.internal/llm/v1/')).toBe('http://gpu.internal/llm/metrics');
  });

  it('sums a gauge over its label sets, ignores look-alike names and comments', () => {
    const text = [
      '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
      '# TYPE vllm:num_requests_waiting gauge',
      'vllm:num_requests_waiting{engine="0",model_name="openai/gpt-oss-20b"} 3.0',
      'vllm:num_requests_waiting{engine="1",model_name="openai/gpt-oss-20b"} 2.0',
      'vllm:num_requests_waiting_by_reason{reason="capacity"} 9.0',
      'vllm:num_requests_running{model_name="openai/gpt-oss-20b"} 16.0',
    ].join('\n');
    expect(readGauge(text, 'vllm:num_requests_waiting')).toBe(5);
    expect(parseVllmLoad(text)).toEqual({ running: 16, waiting: 5 });
    expect(parseVllmLoad('# nothing here\nprocess_cpu_seconds_total 1.0')).toBeUndefined();
    expect(vllmSaturated({ running: 16, waiting: 5 })).toBe(true);
    expect(vllmSaturated({ running: 16, waiting: 0 })).toBe(false);
    expect(vllmSaturated(undefined)).toBe(false);
  });

  it('reads the test server under load, and undefined when the server is gone', async () => {
    // ~100 analysis tokens at 20 ms each: the queue stays visible long enough on a loaded machine.
    const fake = await startFakeVllm({ reasoning: 'Weighing the lead. '.repeat(21), perTokenMs: 20, maxNumSeqs: 1 });
    const post = () =>
      fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 200 }) });
    const llm = { baseUrl: fake.baseUrl };
    try {
      expect(await readVllmLoad(llm)).toEqual({ running: 0, waiting: 0 });
      const calls = [post(), post(), post()];
      await expect.poll(() => readVllmLoad(llm)).toEqual({ running: 1, waiting: 2 });
      await Promise.all(calls);
    } finally {
      await fake.close();
    }
    expect(await readVllmLoad(llm, { timeoutMs: 500 })).toBeUndefined();
  });
});
