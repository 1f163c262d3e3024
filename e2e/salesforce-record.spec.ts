import { expect, test } from '@playwright/test';
import { backendLeadAnswer } from './support/answers';
import { salesforceRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

const h = useExtensionHarness([salesforceRoutes]);

test('Salesforce lead record: the panel classifies the active lead, never the cached hidden one', async () => {
  const page = await h.browser.context.newPage();
  const url = 'https://nubeandina.lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view';
  await page.goto(url);
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-result')).toHaveAttribute('data-record-id', '00Q5g00000Lq7XyEAJ');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  // Exactly the backend's answer for the lead as Pulso's reader reads it (the visible one).
  const answer = await backendLeadAnswer(h.backend.url, 'salesforce/lead-00Q5g00000Lq7XyEAJ.html', url);
  await expect(panel.getByTestId('pulso-stage')).toHaveText(answer.stage);
  await expect(panel.getByTestId('pulso-priority')).toHaveText(answer.priority);
  await expect(panel.getByTestId('pulso-sla')).toContainText(`${answer.slaHours} h`);
  await expect(panel.getByTestId('pulso-fields-read')).toContainText('jobTitle');
  await expect(panel.getByTestId('pulso-summary-text')).toContainText('Carla Ruiz');
  // The hidden, cached lead and the signed-in rep never reach the panel.
  await expect(panel).not.toContainText('Tomás Vidal');
  await expect(panel).not.toContainText('Andrea Salazar');
});
