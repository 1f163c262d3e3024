import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './support/extension';

const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

test('the built manifest takes over no browser page and asks only for the CRM hosts', () => {
  const m = manifest();
  // WXT turns an entrypoint named history/newtab/bookmarks into an override of the browser's own page.
  expect(m.chrome_url_overrides).toBeUndefined();
  expect(m.host_permissions).toEqual([
    'https://*.hubspot.com/*',
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://*.zendesk.com/*',
    'https://web.whatsapp.com/*',
    'http://127.0.0.1/*',
    'http://localhost/*',
  ]);
  expect(JSON.stringify(m)).not.toContain('<all_urls>');
  // Any other backend is asked for at run time, never granted up front.
  expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(m.default_locale).toBe('en');
});

test('no secret reaches the extension bundle', () => {
  const files = ['background.js', 'content-scripts/hubspot.js', 'content-scripts/salesforce.js', 'content-scripts/whatsapp.js', 'content-scripts/zendesk.js', 'content-scripts/start-read.js'];
  for (const file of files) {
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    expect(code, file).not.toMatch(/sk-[A-Za-z0-9]{20,}|LLM_API_KEY|PULSO_ADMIN_TOKEN|PULSO_TEAM_TOKENS/);
  }
});
