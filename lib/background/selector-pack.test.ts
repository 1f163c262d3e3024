import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildServer } from '../../backend/server';
import { testConfig } from '../../backend/testing/helpers';
import { ConnectionSchema, type SelectorPack } from '../contracts';
import { generateSelectorPackKeys, importSelectorPackPrivateKey, signSelectorPack } from '../selector-pack';
import { readSelectorPackState } from '../selector-pack/stored';
import { BUILT_IN_SELECTORS_VERSION } from '../sites/scrape-context';
import { pullSelectorPack } from './selector-pack';

const FIX: SelectorPack = {
  version: '2099.1.1',
  signature: '',
  sites: { hubspot: { chains: { RECORD_NAME: ['[data-test-id="record-name-2099"]'] }, labels: {} } },
};

let keys: { privateKeyPem: string; publicKey: string };
const sign = async (pack: SelectorPack, pem = keys.privateKeyPem) => signSelectorPack(pack, await importSelectorPackPrivateKey(pem));

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
beforeEach(async () => {
  fakeBrowser.reset();
  keys ??= await generateSelectorPackKeys();
});

/** The backend in-process, serving `pack` from its PULSO_SELECTOR_PACK file (or none). */
async function backendServing(pack?: SelectorPack): Promise<typeof fetch> {
  const env: Record<string, string> = { PULSO_TEAM_TOKENS: 'rep', PULSO_DATA_DIR: 'memory://' };
  if (pack) {
    env.PULSO_SELECTOR_PACK = join(mkdtempSync(join(tmpdir(), 'pulso-pack-')), 'pack.json');
    writeFileSync(env.PULSO_SELECTOR_PACK, JSON.stringify(pack));
  }
  const server = (app = await buildServer(testConfig(env)));
  return async (input, init) => {
    const url = new URL(String(input));
    const res = await server.inject({ method: 'GET', url: url.pathname, headers: init?.headers as Record<string, string> });
    return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
  };
}
/** A backend (or whatever answers in its place) sending this body, as is. */
const answering = (body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

let now = 1_000;
const deps = (answer: typeof fetch, trusted: readonly string[] = [keys.publicKey]) => ({
  readConnection: async () => ConnectionSchema.parse({ backendUrl: 'http://backend.test', token: 'rep' }),
  trustedKeys: async () => trusted,
  fetch: answer,
  now: () => (now += 1),
});

describe('selector pack pull', () => {
  it('keeps a pack signed by the pinned key and newer than the one in use', async () => {
    const signed = await sign(FIX);
    const status = await pullSelectorPack(deps(await backendServing(signed)));
    expect(status.active).toEqual({ version: '2099.1.1', source: 'team' });
    expect(status.served).toBe('pack');
    expect(status.refused).toBeUndefined();
    expect((await readSelectorPackState()).pack).toEqual(signed);
  });

  it('refuses, with a visible reason, a pack that is unsigned, signed by another key, script-like, or when no key is pinned; the pack in use stays', async () => {
    const good = await sign(FIX);
    await pullSelectorPack(deps(answering(good)));
    const newer = { ...FIX, version: '2099.2.1' };
    const other = await generateSelectorPackKeys();
    const cases: [unknown, readonly string[], string, RegExp][] = [
      [newer, [keys.publicKey], 'unsigned', /2099\.2\.1 is not signed/],
      [await sign(newer, other.privateKeyPem), [keys.publicKey], 'bad_signature', /not signed by the key this extension trusts/],
      [{ ...(await sign(newer)), sites: { hubspot: { chains: { RECORD_NAME: ['img[onerror="alert(1)"]'] } } } }, [keys.publicKey], 'invalid', /not a valid selector pack/],
      [{ version: 'latest', sites: [] }, [keys.publicKey], 'invalid', /version/],
      [await sign(newer), [], 'no_trusted_key', /pins no selector-pack key/],
    ];
    for (const [body, trusted, reason, message] of cases) {
      const status = await pullSelectorPack(deps(answering(body), trusted));
      expect(status.refused, reason).toMatchObject({ reason });
      expect(status.refused?.message).toMatch(message);
      expect(status.active).toEqual({ version: '2099.1.1', source: 'team' });
      expect((await readSelectorPackState()).pack).toEqual(good);
    }
  });

  it('a newer good pack clears the refusal; an older or equal one changes nothing', async () => {
    await pullSelectorPack(deps(answering(await sign(FIX))));
    await pullSelectorPack(deps(answering({ ...FIX, version: '2099.3.1' })));
    expect((await readSelectorPackState()).refused?.reason).toBe('unsigned');
    const older = await sign({ ...FIX, version: '2099.0.9', sites: {} });
    expect((await pullSelectorPack(deps(answering(older)))).active.version).toBe('2099.1.1');
    const fixed = await sign({ ...FIX, version: '2099.3.1' });
    const status = await pullSelectorPack(deps(answering(fixed)));
    expect(status.active.version).toBe('2099.3.1');
    expect(status.refused).toBeUndefined();
  });

  it('a pack older than the built-in selectors is never used', async () => {
    const stale = await sign({ ...FIX, version: '2020.1.1' });
    const status = await pullSelectorPack(deps(answering(stale)));
    expect(status.active).toEqual({ version: BUILT_IN_SELECTORS_VERSION, source: 'built-in' });
    expect((await readSelectorPackState()).pack).toBeUndefined();
  });

  it('a backend with no pack, or none at all, keeps the pack in use and says so', async () => {
    await pullSelectorPack(deps(answering(await sign(FIX))));
    expect(await pullSelectorPack(deps(await backendServing()))).toMatchObject({ served: 'none', active: { version: '2099.1.1' } });
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const status = await pullSelectorPack(deps(down));
    expect(status).toMatchObject({ served: 'unreachable', active: { version: '2099.1.1', source: 'team' } });
    expect(status.error).toMatch(/unreachable/);
  });
});
