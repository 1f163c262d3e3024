import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { backendLeadAnswer, backendTriageAnswer } from './support/answers';
import { startBackend } from './support/backend';
import { hubspotRoutes, startFixtureServer, whatsappRoutes, type FixtureServer } from './support/fixture-server';
import { launchFirefoxWithExtension, type LaunchedFirefox } from './support/firefox';

// Real Firefox (Debian's firefox-esr) with the MV2 build installed as a temporary add-on,
// driven over WebDriver BiDi: the lead panel on a HubSpot contact and the conversation
// panel on a WhatsApp chat, both at their real hostnames, answered by the real backend.

let fixtures: FixtureServer;
let backend: Awaited<ReturnType<typeof startBackend>>;
let firefox: LaunchedFirefox;

test.beforeAll(async () => {
  fixtures = await startFixtureServer([hubspotRoutes, whatsappRoutes()]);
  backend = await startBackend();
  firefox = await launchFirefoxWithExtension(fixtures.port, backend.url);
});
test.afterAll(async () => {
  await firefox?.close();
  await backend?.app.close();
  await fixtures?.close();
});

/** Reads what the panel shows, through its shadow root: `attribute` of `[data-testid=testId]`, or its text. */
function panelValue(page: Page, testId: string, attribute?: string): Promise<string | null> {
  return page.evaluate(
    (id, attr) => {
      const find = (root: Document | ShadowRoot): Element | null => {
        const hit = root.querySelector(`[data-testid="${id}"]`);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      const el = find(document);
      if (!el) return null;
      if (attr === 'value') return (el as HTMLTextAreaElement).value;
      return attr ? el.getAttribute(attr) : (el.textContent ?? '').trim();
    },
    testId,
    attribute ?? null,
  );
}

/** Waits (on the page's state, no sleep) until the panel shows `expected`. */
async function expectPanel(page: Page, testId: string, attribute: string | undefined, expected: string | RegExp) {
  await expect
    .poll(() => panelValue(page, testId, attribute), { message: `${testId}${attribute ? `[${attribute}]` : ''}`, timeout: 20_000 })
    .toMatch(expected);
}

test('Firefox: the lead panel classifies a HubSpot contact through the backend', async () => {
  const page = await firefox.browser.newPage();
  const url = 'https://app.hubspot.com/contacts/12345678/record/0-1/101';
  await page.goto(url);
  await expectPanel(page, 'pulso-result', 'data-record-id', /^101$/);
  await expectPanel(page, 'pulso-origin', 'data-origin', /^backend$/);
  // A hot lead (an incident stopping production, the CTO writing): SQL / P1, as the backend answers it.
  const answer = await backendLeadAnswer(backend.url, 'hubspot/contact-101.html', url);
  expect([answer.stage, answer.priority]).toEqual(['SQL', 'P1']);
  await expectPanel(page, 'pulso-stage', undefined, /^SQL$/);
  await expectPanel(page, 'pulso-priority', undefined, /^P1$/);
  await expectPanel(page, 'pulso-source', 'data-source', /^rules$/);
  // The CRM's styles stay out of the panel's shadow root, and the panel's out of the page.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain('ui-sans-serif');
  await page.close();
});

test('Firefox: the conversation panel triages a WhatsApp chat, drafts a Spanish reply and inserts it into Lexical', async () => {
  const page = await firefox.browser.newPage();
  await page.goto('https://web.whatsapp.com/');
  await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
  await expectPanel(page, 'pulso-conversation', 'data-record-id', /^34600111222@c\.us$/);
  await expectPanel(page, 'pulso-origin', 'data-origin', /^backend$/);
  // Exactly the backend's answer for the chat as Pulso's reader reads it.
  const triage = await backendTriageAnswer(backend.url, 'whatsapp/chat-individual.html', 'https://web.whatsapp.com/');
  await expectPanel(page, 'pulso-intent', 'data-intent', new RegExp(`^${triage.intent}$`));
  await expectPanel(page, 'pulso-draft-text', 'lang', /^es$/);
  await expectPanel(page, 'pulso-draft-text', 'value', /\S/);
  const draft = (await panelValue(page, 'pulso-draft-text', 'value'))!;

  // Insert types the draft into WhatsApp's Lexical composer after the agent's own text.
  await (await page.waitForSelector('pierce/[data-testid="pulso-insert"]'))!.click();
  await (await page.waitForSelector('pierce/[data-testid="pulso-insert-append"]'))!.click();
  await page.waitForSelector('pierce/[data-testid="pulso-inserted"]');
  const composer = await page.evaluate(() => (window as unknown as { __composerState: string }).__composerState);
  expect(composer).toContain('te lo reservo');
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  expect(lines(composer).slice(-lines(draft).length)).toEqual(lines(draft));
  await expect.poll(() => page.$eval('footer button[aria-label="Send"]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
  await page.close();
});
