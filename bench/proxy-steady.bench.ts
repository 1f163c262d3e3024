import { loadConfig } from '../backend/config';
import { MEMORY_DATA_DIR } from '../backend/store/location';
import { buildServer } from '../backend/server';
import { HOT_LEAD } from '../backend/testing/fixtures';
import { directChatBody } from './backend.bench';
import { percentile } from './stats';
import { startFakeVllmProcess } from './upstream-process';

/**
 * Proxy overhead with an instant upstream and one client at a time: what the backend adds
 * when the machine is not waking from idle between requests (the realistic-timing figure
 * in backend.bench.ts pays that wake-up on both hops). The upstream (the fake vLLM) is a
 * process of its own, as vLLM is; the client and the backend share this one.
 */
export async function benchProxySteady(rounds = 300) {
  const llm = await startFakeVllmProcess();
  const app = await buildServer(loadConfig({ PULSO_DATA_DIR: MEMORY_DATA_DIR, LLM_BASE_URL: llm.baseUrl, LLM_MODEL: llm.model, PULSO_CACHE_TTL_MS: '0', LOG_LEVEL: 'warn' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const lead = (i: number) => ({ ...HOT_LEAD, fullName: `Lead ${i}` });
  // The same chat request the backend sends: the fake vLLM's own work on a real prompt (its
  // prefix-cache scan) is then on both sides, not counted as the backend's.
  const direct = (i: number) => post(`${llm.baseUrl}/chat/completions`, directChatBody(llm.model, lead(i)));
  const proxied = (i: number) => post(`http://127.0.0.1:${port}/v1/leads/classify`, { lead: lead(i) });
  const timed = async (fn: (i: number) => Promise<unknown>, i: number) => {
    const t0 = performance.now();
    await fn(i);
    return performance.now() - t0;
  };
  try {
    for (let i = 0; i < 30; i++) await direct(i), await proxied(i); // warm-up (JIT, connections)
    // Interleaved, one direct then one proxied: noise from the rest of the machine falls on both alike.
    const d: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < rounds; i++) {
      d.push(await timed(direct, i));
      p.push(await timed(proxied, i));
    }
    return { rounds, directP50: percentile(d, 50), proxiedP50: percentile(p, 50), overheadP50: percentile(p, 50) - percentile(d, 50) };
  } finally {
    await app.close();
    await llm.close();
  }
}
