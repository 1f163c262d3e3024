import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCsvRecords } from '../lib/history/export';
import { hubspotRoutes } from './support/fixture-server';
import { expectNoSeriousViolations } from './support/axe';
import { useExtensionHarness } from './support/harness';

const CONTACT_101 = 'https://app.hubspot.com/contacts/12345678/record/0-1/101';

const h = useExtensionHarness([hubspotRoutes]);

/** The rows the history table shows, in the fields the CSV carries too. */
async function shownRows(page: Page) {
  return page.getByTestId('history-row').evaluateAll((rows) =>
    rows.map((row) => {
      const attr = (testId: string, name: string) => row.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name) ?? '';
      const text = (testId: string) => row.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';
      return {
        id: row.getAttribute('data-history-id') ?? '',
        createdAt: attr('history-when', 'datetime'),
        crm: attr('history-crm', 'data-crm'),
        kind: attr('history-kind', 'data-kind'),
        recordId: attr('history-record', 'data-record-id'),
        fullName: text('history-name'),
        stage: text('history-stage'),
        priority: text('history-priority'),
        source: attr('history-source', 'data-source'),
        origin: attr('history-origin', 'data-origin'),
      };
    }),
  );
}

test('history lists the classified contact, exports a CSV that parses back to the rows shown; the popup reports status and counts', async () => {
  const { context, extensionId } = h.browser;
  const crm = await context.newPage();
  await crm.goto(CONTACT_101);
  const panel = crm.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(panel.getByTestId('pulso-priority')).toHaveText('P1');

  // The toggle-panel command (Alt+Shift+P) runs the background's command handler, which
  // toggles the panel in the active tab. Chromium gives a key press no way to reach an
  // extension command, so the test fires the command event itself; the handler is Pulso's.
  const toggle = panel.getByTestId('pulso-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const runCommand = (name: string) =>
    h.browser.worker.evaluate((command) => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(command: string): void } } } };
      chrome.commands.onCommand.dispatch(command);
    }, name);
  await crm.bringToFront();
  await runCommand('toggle-panel');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await runCommand('toggle-panel');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  // History: the result is listed.
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/result-history.html`);
  const row = history.getByTestId('history-row').filter({ has: history.locator('[data-record-id="101"]') }).first();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('history-crm')).toHaveAttribute('data-crm', 'hubspot');
  await expect(row.getByTestId('history-stage')).toHaveText('SQL');
  await expect(row.getByTestId('history-priority')).toHaveText('P1');
  await expect(row.getByTestId('history-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(row.getByTestId('history-name')).toHaveText('María González');

  // The input as read expands, as text.
  await row.locator('summary').focus();
  await history.keyboard.press('Enter');
  await expect(row.getByTestId('history-input')).toContainText('maria.gonzalez@');

  // Filters: a CRM with no results empties the table, "All" brings the row back.
  await history.getByTestId('history-filter-crm').selectOption('salesforce');
  await expect(history.getByTestId('history-row')).toHaveCount(0);
  await history.getByTestId('history-filter-crm').selectOption('');
  await history.getByTestId('history-search').fill('GONZALEZ');
  await expect(row).toBeVisible();
  await history.getByTestId('history-search').fill('');

  await expectNoSeriousViolations(history);
  if (process.env.PULSO_SCREENSHOTS) await history.screenshot({ path: 'test-results/history.png', fullPage: true });

  // Export CSV (a download) and parse it back: the same rows as shown.
  const [download] = await Promise.all([history.waitForEvent('download'), history.getByTestId('history-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^pulso-history-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const fromCsv = parseCsvRecords(csv).map((record) => ({
    id: record.id,
    createdAt: record.createdAt,
    crm: record.crm,
    kind: record.kind,
    recordId: record.recordId,
    fullName: record.fullName,
    stage: record.stage,
    priority: record.priority,
    source: record.source,
    origin: record.origin,
  }));
  const shown = await shownRows(history);
  expect(shown.map((r) => [r.recordId, r.kind, r.origin])).toEqual([['101', 'record', 'backend']]);
  expect(fromCsv).toEqual(shown);

  // Popup (opened as a page): backend reachable in rules mode, and the counts.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('popup-backend-status')).toHaveAttribute('data-reachable', 'true');
  await expect(popup.getByTestId('popup-backend-mode')).toHaveAttribute('data-mode', 'rules');
  await expect(popup.getByTestId('popup-history-count')).toHaveText(String(shown.length));
  await expect(popup.getByTestId('popup-cache-count')).toHaveText('1');
  // Opened as a page, the popup's own tab is the active one: not a CRM page.
  await expect(popup.getByTestId('popup-tab-status')).toHaveAttribute('data-status', 'unsupported');
  await expect(popup.getByTestId('popup-shortcut')).toBeVisible();
  await expect(popup.getByTestId('popup-open-history')).toHaveAttribute('href', `chrome-extension://${extensionId}/result-history.html`);
  // With the HubSpot contact as the active tab, the popup recognises it.
  await crm.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('popup-tab-status')).toHaveAttribute('data-status', 'supported');
  await expect(popup.getByTestId('popup-tab-status')).toContainText('HubSpot');
  await expectNoSeriousViolations(popup);
  if (process.env.PULSO_SCREENSHOTS) await popup.screenshot({ path: 'test-results/popup.png', fullPage: true });

  // A second contact makes two rows. Delete one, with confirmation, by keyboard; Cancel keeps it.
  await crm.goto('https://app.hubspot.com/contacts/12345678/record/0-1/202');
  await expect(panel.getByTestId('pulso-result')).toHaveAttribute('data-record-id', '202');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await history.bringToFront();
  await history.reload();
  await expect(history.getByTestId('history-row')).toHaveCount(2);
  await row.getByTestId('history-delete').focus();
  await history.keyboard.press('Enter');
  await expect(history.getByTestId('history-confirm-cancel')).toBeFocused();
  await history.keyboard.press('Escape');
  await expect(history.getByTestId('history-confirm')).toHaveCount(0);
  await expect(row.getByTestId('history-delete')).toBeFocused();
  await history.keyboard.press('Enter');
  await history.getByTestId('history-confirm-yes').click();
  await expect(history.getByTestId('history-row')).toHaveCount(1);
  await expect(history.locator('[data-testid="history-record"][data-record-id="202"]')).toHaveCount(1);

  // Delete all.
  await history.getByTestId('history-delete-all').click();
  await history.getByTestId('history-confirm-yes').click();
  await expect(history.getByTestId('history-empty')).toBeVisible();
  await popup.reload();
  await expect(popup.getByTestId('popup-history-count')).toHaveText('0');
});
