import { expect, test, type Page } from '@playwright/test';
import { whatsappRoutes, zendeskRoutes } from './support/fixture-server';
import { expectNoSeriousViolations } from './support/axe';
import { useExtensionHarness } from './support/harness';

const h = useExtensionHarness([whatsappRoutes(), zendeskRoutes]);

const composerState = (page: Page) => page.evaluate(() => (window as unknown as { __composerState: string }).__composerState);
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

test('WhatsApp chat: triage, a Spanish draft, Insert keeps the agent’s text and enables Send', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://web.whatsapp.com/');
  await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-conversation')).toHaveAttribute('data-record-id', '34600111222@c.us');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(panel.getByTestId('pulso-intent')).toHaveAttribute('data-intent', /inventory|quote/);
  const draft = panel.getByTestId('pulso-draft-text');
  await expect(draft).not.toHaveValue('');
  await expect(draft).toHaveAttribute('lang', 'es');
  const draftText = await draft.inputValue();

  await expectNoSeriousViolations(page, { include: 'pulso-conversation-panel' });

  // The composer already holds the agent's unsent text: Pulso asks before touching it.
  expect(await composerState(page)).toContain('te lo reservo');
  await panel.getByTestId('pulso-insert').click();
  await panel.getByTestId('pulso-insert-append').click();
  await expect(panel.getByTestId('pulso-inserted')).toBeVisible();
  const state = await composerState(page);
  expect(state).toContain('te lo reservo');
  expect(lines(state).slice(-lines(draftText).length)).toEqual(lines(draftText));
  await expect(page.locator('footer button[aria-label="Send"]')).toBeEnabled();
  // Pulso never sends: the chat still has its messages and no new outgoing one.
  await expect(page.locator('#main [data-pre-plain-text]')).toHaveCount(11);
});

test('Zendesk ticket: Replace puts the draft into CKEditor, and internal notes never reach it', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://nubeandina.zendesk.com/agent/tickets/4821');
  await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-conversation')).toHaveAttribute('data-record-id', '4821');
  const draft = panel.getByTestId('pulso-draft-text');
  await expect(draft).not.toHaveValue('');
  const draftText = await draft.inputValue();

  // Chrome's build inserts through its MAIN-world bridge: the request crosses from the content
  // script's world to the page's, and the bridge's answer (the event cancelled) crosses back.
  await page.evaluate(() =>
    window.addEventListener('pulso:ckeditor-insert', (event) => Object.assign(window, { __pulsoBridged: event.defaultPrevented })),
  );
  await panel.getByTestId('pulso-insert').click();
  await panel.getByTestId('pulso-insert-replace').click();
  await expect(panel.getByTestId('pulso-inserted')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pulsoBridged?: boolean }).__pulsoBridged)).toBe(true);
  const html = await composerState(page);
  const text = html.replace(/<\/p>|<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');
  expect(lines(text)).toEqual(lines(draftText));
  // The agent's earlier text was replaced; the internal note never reaches the customer.
  expect(text).not.toContain('el reenvío sale mañana');
  expect(text).not.toMatch(/andén|Bodega confirma|no prometer/);
  await expect(page.locator('[data-test-id="submit_button-button"]').first()).toBeEnabled();
});
