import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CampaignSchema } from '../lib/contracts';
import { expectNoSeriousViolations } from './support/axe';
import { hubspotRoutes, salesforceRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

// Issue 13 end to end: the real built extension on fixture CRM pages at their real hostnames,
// the real backend (rules mode), and each CRM's email composer on the editor library it uses.
const CONTACT_303 = 'https://app.hubspot.com/contacts/12345678/record/0-1/303';
const SF_CONTACT = 'https://nubeandina.lightning.force.com/lightning/r/Contact/0035g00000Tq2ZyAAJ/view';

const h = useExtensionHarness([hubspotRoutes, salesforceRoutes]);
// In order: the history test reads the two campaigns the first two wrote.
test.describe.configure({ mode: 'serial' });

type ComposerWindow = { __composerReady?: boolean; __composerState: string; __subjectState: string; __sent: boolean };
const composer = (page: Page) => page.evaluate(() => {
  const w = window as unknown as ComposerWindow;
  return { body: w.__composerState, subject: w.__subjectState, sent: w.__sent };
});
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

test('HubSpot contact: Campaign → the steps appear → subject and body → Insert fills the email composer, which is not sent', async () => {
  const page = await h.browser.context.newPage();
  await page.goto(CONTACT_303);
  await page.waitForFunction(() => (window as unknown as ComposerWindow).__composerReady === true);

  const open = page.getByTestId('pulso-campaign-open');
  await open.click();
  const drawer = page.getByTestId('pulso-campaign-panel');
  await expect(drawer).toBeVisible();

  // The glass box: read (the fields), enrich (the timeline items and the deal stage), reason, write.
  const steps = drawer.getByTestId('pulso-campaign-step');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveAttribute('data-step', 'read');
  await expect(steps.nth(0)).toContainText('Carmen Vidal');
  await expect(steps.nth(1)).toHaveAttribute('data-step', 'enrich');
  await expect(steps.nth(1)).toContainText(/call 2025-09-18/);
  await expect(steps.nth(1)).toContainText('Presentation scheduled');
  await expect(steps.nth(1)).not.toContainText('Enviar propuesta'); // the rep's task is not a fact about the lead
  await expect(steps.nth(2)).toHaveAttribute('data-step', 'reason');
  await expect(steps.nth(3)).toHaveAttribute('data-step', 'write');

  // The result, its source labelled; the subject, and the body in the sandboxed preview.
  const result = drawer.getByTestId('pulso-campaign-result');
  await expect(result.getByTestId('pulso-campaign-source')).toHaveAttribute('data-source', 'rules');
  await expect(result.getByTestId('pulso-campaign-origin')).toHaveAttribute('data-origin', 'backend');
  const subject = (await result.getByTestId('pulso-campaign-subject').textContent())!.trim();
  expect(subject).toContain('Vidal Transportes');
  const preview = result.getByTestId('pulso-campaign-preview');
  await expect(preview).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('[data-testid="pulso-campaign-preview"]').locator('body')).toContainText('Carmen');
  const message = (await result.getByTestId('pulso-campaign-message').textContent())!;
  expect(message).toMatch(/^Hola Carmen/);

  // The preview is a sandbox="" iframe (the email, not the panel): audited as a frame element only.
  await expectNoSeriousViolations(page, { include: 'pulso-campaign', skipFrames: true });

  // Insert: subject into the composer's subject field, body into ProseMirror's document; Send enables; nothing is sent.
  const send = page.locator('[data-selenium-test="email-send-button"]');
  await expect(send).toBeDisabled();
  await result.getByTestId('pulso-campaign-insert').click();
  await expect(result.getByTestId('pulso-campaign-inserted')).toBeVisible();
  const filled = await composer(page);
  expect(filled.subject).toBe(subject);
  expect(lines(filled.body)).toEqual(lines(message));
  await expect(send).toBeEnabled();
  expect(filled.sent).toBe(false);

  // Again: the composer now has text, so the rep is asked; Cancel leaves it as it is.
  await result.getByTestId('pulso-campaign-insert').click();
  await expect(result.getByRole('alertdialog')).toBeVisible();
  await result.getByRole('button', { name: 'Cancel' }).click();
  expect(lines((await composer(page)).body)).toEqual(lines(message));

  // Escape closes the drawer and gives focus back to the action; the action shows it again.
  await result.getByTestId('pulso-campaign-insert').focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(open).toBeFocused();
  await open.click();
  await expect(drawer.getByTestId('pulso-campaign-subject')).toHaveText(subject);
  expect((await composer(page)).sent).toBe(false);
});

