import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_BACKEND_URL,
  readHistoryRetentionDays,
  readSettings,
  updateSettings,
  watchSettings,
  writeSettings,
  type Settings,
} from './settings';
import { readProfile, writeProfile } from './profile/stored';
import { resolveUiLanguage } from './i18n';
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

  it('defaults: every site on, masking off, 30 days of history, language follows the browser, no admin token', async () => {
    // The tokens are not settings any more (content scripts read these): see lib/background/connection.test.ts.
    const settings = await readSettings();
    expect(settings.sites).toEqual({ hubspot: true, salesforce: true, zendesk: true, whatsapp: true });
    expect(settings.privacy).toEqual({ maskContacts: false, historyRetentionDays: 30 });
    expect(settings.language).toBe('auto');
    expect(settings).not.toHaveProperty('adminToken');
    expect(await readHistoryRetentionDays()).toBe(30);
  });

  it('settings stored by an older version (no sites, privacy, language) read with the new defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { backendUrl: 'http://127.0.0.1:9999', token: 't', cacheTtlHours: 24 } });
    const settings = await readSettings();
    expect(settings.backendUrl).toBe('http://127.0.0.1:9999');
    expect(settings.sites.whatsapp).toBe(true);
    expect(settings.privacy.historyRetentionDays).toBe(30);
  });

  it('updateSettings keeps the rest, and refuses a bad value whole', async () => {
    await updateSettings({ cacheTtlHours: 12, sites: { hubspot: true, salesforce: false, zendesk: true, whatsapp: false } });
    await updateSettings({ privacy: { maskContacts: true, historyRetentionDays: 7 }, language: 'es' });
    await expect(updateSettings({ privacy: { maskContacts: true, historyRetentionDays: 0 } })).rejects.toThrow();
    await expect(updateSettings({ language: 'fr' as never })).rejects.toThrow();
    const settings = await readSettings();
    expect(settings).toMatchObject({ cacheTtlHours: 12, language: 'es', privacy: { maskContacts: true, historyRetentionDays: 7 } });
    expect(settings.sites.salesforce).toBe(false);
    expect(await readHistoryRetentionDays()).toBe(7);
  });

  it('a corrupt nested value falls back to defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { sites: { hubspot: 'yes' }, privacy: { historyRetentionDays: -3 } } });
    expect((await readSettings()).sites.hubspot).toBe(true);
    expect(await readHistoryRetentionDays()).toBe(30);
  });

  it('watchSettings reports each change, validated', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings({ language: 'en' });
    await fakeBrowser.storage.local.set({ settings: { language: 42 } });
    unwatch();
    await updateSettings({ language: 'es' });
    expect(seen.map((s) => s.language)).toEqual(['en', 'auto']);
  });

  it('watchSettings says when the settings were cleared (the defaults apply), and not on an ordinary change', async () => {
    const seen: { backendUrl: string; cleared: boolean }[] = [];
    const unwatch = watchSettings((s, { cleared }) => seen.push({ backendUrl: s.backendUrl, cleared }));
    await updateSettings({ backendUrl: 'https://pulso.example.com' });
    await fakeBrowser.storage.local.clear();
    unwatch();
    expect(seen).toEqual([
      { backendUrl: 'https://pulso.example.com', cleared: false },
      { backendUrl: 'http://127.0.0.1:8787', cleared: true },
    ]);
  });

  it('resolveUiLanguage: a chosen language wins, auto follows the browser', () => {
    expect(resolveUiLanguage('es', 'en-US')).toBe('es');
    expect(resolveUiLanguage('en', 'es-CL')).toBe('en');
    expect(resolveUiLanguage('auto', 'es-CL')).toBe('es');
    expect(resolveUiLanguage('auto', 'de-DE')).toBe('en');
  });
});
