import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SelectorPack } from '../../lib/contracts';
import { checkSelectorPack, generateSelectorPackKeys, importSelectorPackPrivateKey, signSelectorPack } from '../../lib/selector-pack';
import { ConfigError } from '../config';
import { buildServer } from '../server';
import { openStore, type OpenedStore } from '../store/store';
import { SelectorPackVersionConflict } from '../store/selector-packs';
import { testConfig } from '../testing/helpers';
import { storeSelectorPackSource } from '../selectors/pack-source';

const UNSIGNED: SelectorPack = {
  version: '2027.1.5',
  signature: '',
  sites: { hubspot: { chains: { RECORD_NAME: ['[data-test-id="record-name-2027"]', 'h1'] }, labels: {} } },
};

async function signedPack(pack: SelectorPack = UNSIGNED) {
  const keys = await generateSelectorPackKeys();
  return { pack: await signSelectorPack(pack, await importSelectorPackPrivateKey(keys.privateKeyPem)), publicKey: keys.publicKey };
}

function packFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pulso-pack-')), 'pack.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const server = async (env: Record<string, string>) =>
  (app = await buildServer(testConfig({ PULSO_TEAM_TOKENS: 'rep', PULSO_ADMIN_TOKEN: 'boss', PULSO_DATA_DIR: 'memory://', ...env })));
const put = (body: unknown, token = 'boss') => app!.inject({ method: 'PUT', url: '/v1/selectors', headers: { authorization: `Bearer ${token}` }, payload: body as object });
const get = (token?: string) => app!.inject({ method: 'GET', url: '/v1/selectors', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /v1/selectors', () => {
  it('serves the configured pack as signed, to team tokens only', async () => {
    const { pack, publicKey } = await signedPack();
    await server({ PULSO_SELECTOR_PACK: packFile(pack) });
    expect((await get()).statusCode).toBe(401);
    const res = await get('rep');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(pack);
    expect(await checkSelectorPack(res.json(), [publicKey])).toMatchObject({ ok: true });
  });

  it('answers 404 no_selector_pack when there is none', async () => {
    await server({});
    const res = await get('rep');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'no_selector_pack' });
  });

  it('refuses to start with a pack every extension would refuse, saying why', () => {
    expect(() => testConfig({ PULSO_SELECTOR_PACK: packFile(UNSIGNED) })).toThrow(ConfigError);
    expect(() => testConfig({ PULSO_SELECTOR_PACK: packFile(UNSIGNED) })).toThrow(/2027\.1\.5 is not signed/);
    const scripted = { ...UNSIGNED, signature: 'AAAA', sites: { hubspot: { chains: { RECORD_NAME: ['a[href^="javascript:alert(1)"]'] } } } };
    expect(() => testConfig({ PULSO_SELECTOR_PACK: packFile(scripted) })).toThrow(/PULSO_SELECTOR_PACK: .*not a valid selector pack/);
    expect(() => testConfig({ PULSO_SELECTOR_PACK: packFile('<html>') })).toThrow(/cannot read .* as JSON/);
    expect(() => testConfig({ PULSO_SELECTOR_PACK: '/nonexistent/pack.json' })).toThrow(/cannot read/);
  });
});

describe('selector packs in the store', () => {
  let store: OpenedStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('the latest published pack wins over the configured one, with its signature intact', async () => {
    store = await openStore({ location: { engine: 'pglite', dataDir: 'memory://' } });
    const configured = await signedPack({ ...UNSIGNED, version: '2027.1.1' });
    const source = storeSelectorPackSource(store.selectorPacks, configured.pack);
    expect(await source.current()).toEqual(configured.pack);
    const published = await signedPack();
    await source.publish(published.pack, { publishedBy: 'admin' });
    const current = await source.current();
    expect(current).toEqual(published.pack);
    expect(await checkSelectorPack(current, [published.publicKey])).toMatchObject({ ok: true });
    const other = await signedPack({ ...UNSIGNED, sites: {} });
    await expect(source.publish(other.pack, { publishedBy: 'admin' })).rejects.toThrow(SelectorPackVersionConflict);
  });
});

describe('PUT /v1/selectors (admin)', () => {
  it('publishes a signed pack: GET serves it from then on, over the configured one', async () => {
    const configured = await signedPack({ ...UNSIGNED, version: '2027.1.1' });
    await server({ PULSO_SELECTOR_PACK: packFile(configured.pack) });
    const { pack, publicKey } = await signedPack();
    expect((await put(pack, 'rep')).statusCode).toBe(403);
    const res = await put(pack);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(pack);
    const served = (await get('rep')).json();
    expect(served).toEqual(pack);
    expect(await checkSelectorPack(served, [publicKey])).toMatchObject({ ok: true });
    // The same pack again changes nothing.
    expect((await put(pack)).statusCode).toBe(200);
  });

  it('refuses, saying why: the wrong schema, a script-like value, unsigned, an older version, a version reused with other content', async () => {
    await server({});
    const bad = await put({ version: '2027.1.5', signature: 'AAAA', sites: { hubspot: { chains: { record_name: ['h1'] } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request', issues: [expect.objectContaining({ path: expect.stringContaining('hubspot') })] });
    const scripted = await put({ ...UNSIGNED, signature: 'AAAA', sites: { hubspot: { chains: { RECORD_NAME: ['a[href^="javascript:alert(1)"]'] }, labels: {} } } });
    expect(scripted.statusCode).toBe(400);
    expect(await put(UNSIGNED).then((r) => r.json())).toMatchObject({ error: 'unsigned', message: expect.stringMatching(/2027\.1\.5 is not signed/) });

    expect((await put((await signedPack()).pack)).statusCode).toBe(200);
    const older = await put((await signedPack({ ...UNSIGNED, version: '2027.1.4' })).pack);
    expect(older.statusCode).toBe(409);
    expect(older.json()).toMatchObject({ error: 'selector_pack_not_newer' });
    const reused = await put((await signedPack({ ...UNSIGNED, sites: {} })).pack);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ error: 'selector_pack_version_conflict' });
    expect((await get('rep')).json()).toMatchObject({ version: '2027.1.5', sites: UNSIGNED.sites });
  });
});
