import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { profileVersion } from '../lib/cache-key';
import { LeadClassificationSchema, TeamProfileResponseSchema } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { buildServer } from './server';
import { openStore, type Store } from './store/store';
import { HOT_LEAD } from './testing/fixtures';
import { testConfig } from './testing/helpers';

// Issue 15: a classify must not cost a database round trip. The store is wrapped so that every
// call the server makes into it is counted.

const ADMIN = 'admin-hot-path';
const TEAM = 'rep-hot-path';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The store, with every method call of every part (profiles, feedback, policy…) recorded by name. */
function countingStore(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const counted = <T extends object>(part: string, target: T): T =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key, t) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${part}.${String(key)}`);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  return {
    calls,
    store: {
      engine: store.engine,
      profiles: counted('profiles', store.profiles),
      feedback: counted('feedback', store.feedback),
      policy: counted('policy', store.policy),
      campaigns: counted('campaigns', store.campaigns),
      selectorPacks: counted('selectorPacks', store.selectorPacks),
      audit: counted('audit', store.audit),
      ping: () => {
        calls.push('ping');
        return store.ping();
      },
      close: () => store.close(),
    },
  };
}

const opened: Array<{ app: FastifyInstance; store: Store }> = [];
afterEach(async () => {
  for (const { app, store } of opened.splice(0)) {
    await app.close();
    await store.close();
  }
});

async function server() {
  const real = await openStore({ location: { engine: 'pglite', dataDir: 'memory://' } });
  const { store, calls } = countingStore(real);
  let time = 1_000_000;
  const app = await buildServer(testConfig({ PULSO_ADMIN_TOKEN: ADMIN, PULSO_TEAM_TOKENS: TEAM }), { store, now: () => time });
  opened.push({ app, store: real });
  const classify = async (payload: object) => {
    const res = await app.inject({ method: 'POST', url: '/v1/leads/classify', payload: { lead: HOT_LEAD, ...payload }, headers: bearer(TEAM) });
    expect(res.statusCode).toBe(200);
    return LeadClassificationSchema.parse(res.json());
  };
  return { app, calls, classify, advance: (ms: number) => (time += ms) };
}

describe('the classify hot path', () => {
  it('makes no store query once the current profile is known: naming no profile, or the current version', async () => {
    const { calls, classify } = await server();
    await classify({});
    expect(calls).toEqual(['profiles.current']);
    calls.length = 0;
    const version = await profileVersion(DEMO_PROFILE);
    for (let i = 0; i < 10; i++) await classify({});
    for (let i = 0; i < 10; i++) await classify({ profileVersion: version });
    expect(calls).toEqual([]);
  });

  it('a published profile is used at once by this replica, found by version without a query, and re-read from the store after the max age', async () => {
    const { app, calls, classify, advance } = await server();
    const incidents = { ...DEMO_PROFILE, name: 'Incident Co', services: ['Ransomware incident response'] };
    const put = await app.inject({ method: 'PUT', url: '/v1/profile', payload: { profile: incidents }, headers: bearer(ADMIN) });
    const { version } = TeamProfileResponseSchema.parse(put.json());
    calls.length = 0;
    expect((await classify({})).matchedServices).toEqual(['Ransomware incident response']);
    expect((await classify({ profileVersion: version })).matchedServices).toEqual(['Ransomware incident response']);
    expect(calls).toEqual([]);

    // What another replica may have published is read again once the max age has passed.
    advance(60_000);
    await classify({});
    expect(calls).toEqual(['profiles.current']);
  });

  it('GET /v1/profile always asks the store (it says what is current now)', async () => {
    const { app, calls } = await server();
    for (let i = 0; i < 2; i++) expect((await app.inject({ method: 'GET', url: '/v1/profile', headers: bearer(TEAM) })).statusCode).toBe(200);
    expect(calls.filter((c) => c === 'profiles.current')).toHaveLength(2);
  });
});
