import { bundleForBrowser } from './bundle';

/** What installing the bridge needs of a page: Playwright's (Chromium) and puppeteer's (Firefox) both fit. */
export interface ScriptablePage {
  addScriptTag(options: { content: string }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Installs Pulso's MAIN-world CKEditor bridge in a fixture page, as the background injects it on
 * the CRMs when a draft is shown, in Chrome and in Firefox (e2e/ckeditor-bridge.spec.ts and
 * e2e/firefox-ckeditor-bridge.spec.ts watch that injection).
 */
export async function installCkeditorBridge(page: ScriptablePage): Promise<void> {
  await page.addScriptTag({ content: await bundleForBrowser('lib/composer/ckeditor-model-bridge.ts', { globalName: 'PulsoCkeditorBridge' }) });
  // A string, not a function: tsx's keepNames would wrap a function in a __name helper the page lacks.
  await page.evaluate('PulsoCkeditorBridge.installCkeditorModelBridge(document)');
}
