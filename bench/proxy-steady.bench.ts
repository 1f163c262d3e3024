import { loadConfig } from '../backend/config';
import { buildServer } from '../backend/server';
import { startFakeVllm } from '../backend/testing/fake-vllm';
import { HOT_LEAD } from '../backend/testing/fixtures';
import { directChatBody } from './backend.bench';
import { percentile } from './stats';

/**
 * Proxy overhead with an instant upstream and one client at a time: what the backend adds
 * when the machine is not waking from idle between requests (the realistic-timing figure
 * in backend.bench.ts pays that wake-up on both hops).
 */
export async function benchProxySteady(rounds = 300) {
  const llm = await startFakeVllm({});
  const app = await buildServer(loadConfig({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: llm.model, PULSO_CACHE_TTL_MS: '0', LOG_LEVEL: 'warn' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const lead = (i: number) => ({ ...HOT_LEAD, fullName: `Lead ${i}` });
  // The same chat request the backend sends: the fake vLLM's own work on a real prompt (its
  // prefix-cache scan) is then on both sides, not counted as the backend's.
  const direct = (i: number) => post(`${llm.baseUrl}/chat/completions`, directChatBody(llm.model, lead(i)));
  const proxied = (i: number) => post(`http://127.0.0.1:${port}/v1/leads/classify`, { lead: lead(i) });
  const sample = async (fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 30; i++) await fn(i);
    const out: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      await fn(i);
      out.push(performance.now() - t0);
    }
    return out;
  };
  try {
    const d = await sample(direct);
    const p = await sample(proxied);
    return { rounds, directP50: percentile(d, 50), proxiedP50: percentile(p, 50), overheadP50: percentile(p, 50) - percentile(d, 50) };
  } finally {
    await app.close();
    await llm.close();
  }
}
