import { expect, test, type Page, type Worker } from '@playwright/test';
import { zendeskRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

// Chrome's build reaches CKEditor's model through a bridge in the page's own world, which no
// content script carries: the background injects it (chrome.scripting, lib/background/ckeditor-bridge.ts)
// the first time a draft is shown over a CKEditor composer. These tests watch that injection from
// the service worker. Firefox's build does the same (e2e/firefox-ckeditor-bridge.spec.ts).

const h = useExtensionHarness([zendeskRoutes]);

const TICKET = 'https://nubeandina.zendesk.com/agent/tickets/4821';
const VIEW = 'https://nubeandina.zendesk.com/agent/filters/360001234567';

/**
 * Counts the background's injections of the bridge from now on; with `refuse`, the browser refuses
 * them, as it does for a frame it will not script (a policy-blocked host, a frame gone meanwhile).
 */
async function watchInjections(worker: Worker, refuse = false): Promise<void> {
  await worker.evaluate((refuse) => {
    const g = globalThis as unknown as Record<string, { scripting?: Record<string, unknown> } | number | undefined> & { __bridgeInjections: number };
    g.__bridgeInjections = 0;
    const apis = new Set([(g.chrome as { scripting?: Record<string, unknown> })?.scripting, (g.browser as { scripting?: Record<string, unknown> } | undefined)?.scripting]);
    for (const api of apis) {
      if (!api) continue;
      const original = (api.__pulsoOriginal ??= api.executeScript) as (injection: { files?: string[] }) => Promise<unknown>;
      api.executeScript = (injection: { files?: string[] }) => {
        if (!injection.files?.includes('/ckeditor-bridge.js')) return original.call(api, injection);
        g.__bridgeInjections++;
        return refuse ? Promise.reject(new Error('Cannot access contents of the page.')) : original.call(api, injection);
      };
    }
  }, refuse);
}
const injections = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { __bridgeInjections: number }).__bridgeInjections);

/** Whether the bridge took the next insertion: it answers its request by cancelling it (seen from the page). */
const recordBridged = (page: Page) =>
  page.evaluate(() => {
    delete (window as unknown as { __pulsoBridged?: boolean }).__pulsoBridged;
    window.addEventListener('pulso:ckeditor-insert', (event) => Object.assign(window, { __pulsoBridged: event.defaultPrevented }), { once: true });
  });
const bridged = (page: Page) => page.evaluate(() => (window as unknown as { __pulsoBridged?: boolean }).__pulsoBridged);
const composerReady = (page: Page) => page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
const composerText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __composerState: string }).__composerState.replace(/<\/p>|<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' '));
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

async function openTicket(): Promise<{ page: Page; draftText: string }> {
  const page = await h.browser.context.newPage();
  await page.goto(TICKET);
  await composerReady(page);
  const draft = page.getByTestId('pulso-panel').getByTestId('pulso-draft-text');
  await expect(draft).not.toHaveValue('');
  return { page, draftText: await draft.inputValue() };
}

/** What Zendesk's router does: a new URL and the app's root rendered anew from a saved page, with no page load. */
async function routeInApp(page: Page, fixture: string, url: string): Promise<void> {
  await page.evaluate(
    async ({ fixture, url }) => {
      const html = await (await fetch(`/__fixture/${fixture}`)).text();
      const next = new DOMParser().parseFromString(html, 'text/html').getElementById('root')!;
      history.pushState({}, '', url);
      document.getElementById('root')!.replaceWith(document.importNode(next, true));
    },
    { fixture, url },
  );
}

async function replaceWithDraft(page: Page, draftText: string): Promise<void> {
  const panel = page.getByTestId('pulso-panel');
  await recordBridged(page);
  await panel.getByTestId('pulso-insert').click();
  await panel.getByTestId('pulso-insert-replace').click();
  await expect(panel.getByTestId('pulso-inserted')).toBeVisible();
  expect(lines(await composerText(page))).toEqual(lines(draftText));
  await expect(page.locator('[data-test-id="submit_button-button"]').first()).toBeEnabled();
}

test('the bridge is injected once, when the draft is shown, and serves the editor the SPA mounts after a route change', async () => {
  await watchInjections(h.browser.worker);
  const { page, draftText } = await openTicket();
  // The draft on screen is the cue: the bridge is in before the agent presses Insert.
  await expect.poll(() => injections(h.browser.worker)).toBe(1);
  await replaceWithDraft(page, draftText);
  expect(await bridged(page)).toBe(true);

  // Zendesk's router: to a view and back to the ticket without a page load. The ticket's DOM and
  // its CKEditor are built anew; the document (and the bridge listening on it) stays.
  await routeInApp(page, 'zendesk/view-open-tickets.html', VIEW);
  await expect(page.getByTestId('pulso-panel').getByTestId('pulso-conversation')).toHaveCount(0);
  await routeInApp(page, 'zendesk/ticket-4821.html', TICKET);
  // The ticket's composer, a new CKEditor on the new DOM (the fixture's own mount: e2e/fixtures/editors/ckeditor-composer.ts).
  await page.evaluate(() => (window as unknown as { __mountComposer: () => Promise<void> }).__mountComposer());
  await composerReady(page);
  const draft = page.getByTestId('pulso-panel').getByTestId('pulso-draft-text');
  await expect(draft).not.toHaveValue('');
  await replaceWithDraft(page, await draft.inputValue());
  expect(await bridged(page)).toBe(true);
  // The bridge already answered in this document: the background was not asked again.
  expect(await injections(h.browser.worker)).toBe(1);
  await page.close();
});

test('a page loaded anew gets its own bridge: one injection per document', async () => {
  await watchInjections(h.browser.worker);
  const first = await openTicket();
  await expect.poll(() => injections(h.browser.worker)).toBe(1);
  await first.page.reload();
  await composerReady(first.page);
  await expect(first.page.getByTestId('pulso-panel').getByTestId('pulso-draft-text')).not.toHaveValue('');
  await expect.poll(() => injections(h.browser.worker)).toBe(2);
  await replaceWithDraft(first.page, await first.page.getByTestId('pulso-panel').getByTestId('pulso-draft-text').inputValue());
  expect(await bridged(first.page)).toBe(true);
  expect(await injections(h.browser.worker)).toBe(2);
  await first.page.close();
});

test('an injection the browser refuses leaves the paste: the draft still lands, and the background is not asked again', async () => {
  await watchInjections(h.browser.worker, true);
  const { page, draftText } = await openTicket();
  await expect.poll(() => injections(h.browser.worker)).toBe(1);
  await replaceWithDraft(page, draftText);
  // The request went out and nobody in the page took it: CKEditor's own paste did.
  expect(await bridged(page)).toBe(false);
  expect(await injections(h.browser.worker)).toBe(1);
  await page.close();
  await watchInjections(h.browser.worker);
});
