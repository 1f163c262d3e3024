import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startBackend } from './support/backend';
import { startFixtureServer, zendeskRoutes, type FixtureServer } from './support/fixture-server';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type LaunchedFirefox } from './support/firefox';

// Firefox's MV2 build reaches CKEditor's model through the same MAIN-world bridge as Chrome's:
// the background injects it with browser.scripting (lib/background/ckeditor-bridge.ts) when a
// draft is shown over a CKEditor composer. Real Firefox (firefox-esr), the Zendesk ticket at its
// real hostname, answered by the real backend. Firefox's background cannot be watched from the
// test as Chrome's service worker is (e2e/ckeditor-bridge.spec.ts): what the page sees tells.

const TICKET = 'https://nubeandina.zendesk.com/agent/tickets/4821';

let fixtures: FixtureServer;
let backend: Awaited<ReturnType<typeof startBackend>>;

test.beforeAll(async () => {
  fixtures = await startFixtureServer([zendeskRoutes]);
  backend = await startBackend();
});
test.afterAll(async () => {
  await backend?.app.close();
  await fixtures?.close();
});

/** Whether the bridge listens in the page: it answers its ping by cancelling it (asked from the page's own world). */
const bridgeAnswers = (page: Page) =>
  page.evaluate(() => {
    const ping = new CustomEvent('pulso:ckeditor-bridge', { cancelable: true });
    document.dispatchEvent(ping);
    return ping.defaultPrevented;
  });

/** Whether the bridge took the next insertion: it answers its request by cancelling it (seen from the page). */
const recordBridged = (page: Page) =>
  page.evaluate(() => {
    delete (window as unknown as { __pulsoBridged?: boolean }).__pulsoBridged;
    window.addEventListener('pulso:ckeditor-insert', (event) => Object.assign(window, { __pulsoBridged: event.defaultPrevented }), { once: true });
  });
const bridged = (page: Page) => page.evaluate(() => (window as unknown as { __pulsoBridged?: boolean }).__pulsoBridged);
const composerText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __composerState: string }).__composerState.replace(/<\/p>|<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' '));
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The draft the panel shows, read through its shadow root ('' until there is one). */
const draftShown = (page: Page) =>
  page.evaluate(() => {
    const find = (root: Document | ShadowRoot): HTMLTextAreaElement | null => {
      const hit = root.querySelector<HTMLTextAreaElement>('[data-testid="pulso-draft-text"]');
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return find(document)?.value ?? '';
  });

async function openTicket(firefox: LaunchedFirefox): Promise<{ page: Page; draftText: string }> {
  const page = await firefox.browser.newPage();
  await page.goto(TICKET);
  await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
  await expect.poll(() => draftShown(page), { message: 'the draft shown', timeout: 20_000 }).toMatch(/\S/);
  return { page, draftText: await draftShown(page) };
}

/** Insert → Replace, as the agent does over their own unsent text; the composer ends holding the draft. */
async function replaceWithDraft(page: Page, draftText: string): Promise<void> {
  await recordBridged(page);
  await (await page.waitForSelector('pierce/[data-testid="pulso-insert"]'))!.click();
  await (await page.waitForSelector('pierce/[data-testid="pulso-insert-replace"]'))!.click();
  await page.waitForSelector('pierce/[data-testid="pulso-inserted"]');
  expect(lines(await composerText(page))).toEqual(lines(draftText));
  await expect.poll(() => page.$eval('[data-test-id="submit_button-button"]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
}

test.describe('Firefox: the CKEditor bridge', () => {
  let firefox: LaunchedFirefox;
  test.beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(fixtures.port, backend.url);
  });
  test.afterAll(async () => {
    await firefox?.close();
  });

  test('is injected into the Zendesk page when the draft is shown, and takes the draft into CKEditor’s model', async () => {
    const { page, draftText } = await openTicket(firefox);
    // The draft on screen is the cue: the bridge is in the page's world before the agent presses Insert.
    await expect.poll(() => bridgeAnswers(page), { message: 'the bridge answers in the page' }).toBe(true);
    await replaceWithDraft(page, draftText);
    expect(await bridged(page)).toBe(true);
    await page.close();
  });
});

test.describe('Firefox: an injection that fails', () => {
  let firefox: LaunchedFirefox;
  let variant: string;
  test.beforeAll(async () => {
    // The same build without the bridge's file: browser.scripting.executeScript fails, as for a frame it will not script.
    variant = mkdtempSync(join(tmpdir(), 'pulso-firefox-no-bridge-'));
    cpSync(FIREFOX_EXTENSION_DIR, variant, { recursive: true });
    rmSync(join(variant, 'ckeditor-bridge.js'));
    firefox = await launchFirefoxWithExtension(fixtures.port, backend.url, variant);
  });
  test.afterAll(async () => {
    await firefox?.close();
    if (variant) rmSync(variant, { recursive: true, force: true });
  });

  test('leaves the paste: the draft still lands in the composer (Firefox reads a constructed paste’s text from its own init members)', async () => {
    const { page, draftText } = await openTicket(firefox);
    await replaceWithDraft(page, draftText);
    // The request went out and nobody in the page took it: CKEditor's own paste did.
    expect(await bridged(page)).toBe(false);
    expect(await bridgeAnswers(page)).toBe(false);
    await page.close();
  });
});
