import { describe, expect, it } from 'vitest';
import { checkBackendStatus } from './connection-check';

const settings = { backendUrl: 'http://127.0.0.1:8787', token: '' };

describe('checkBackendStatus', () => {
  it('reports the LLM model a reachable backend runs', async () => {
    const fetchImpl = (async () => Response.json({ ok: true, version: '0.1.0', mode: 'llm', model: 'gpt-oss-20b', engine: 'llm:gpt-oss-20b' })) as typeof fetch;
    expect(await checkBackendStatus(settings, fetchImpl)).toEqual({
      backendUrl: settings.backendUrl, reachable: true, mode: 'llm', model: 'gpt-oss-20b', engine: 'llm:gpt-oss-20b', version: '0.1.0',
    });
  });

  it('reports rules-only mode', async () => {
    const fetchImpl = (async () => Response.json({ ok: true, version: '0.1.0', mode: 'rules', engine: 'rules:1' })) as typeof fetch;
    expect(await checkBackendStatus(settings, fetchImpl)).toMatchObject({ reachable: true, mode: 'rules' });
  });

  it('says why an unreachable backend is not reachable', async () => {
    const fetchImpl = (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    const status = await checkBackendStatus(settings, fetchImpl);
    expect(status.reachable).toBe(false);
    expect(status.error).toMatch(/unreachable/);
  });
});
