import { expect, test, type Page } from '@playwright/test';
import { hubspotRoutes, whatsappRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

// The first answer reaches the screen before the UI chunk: the content script's glance paints
// it in plain DOM, then the full view takes its place, and no frame ever shows both.

const h = useExtensionHarness([hubspotRoutes, whatsappRoutes()]);

/** Installed before the page's scripts: what each animation frame showed of Pulso's hosts. */
const WATCH_FRAMES = `(() => {
  const log = (window.__pulsoFrames = { glanceResult: NaN, view: NaN, both: 0, glanceFacts: null });
  const frame = () => {
    const glance = document.querySelector('body > pulso-panel-glance, body > pulso-conversation-panel-glance');
    const view = document.querySelector('body > pulso-panel, body > pulso-conversation-panel');
    const origin = glance && glance.shadowRoot && glance.shadowRoot.querySelector('[data-testid="pulso-origin"]');
    if (origin && Number.isNaN(log.glanceResult)) {
      log.glanceResult = performance.now();
      log.glanceFacts = Array.from(glance.shadowRoot.querySelectorAll('b[data-testid]')).map((b) => [b.dataset.testid, b.textContent]);
    }
    if (view && view.shadowRoot && view.shadowRoot.querySelector('[data-testid="pulso-panel"]') && Number.isNaN(log.view)) log.view = performance.now();
    if (glance && view && view.shadowRoot && view.shadowRoot.childElementCount) log.both++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

interface Frames {
  glanceResult: number;
  view: number;
  both: number;
  glanceFacts: [string, string][] | null;
}
const frames = (page: Page) => page.evaluate(() => (window as unknown as { __pulsoFrames: Frames }).__pulsoFrames);

test.beforeAll(async () => {
  await h.browser.context.addInitScript(WATCH_FRAMES);
});

test('a HubSpot record: stage, priority and SLA are on screen before the UI chunk, then the full panel replaces them', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://app.hubspot.com/contacts/12345678/record/0-1/101');
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-result')).toHaveAttribute('data-record-id', '101');
  await expect(page.locator('pulso-panel-glance')).toHaveCount(0);
  const seen = await frames(page);
  expect(seen.glanceResult).toBeLessThan(seen.view);
  expect(seen.both).toBe(0);
  // The glance said what the panel says (the preview or the backend's answer, whichever came first, agree here).
  const facts = Object.fromEntries(seen.glanceFacts ?? []);
  expect(facts['pulso-priority']).toBe(await panel.getByTestId('pulso-priority').textContent());
  expect(facts['pulso-stage']).toBe(await panel.getByTestId('pulso-stage').textContent());
  await page.close();
});

test('a WhatsApp chat: what the customer wants is on screen before the UI chunk, then the full panel replaces it', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://web.whatsapp.com/');
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-conversation')).toHaveAttribute('data-record-id', '34600111222@c.us');
  await expect(page.locator('pulso-conversation-panel-glance')).toHaveCount(0);
  const seen = await frames(page);
  expect(seen.glanceResult).toBeLessThan(seen.view);
  expect(seen.both).toBe(0);
  expect(Object.fromEntries(seen.glanceFacts ?? [])['pulso-intent']).toBeTruthy();
  await page.close();
});
