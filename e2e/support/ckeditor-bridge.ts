import type { Page } from '@playwright/test';
import { bundleForBrowser } from './bundle';

/**
 * Installs Pulso's MAIN-world CKEditor bridge in a fixture page, as the Chrome build's background
 * injects it on the CRMs when a draft is shown (e2e/ckeditor-bridge.spec.ts watches that
 * injection; Firefox has no bridge: the paste serves there).
 */
export async function installCkeditorBridge(page: Page): Promise<void> {
  await page.addScriptTag({ content: await bundleForBrowser('lib/composer/ckeditor-model-bridge.ts', { globalName: 'PulsoCkeditorBridge' }) });
  // A string, not a function: tsx's keepNames would wrap a function in a __name helper the page lacks.
  await page.evaluate('PulsoCkeditorBridge.installCkeditorModelBridge(document)');
}
