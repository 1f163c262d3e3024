import { expect, test } from '@playwright/test';
import { salesforceRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

const h = useExtensionHarness([salesforceRoutes]);

test('Salesforce lead record: the panel classifies the active lead, never the cached hidden one', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://nubeandina.lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view');
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-result')).toHaveAttribute('data-record-id', '00Q5g00000Lq7XyEAJ');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(panel.getByTestId('pulso-priority')).toHaveText(/^P[1-4]$/);
  await expect(panel.getByTestId('pulso-fields-read')).toContainText('jobTitle');
  await expect(panel.getByTestId('pulso-summary-text')).toContainText('Carla Ruiz');
  // The hidden, cached lead and the signed-in rep never reach the panel.
  await expect(panel).not.toContainText('Tomás Vidal');
  await expect(panel).not.toContainText('Andrea Salazar');
});
