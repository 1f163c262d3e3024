import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileVersion } from '../../lib/cache-key';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { LEGACY_PROFILE_FILE, LEGACY_PUBLISHER } from './legacy-profile';
import { MEMORY_DATA_DIR } from './location';
import { StoredDataError } from './rows';
import { openStore, type OpenedStore } from './store';
import { freshSchema } from './testing/engines';

const opened: OpenedStore[] = [];
const open = async (legacyDataDir: string, schema = freshSchema()) => {
  const store = await openStore({ location: { engine: 'pglite', dataDir: MEMORY_DATA_DIR }, schema, legacyDataDir });
  opened.push(store);
  return store;
};
beforeAll(async () => {
  await open(mkdtempSync(join(tmpdir(), 'pulso-legacy-warm-'))); // starts this file's in-memory cluster
}, 300_000);
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const dataDir = () => mkdtempSync(join(tmpdir(), 'pulso-legacy-'));
const ACME = { ...DEMO_PROFILE, name: 'Acme Soldaduras' };
const writeLegacy = (dir: string, profile: unknown = ACME, updatedAt = '2025-01-02T03:04:05.000Z') =>
  writeFileSync(join(dir, LEGACY_PROFILE_FILE), JSON.stringify({ profile, updatedAt }));

describe('the profile published with the JSON-file store', () => {
  it('is imported into the database once, with its original date, and the file is set aside', async () => {
    const dir = dataDir();
    writeLegacy(dir);
    const schema = freshSchema();
    const first = await open(dir, schema);
    expect(first.legacyImport).toBe('imported');
    expect(await first.profiles.current()).toEqual({
      version: await profileVersion(ACME),
      profile: ACME,
      publishedAt: '2025-01-02T03:04:05.000Z',
      publishedBy: LEGACY_PUBLISHER,
    });
    expect(readdirSync(dir)).toEqual([`${LEGACY_PROFILE_FILE}.imported`]);

    const again = await open(dir, schema);
    expect(again.legacyImport).toBe('none');
    expect(await again.profiles.history()).toHaveLength(1);
  });

  it('never replaces a profile the database already has', async () => {
    const dir = dataDir();
    const schema = freshSchema();
    const store = await open(mkdtempSync(join(tmpdir(), 'pulso-legacy-empty-')), schema);
    await store.profiles.publish(DEMO_PROFILE, { publishedBy: 'token:aaaaaaaaaaaa' });
    writeLegacy(dir);
    const reopened = await open(dir, schema);
    expect(reopened.legacyImport).toBe('superseded');
    expect((await reopened.profiles.current())?.profile).toEqual(DEMO_PROFILE);
    expect(existsSync(join(dir, LEGACY_PROFILE_FILE))).toBe(false);
  });

  it('D9: the temp files a crash mid-write left behind are removed at start', async () => {
    const dir = dataDir();
    writeLegacy(dir);
    writeFileSync(join(dir, `${LEGACY_PROFILE_FILE}.4242.1700000000000.tmp`), '{"profile":');
    writeFileSync(join(dir, `${LEGACY_PROFILE_FILE}.4243.1700000000001.tmp`), '');
    await open(dir);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a damaged file stops the start with its name, and is left where it is', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, LEGACY_PROFILE_FILE), '{"profile":');
    await expect(open(dir)).rejects.toThrow(StoredDataError);
    await expect(open(dir)).rejects.toThrow(/team-profile\.json is not valid/);
    expect(readdirSync(dir)).toEqual([LEGACY_PROFILE_FILE]);
  });
});