test('Salesforce contact: the campaign reads the activity timeline and fills the docked composer (CKEditor), not sent', async () => {
  const page = await h.browser.context.newPage();
  await page.goto(SF_CONTACT);
  await page.waitForFunction(() => (window as unknown as ComposerWindow).__composerReady === true);
  await page.getByTestId('pulso-campaign-open').click();
  const drawer = page.getByTestId('pulso-campaign-panel');
  await expect(drawer.getByTestId('pulso-campaign-step')).toHaveCount(4);
  await expect(drawer.getByTestId('pulso-campaign-step').nth(1)).toContainText('Llamada con Tomás');
  const subject = (await drawer.getByTestId('pulso-campaign-subject').textContent())!.trim();
  // Chrome's build fills Lightning's CKEditor through the bridge the background injected when the campaign was shown.
  await page.evaluate(() =>
    window.addEventListener('pulso:ckeditor-insert', (event) => Object.assign(window, { __pulsoBridged: event.defaultPrevented }), { once: true }),
  );
  await drawer.getByTestId('pulso-campaign-insert').click();
  await expect(drawer.getByTestId('pulso-campaign-inserted')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pulsoBridged?: boolean }).__pulsoBridged)).toBe(true);
  const filled = await composer(page);
  expect(filled.subject).toBe(subject);
  expect(filled.body).toMatch(/^<p>Hola Tomás/);
  await expect(page.locator('.slds-docked-composer__footer .slds-button_brand')).toBeEnabled();
  expect(filled.sent).toBe(false);
  // The preview is a sandbox="" iframe (the email, not the panel): audited as a frame element only.
  await expectNoSeriousViolations(page, { include: 'pulso-campaign', skipFrames: true });
});

test('the history lists the campaigns beside the classifications and exports them (HTML, JSON, CSV); offline the browser writes the campaign', async () => {
  const { context, extensionId } = h.browser;
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/result-history.html`);
  const rows = history.getByTestId('history-campaign-row');
  await expect(rows).toHaveCount(2);
  await expect(history.getByTestId('history-campaign-name')).toContainText(['Tomás Herrera', 'Carmen Vidal']);
  // The Kind filter: campaigns only hides the classifications; a kind of classification hides the campaigns.
  await history.getByTestId('history-filter-kind').selectOption('campaign');
  await expect(history.getByTestId('history-row')).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await history.getByTestId('history-search').fill('carmen');
  await expect(rows).toHaveCount(1);
  await expectNoSeriousViolations(history);

  const [html] = await Promise.all([history.waitForEvent('download'), history.getByTestId('history-campaigns-export-html').click()]);
  const file = readFileSync((await html.path())!, 'utf8');
  expect(html.suggestedFilename()).toMatch(/^pulso-campaigns-.*\.html$/);
  expect(file).toContain("default-src 'none'");
  expect(file).toContain('Vidal Transportes');
  expect(file).not.toMatch(/<script|<form|https?:\/\/(?!www\.w3)/i);
  const [json] = await Promise.all([history.waitForEvent('download'), history.getByTestId('history-campaigns-export-json').click()]);
  const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { entries: { campaign: unknown }[] };
  expect(exported.entries).toHaveLength(1);
  expect(CampaignSchema.parse(exported.entries[0]!.campaign).subject).toContain('Vidal Transportes');
  const [csv] = await Promise.all([history.waitForEvent('download'), history.getByTestId('history-campaigns-export-csv').click()]);
  expect(readFileSync((await csv.path())!, 'utf8').split('\r\n')[0]).toMatch(/^createdAt,crm,recordType,recordId,/);

  // Backend gone: the campaign is still written, by the rules in the browser, and says so.
  await h.backend.app.close();
  const page = await context.newPage();
  await page.goto(CONTACT_303);
  await page.getByTestId('pulso-campaign-open').click();
  const result = page.getByTestId('pulso-campaign-result');
  await expect(result.getByTestId('pulso-campaign-origin')).toHaveAttribute('data-origin', 'offline');
  await expect(result.getByTestId('pulso-campaign-source')).toHaveAttribute('data-source', 'rules');
  await expect(result.getByTestId('pulso-campaign-subject')).toContainText('Vidal Transportes');
});
