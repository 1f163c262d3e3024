import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { startBackend } from './support/backend';
import { launchWithExtension, type LaunchedExtension } from './support/extension';
import { hubspotRoutes, startFixtureServer, type FixtureServer } from './support/fixture-server';

const CONTACT_101 = 'https://app.hubspot.com/contacts/12345678/record/0-1/101';
const ADMIN = 'admin-e2e-token';
const REP = 'rep-e2e-token';
// A service only the edited profile offers; the hot lead of contact 101 (ERP backups failing) needs it.
const NEW_SERVICE = 'Respaldo urgente de ERP';

let fixtures: FixtureServer;
let backend: Awaited<ReturnType<typeof startBackend>>;
let admin: LaunchedExtension;
let rep: LaunchedExtension;

test.beforeAll(async () => {
  fixtures = await startFixtureServer([hubspotRoutes]);
  backend = await startBackend({ PULSO_ADMIN_TOKEN: ADMIN, PULSO_TEAM_TOKENS: `${REP},other-rep`, PULSO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulso-e2e-data-')) });
  admin = await launchWithExtension(fixtures.port);
});

test.afterAll(async () => {
  await admin?.context.close();
  await rep?.context.close();
  await backend?.app.close();
  await fixtures?.close();
});

async function openOptions(browser: LaunchedExtension): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await expect(page.getByTestId('options-main')).toHaveAttribute('data-ready', 'true');
  return page;
}

async function connect(page: Page, token: string, adminToken: string) {
  await page.getByTestId('backend-url').fill(backend.url);
  await page.getByTestId('team-token').fill(token);
  await page.getByTestId('admin-token').fill(adminToken);
  await page.getByTestId('connection-save').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-kind', 'ok');
}

async function storedTeamVersion(worker: Worker): Promise<string | undefined> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { version?: string; source?: string }>> } } } };
    const { teamProfile } = await chrome.storage.local.get('teamProfile');
    return teamProfile?.source === 'published' ? teamProfile.version : undefined;
  });
}

test('an admin edits and publishes the profile; a rep’s browser pulls it and its panel uses it', async () => {
  const page = await openOptions(admin);
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('options-title')).toHaveText('Pulso settings');

  // A backend URL that is not http(s) is refused with a message, and nothing is saved.
  await page.getByTestId('backend-url').fill('javascript:alert(1)');
  await page.getByTestId('connection-save').click();
  await expect(page.getByText('must be a full address starting with http:// or https://')).toBeVisible();

  await connect(page, ADMIN, ADMIN);
  await page.getByTestId('connection-test').click();
  const report = page.getByTestId('connection-report');
  await expect(report).toHaveAttribute('data-kind', 'ok');
  await expect(report).toContainText('Reachable: yes');
  await expect(report).toContainText('Team token: accepted');
  await expect(report).toContainText('rules engine only');

  // Edit: a new service, and an SLA error shown next to its field before it is fixed.
  const services = page.getByTestId('profile-services');
  await services.getByRole('button', { name: 'Add service' }).click();
  await services.getByRole('textbox').last().fill(NEW_SERVICE);
  await page.getByTestId('sla-P1').fill('abc');
  await page.getByTestId('profile-publish').click();
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('sla-P1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-error')).toHaveCount(1);
  await page.getByTestId('sla-P1').fill('2');

  await page.getByTestId('profile-publish').click();
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId('profile-status')).toContainText('Published');
  const published = await storedTeamVersion(admin.worker);
  expect(published).toMatch(/^[0-9a-f]{16}$/);

  // Browser B: its own profile dir, only the team token. The background pulls on the settings change.
  rep = await launchWithExtension(fixtures.port);
  const repOptions = await openOptions(rep);
  await connect(repOptions, REP, '');
  await expect.poll(() => storedTeamVersion(rep.worker), { timeout: 15_000 }).toBe(published);

  const crm = await rep.context.newPage();
  await crm.goto(CONTACT_101);
  const panel = crm.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  await expect(panel.getByTestId('pulso-services')).toContainText(NEW_SERVICE);

  // A rep trying to publish with their team token: the backend's 403, shown plainly.
  await repOptions.reload();
  await expect(repOptions.getByTestId('options-main')).toHaveAttribute('data-ready', 'true');
  await repOptions.getByTestId('admin-token').fill(REP);
  await repOptions.getByTestId('connection-save').click();
  await repOptions.getByTestId('profile-publish').click();
  const refused = repOptions.getByTestId('profile-status');
  await expect(refused).toHaveAttribute('role', 'alert');
  await expect(refused).toContainText('only the admin token can publish the team profile');
  expect(await storedTeamVersion(rep.worker)).toBe(published);
});

test('the options UI switches between Spanish and English, and the panel follows', async () => {
  const page = await openOptions(admin);
  await page.getByTestId('language').selectOption('es');
  await expect(page.getByTestId('options-title')).toHaveText('Configuración de Pulso');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Probar conexión' })).toBeVisible();

  const crm = await admin.context.newPage();
  await crm.goto(CONTACT_101);
  await expect(crm.getByTestId('pulso-panel')).toHaveAttribute('aria-label', 'Panel de leads de Pulso');

  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('options-title')).toHaveText('Pulso settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(crm.getByTestId('pulso-panel')).toHaveAttribute('aria-label', 'Pulso lead panel');

  // Sites: HubSpot off removes the panel from the open tab; on brings it back.
  await page.getByTestId('site-hubspot').uncheck();
  await expect(crm.getByTestId('pulso-panel')).toHaveCount(0);
  await page.getByTestId('site-hubspot').check();
  await expect(crm.getByTestId('pulso-panel')).toHaveCount(1);
});

test('the options page has no serious or critical accessibility violations', async () => {
  const page = await openOptions(admin);
  for (const lang of ['en', 'es'] as const) {
    await page.getByTestId('language').selectOption(lang);
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
