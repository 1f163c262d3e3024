import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { PROFILE_FILE, ProfileStore } from './profile-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'pulso-store-'));

describe('ProfileStore (embedded, one JSON file)', () => {
  it('has nothing published in a new data dir', () => {
    expect(new ProfileStore(join(tempDir(), 'not-yet-created')).get()).toBeUndefined();
  });

  it('writes atomically: only the final file is left, holding the whole profile', () => {
    const dir = tempDir();
    const store = new ProfileStore(dir, () => new Date('2025-01-02T03:04:05Z'));
    store.put({ ...DEMO_PROFILE, name: 'Acme' });
    expect(readdirSync(dir)).toEqual([PROFILE_FILE]);
    const onDisk = JSON.parse(readFileSync(join(dir, PROFILE_FILE), 'utf8'));
    expect(onDisk).toEqual({ profile: { ...DEMO_PROFILE, name: 'Acme' }, updatedAt: '2025-01-02T03:04:05.000Z' });
  });

  it('survives a restart: a new instance on the same dir reads the last published profile', () => {
    const dir = tempDir();
    new ProfileStore(dir).put({ ...DEMO_PROFILE, name: 'First' });
    new ProfileStore(dir).put({ ...DEMO_PROFILE, name: 'Second', services: ['Soldadura industrial'] });
    const reopened = new ProfileStore(dir).get();
    expect(reopened?.profile.name).toBe('Second');
    expect(reopened?.profile.services).toEqual(['Soldadura industrial']);
  });

  it('refuses an invalid profile and keeps the previous one', () => {
    const dir = tempDir();
    const store = new ProfileStore(dir);
    store.put({ ...DEMO_PROFILE, name: 'Kept' });
    expect(() => store.put({ ...DEMO_PROFILE, name: '' })).toThrow();
    expect(new ProfileStore(dir).get()?.profile.name).toBe('Kept');
    expect(readdirSync(dir)).toEqual([PROFILE_FILE]);
  });

  it('says which file is corrupt instead of silently serving another profile', () => {
    const dir = tempDir();
    writeFileSync(join(dir, PROFILE_FILE), '{"profile":');
    expect(() => new ProfileStore(dir)).toThrow(/team-profile\.json is not valid/);
  });
});
