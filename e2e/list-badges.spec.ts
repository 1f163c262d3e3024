import { expect, test, type Page } from '@playwright/test';
import { backendListRowAnswer } from './support/answers';
import { hubspotRoutes, salesforceRoutes, zendeskRoutes } from './support/fixture-server';
import { expectNoSeriousViolations } from './support/axe';
import { useExtensionHarness } from './support/harness';

const HUBSPOT_LIST = 'https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list';
const SALESFORCE_LIST = 'https://nubeandina.lightning.force.com/lightning/o/Lead/list?filterName=00B5g00000MyOpenLeads';

const h = useExtensionHarness([hubspotRoutes, salesforceRoutes, zendeskRoutes]);

/** Each visible record link with the badge that sits in its row (if any). */
function rowsWithBadges(page: Page, rowSelector: string, linkSelector: string) {
  return page.evaluate(
    ([rowSel, linkSel]) =>
      Array.from(document.querySelectorAll(rowSel))
        .filter((row) => row.querySelector(linkSel) && row.checkVisibility({ visibilityProperty: true }))
        .map((row) => {
          const href = row.querySelector(linkSel)!.getAttribute('href')!;
          const badge = row.querySelector('pulso-badge') as HTMLElement | null;
          return { href, badgeRecord: badge?.dataset.recordId, status: badge?.dataset.status, priority: badge?.dataset.priority, evidence: badge?.dataset.evidence };
        }),
    [rowSelector, linkSelector] as const,
  );
}

test('HubSpot contacts list: a priority badge on every visible row, the right one per record', async () => {
  const page = await h.browser.context.newPage();
  // The rep opened María González's record earlier: its full classification is cached.
  await page.goto('https://app.hubspot.com/contacts/12345678/record/0-1/101');
  await expect(page.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await page.goto(HUBSPOT_LIST);
  const badges = page.locator('pulso-badge[data-status="ready"]');
  await expect(badges).toHaveCount(50);

  const rows = await rowsWithBadges(page, '#crm-list-root tbody tr', 'a[href*="/record/0-1/"]');
  expect(rows).toHaveLength(50);
  for (const row of rows) expect(row.href.endsWith(`/record/0-1/${row.badgeRecord}`), JSON.stringify(row)).toBe(true);
  // The default columns (name, email, phone, owner, company, status) say too little to judge
  // a lead, but María González's row reuses the result of her record page: P1.
  expect(rows.find((r) => r.badgeRecord === '101')?.priority).toBe('P1');
  // Any other row: exactly the backend's answer for that row as Pulso reads it — and a row the
  // rules cannot judge (limitedEvidence) gets the neutral "not enough data" badge, never a priority.
  const row1014 = await backendListRowAnswer(h.backend.url, 'hubspot/contacts-list.html', HUBSPOT_LIST, '1014');
  expect(rows.find((r) => r.badgeRecord === '1014')).toMatchObject(
    row1014.limitedEvidence ? { status: 'ready', evidence: 'limited', priority: undefined } : { status: 'ready', priority: row1014.priority },
  );
  // The hover text gives the stage and the top reason.
  await expect(page.locator('pulso-badge[data-record-id="101"] >> span')).toHaveAttribute('title', /^SQL · P1: /);
  // Every badge has one size whatever it says ("…", a priority, "?"), contained: an answer
  // arriving changes nothing around it in the CRM's table.
  const boxes = await page.evaluate(() =>
    Array.from(document.querySelectorAll('pulso-badge'), (badge) => {
      const { width, height } = badge.getBoundingClientRect();
      return `${width}x${height} ${getComputedStyle(badge).contain}`;
    }),
  );
  expect(new Set(boxes)).toEqual(new Set(['34x18 strict']));

  // A virtualised table re-uses a row node for another record: the badge must follow.
  await page.evaluate(() => {
    const link = document.querySelector('#crm-list-root a[href$="/record/0-1/202"]')!;
    link.setAttribute('href', '/contacts/12345678/record/0-1/4040');
    link.textContent = 'Valentina Ortega';
  });
  await expect(page.locator('pulso-badge[data-record-id="202"]')).toHaveCount(0);
  await expect(page.locator('pulso-badge[data-record-id="4040"][data-status="ready"]')).toHaveCount(1);
  await expect(page.locator('pulso-badge[data-record-id="101"][data-priority="P1"]')).toHaveCount(1);

  // The manager's toolbar: counts, and a filter that hides rows below P1 and brings them back.
  const toolbar = page.getByTestId('pulso-list-toolbar');
  await expect(toolbar.getByTestId('pulso-list-counts')).toContainText('P1');
  await toolbar.getByRole('button', { name: /Pulso priorities/ }).click();
  await toolbar.getByTestId('pulso-list-filter').selectOption('P1');
  const visibleRows = () => page.locator('#crm-list-root tbody tr:visible a[href*="/record/0-1/"]').count();
  const p1Count = await page.locator('pulso-badge[data-priority="P1"]').count();
  await expect.poll(visibleRows).toBe(p1Count);
  await expect(toolbar.getByTestId('pulso-call-first')).toContainText('María González');
  await expectNoSeriousViolations(page, { include: 'pulso-list-toolbar' });
  await toolbar.getByTestId('pulso-list-filter').selectOption('all');
  await expect.poll(visibleRows).toBe(50);
});

test('Salesforce lead list view: badges on all 25 rows', async () => {
  const page = await h.browser.context.newPage();
  await page.goto(SALESFORCE_LIST);
  await expect(page.locator('pulso-badge[data-status="ready"]')).toHaveCount(25);
  const rows = await rowsWithBadges(page, '#crm-list-root tr[data-row-key-value]', 'a[data-recordid]');
  expect(rows).toHaveLength(25);
  for (const row of rows) expect(row.href).toContain(`/Lead/${row.badgeRecord}/view`);
});

test('Zendesk view: a badge on each of the 30 ticket rows, tied to its ticket', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://nubeandina.zendesk.com/agent/filters/360001234567');
  await expect(page.locator('pulso-badge[data-status="ready"]')).toHaveCount(30);
  const ids = await page.locator('pulso-badge').evaluateAll((badges) =>
    badges.map((badge) => [badge.getAttribute('data-record-id'), badge.closest('tr')?.querySelector('a[href*="/agent/tickets/"]')?.getAttribute('href')]),
  );
  for (const [id, href] of ids) expect(href).toContain(`/agent/tickets/${id}`);
});
