import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_BACKEND_URL, readProfile, readSettings, writeProfile, writeSettings } from './settings';
import { DEMO_PROFILE } from './profile/demo-profile';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the local backend and the demo profile', async () => {
    expect((await readSettings()).backendUrl).toBe(DEFAULT_BACKEND_URL);
    expect(await readProfile()).toEqual(DEMO_PROFILE);
  });

  it('refuses a backend URL that is not http(s) and keeps the previous one', async () => {
    await writeSettings({ backendUrl: 'https://pulso.example.com/' });
    await expect(writeSettings({ backendUrl: 'javascript:alert(1)' })).rejects.toThrow(/http/);
    expect((await readSettings()).backendUrl).toBe('https://pulso.example.com');
  });

  it('falls back to defaults when stored data is corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: { backendUrl: 42 }, profile: { name: 7 } });
    expect((await readSettings()).backendUrl).toBe(DEFAULT_BACKEND_URL);
    expect((await readProfile()).name).toBe(DEMO_PROFILE.name);
  });

  it('stores a valid profile and rejects an invalid one whole', async () => {
    await writeProfile({ name: 'Clínica Dental Sonrisa', services: ['Ortodoncia'] });
    await expect(writeProfile({ name: '', services: 'x' })).rejects.toThrow();
    expect((await readProfile()).name).toBe('Clínica Dental Sonrisa');
  });
});
