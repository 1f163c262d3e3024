import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The CRM hosts the fixtures stand in for; all resolve to the local fixture server. */
export const CRM_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'nubeandina.lightning.force.com', 'web.whatsapp.com', 'nubeandina.zendesk.com'];

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** Chromium with an unpacked extension loaded, CRM hosts mapped to the fixture server. */
export async function launchChromiumWith(extensionDir: string, fixturePort: number): Promise<BrowserContext> {
  const rules = CRM_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${fixturePort}`).join(', ');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pulso-profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Chromium with the built MV3 extension loaded, CRM hosts mapped to the fixture server. */
export async function launchWithExtension(fixturePort: number): Promise<LaunchedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension at ${EXTENSION_DIR}: run "npx wxt build" first`);
  }
  const context = await launchChromiumWith(EXTENSION_DIR, fixturePort);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** Points the extension at a backend, as the options page would. */
export async function setBackend(worker: Worker, backendUrl: string): Promise<void> {
  await worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set({ settings: { backendUrl: url, token: '', cacheTtlHours: 24 } });
  }, backendUrl);
}
