import { expect, test } from '@playwright/test';
import { hubspotRoutes } from './support/fixture-server';
import { expectNoSeriousViolations } from './support/axe';
import { useExtensionHarness } from './support/harness';

const CONTACT_101 = 'https://app.hubspot.com/contacts/12345678/record/0-1/101';

const h = useExtensionHarness([hubspotRoutes]);

test('the HubSpot contact panel classifies, follows SPA navigation, and falls back to rules offline', async () => {
  const page = await h.browser.context.newPage();
  await page.goto(CONTACT_101);

  const panel = page.getByTestId('pulso-panel');
  const result = panel.getByTestId('pulso-result');
  // A hot lead: the CTO of a manufacturer losing data with production stopped.
  await expect(result).toHaveAttribute('data-record-id', '101');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(panel.getByTestId('pulso-stage')).toHaveText('SQL');
  await expect(panel.getByTestId('pulso-priority')).toHaveText('P1');
  await expect(panel.getByTestId('pulso-source')).toHaveAttribute('data-source', 'rules');
  await expect(panel.getByTestId('pulso-fields-read')).toContainText('email');

  await expectNoSeriousViolations(page, { include: 'pulso-panel' });

  // The CRM's own styles must not reach the panel, nor the panel's the CRM.
  const pageFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(pageFont).not.toContain('ui-sans-serif');

  // Keyboard: the toggle collapses the panel (it overlays the CRM's right column, so
  // a rep collapses it to reach links there) and keeps its state across navigation.
  const toggle = panel.getByTestId('pulso-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(result).toHaveCount(0);

  // SPA navigation to another contact: the panel follows without a reload.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await page.locator('a[href="/contacts/12345678/record/0-1/202"]').first().click();
  await expect(page).toHaveURL(/record\/0-1\/202/);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(result).toHaveAttribute('data-record-id', '202');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', /backend|cache/);
  await expect(panel.getByTestId('pulso-stage')).not.toHaveText('SQL');
  await expect(panel.getByTestId('pulso-fields-missing')).toContainText('phone');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // Escape closes the panel too, and gives focus back to the toggle.
  await panel.getByTestId('pulso-refresh').focus();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');

  // Backend stopped: the panel still answers, from the local rules engine, and says so.
  await h.backend.app.close();
  await panel.getByTestId('pulso-refresh').click();
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'offline');
  await expect(panel.getByTestId('pulso-source')).toHaveAttribute('data-source', 'rules');
  await expect(result).toHaveAttribute('data-record-id', '202');
  await expect(panel.getByTestId('pulso-stage')).not.toHaveText('SQL');
});
