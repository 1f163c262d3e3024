import { expect, test, type Page } from '@playwright/test';
import { backendDraftAnswer, backendTriageAnswer } from './support/answers';
import { whatsappRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

// What an agent does with the conversation panel, in the real extension on a WhatsApp chat:
// the triage view (hand-off summary and its Copy, the billing level that gives the retention
// quadrant) and the draft card (strategy picker, tone actions, Copy of the edited text).

const WHATSAPP = 'https://web.whatsapp.com/';
const CHAT = 'whatsapp/chat-individual.html';
const h = useExtensionHarness([whatsappRoutes(CHAT)]);

async function openChat(): Promise<Page> {
  await h.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WHATSAPP });
  const page = await h.browser.context.newPage();
  await page.goto(WHATSAPP);
  await expect(page.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(page.getByTestId('pulso-draft-card')).toHaveAttribute('aria-busy', 'false');
  return page;
}
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

test('triage view: the hand-off summary is the backend’s and copies as is; the billing level gives the retention quadrant', async () => {
  const page = await openChat();
  const panel = page.getByTestId('pulso-panel');
  const triage = await backendTriageAnswer(h.backend.url, CHAT, WHATSAPP);
  expect(triage.escalate).toBe(true); // a quote request goes to the sales back office

  await expect(panel.getByTestId('pulso-escalation')).toBeVisible();
  await expect(panel.getByTestId('pulso-handoff')).toHaveValue(triage.handoffSummary);
  await panel.getByTestId('pulso-copy-handoff').click();
  await expect(panel.getByTestId('pulso-copy-handoff')).toHaveText('Copied');
  expect(await clipboard(page)).toBe(triage.handoffSummary);

  // WhatsApp does not say how much the customer bills: no quadrant until the agent says so.
  await expect(panel.getByTestId('pulso-retention')).toHaveCount(0);
  await panel.getByTestId('pulso-billing').selectOption('high');
  const withBilling = await backendTriageAnswer(h.backend.url, CHAT, WHATSAPP, { billingLevel: 'high' });
  await expect(panel.getByTestId('pulso-retention')).toHaveAttribute('data-quadrant', withBilling.retention!.quadrant);
  await expect(panel.getByTestId('pulso-billing')).toHaveCount(0);
  await page.close();
});

test('draft card: another strategy redrafts, tone actions rewrite the text, Copy copies what the agent edited', async () => {
  const page = await openChat();
  const panel = page.getByTestId('pulso-panel');
  const card = panel.getByTestId('pulso-draft-card');
  const strategy = panel.getByTestId('pulso-strategy');
  const text = panel.getByTestId('pulso-draft-text');
  const first = await text.inputValue();
  const suggested = await strategy.inputValue();
  expect(suggested).toBe('escalate'); // the triage escalates, so the suggested reply hands over

  // Strategy: the agent picks another; the backend's draft in that strategy replaces the text.
  await strategy.selectOption('technical');
  const technical = (await backendDraftAnswer(h.backend.url, CHAT, WHATSAPP, { strategy: 'technical' })).text;
  expect(technical).not.toBe(first);
  await expect(text).toHaveValue(technical);
  await expect(strategy).toHaveValue('technical');
  await expect(text).toHaveAttribute('lang', 'es');

  // Tone actions rewrite the text in the box (what the agent sees), as the backend does.
  await panel.getByTestId('pulso-tone-shorter').click();
  const shorter = (await backendDraftAnswer(h.backend.url, CHAT, WHATSAPP, { strategy: 'technical', tone: 'shorter', previousText: technical })).text;
  expect(words(shorter)).toBeLessThan(words(technical));
  await expect(text).toHaveValue(shorter);
  await expect(card).toHaveAttribute('aria-busy', 'false');
  await panel.getByTestId('pulso-tone-more_formal').click();
  const formal = (await backendDraftAnswer(h.backend.url, CHAT, WHATSAPP, { strategy: 'technical', tone: 'more_formal', previousText: shorter })).text;
  expect(formal).not.toBe(shorter);
  await expect(text).toHaveValue(formal);
  await expect(strategy).toHaveValue('technical');

  // Copy takes the text as the agent edited it, not the draft as it came.
  const edited = `${await text.inputValue()}\nUn saludo, Andrea`;
  await text.fill(edited);
  await panel.getByTestId('pulso-copy-draft').click();
  await expect(panel.getByTestId('pulso-copy-draft')).toHaveText('Copied');
  expect(await clipboard(page)).toBe(edited);
  await page.close();
});
