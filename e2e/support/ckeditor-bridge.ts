import type { Page } from '@playwright/test';
import { bundleForBrowser } from './bundle';

/**
 * Installs Pulso's MAIN-world CKEditor bridge in a fixture page, as the Chrome build's
 * ckeditor-bridge content script does on the CRMs (Firefox has none: the paste serves there).
 */
export async function installCkeditorBridge(page: Page): Promise<void> {
  await page.addScriptTag({ content: await bundleForBrowser('lib/composer/ckeditor-model-bridge.ts', { globalName: 'PulsoCkeditorBridge' }) });
  // A string, not a function: tsx's keepNames would wrap a function in a __name helper the page lacks.
  await page.evaluate('PulsoCkeditorBridge.installCkeditorModelBridge(document)');
}
