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

const server = async (env: Record<string, string>) => (app = await buildServer(testConfig({ PULSO_TEAM_TOKENS: 'rep', PULSO_DATA_DIR: 'memory://', ...env })));
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
