import { expect, test, type Page } from '@playwright/test';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hubspotRoutes } from './support/fixture-server';
import { setBackend } from './support/extension';
import { useExtensionHarness } from './support/harness';

// The options page's catalog import and privacy controls, driven as an admin or rep would,
// in the real extension, with their effects checked where they land: the saved profile,
// what the backend receives, the settings, the local databases.

const h = useExtensionHarness([hubspotRoutes]);

async function openOptions(): Promise<Page> {
  const page = await h.browser.context.newPage();
  await page.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
  await expect(page.getByTestId('options-main')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('language').selectOption('en');
  return page;
}
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
/** What the extension keeps in storage.local, read from its own page; `null` = everything. */
const stored = (page: Page, key: string | null) =>
  page.evaluate(async (k) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } } } };
    const all = await chrome.storage.local.get(k);
    return k === null ? all : all[k];
  }, key);

test('catalog import: a bad file lists every row error and changes nothing; a good one previews, applies and is saved', async () => {
  const page = await openOptions();
  const catalog = page.getByTestId('catalog');
  const before = await catalog.getByTestId('catalog-count').textContent();

  await catalog.getByTestId('catalog-file').setInputFiles(
    csv('bad.csv', 'sku,name,price,stock\nA1,Taladro,129.90,4\nA2,,10,1\nA3,Brocas,abc,2\nA1,Otra vez,5,5\n'),
  );
  const errors = catalog.getByTestId('catalog-errors');
  await expect(errors).toHaveAttribute('data-kind', 'error');
  await expect(errors.locator('li')).toHaveText(['Line 3: name is empty', 'Line 4: price "abc" is not a number', 'Line 5: sku "A1" repeats line 2']);
  await expect(catalog.getByTestId('catalog-apply')).toBeDisabled();
  await expect(catalog.getByTestId('catalog-count')).toHaveText(before!);

  // Spanish headers and a decimal comma, as an ERP export writes them.
  await catalog.getByTestId('catalog-file').setInputFiles(csv('catalogo.csv', 'código,nombre,precio,existencias\nT-55,Taladro GSB 18V-55,"129,90",4\nB-10,Juego de brocas,24.95,\nG-01,Guantes,$ 3,120\n'));
  await expect(catalog.getByTestId('catalog-errors')).toHaveCount(0);
  await expect(catalog.getByTestId('catalog-preview').locator('tbody tr')).toHaveText([/^T-55Taladro GSB 18V-55129\.94$/, /^B-10Juego de brocas24\.95—$/, /^G-01Guantes3120$/]);
  await catalog.getByTestId('catalog-apply').click();
  await expect(catalog.getByTestId('catalog-preview')).toHaveCount(0);
  await expect(catalog.getByTestId('catalog-count')).toHaveText('Catalog: 3 product(s).');

  await page.getByTestId('profile-save').click();
  await expect.poll(async () => ((await stored(page, 'profile')) as { catalog?: unknown } | undefined)?.catalog).toEqual([
    { sku: 'T-55', name: 'Taladro GSB 18V-55', price: 129.9, stock: 4 },
    { sku: 'B-10', name: 'Juego de brocas', price: 24.95 },
    { sku: 'G-01', name: 'Guantes', price: 3, stock: 120 },
  ]);
  await page.close();
});

/** A pass-through in front of the backend that keeps every request body it forwards. */
async function recordingProxy(target: string): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const upstream = new URL(target);
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.length) bodies.push(body.toString('utf8'));
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, close: () => new Promise((ok) => server.close(() => ok())) };
}

test('privacy: masking hides the contact from the backend, retention is validated and saved, clearing empties every local store', async () => {
  const proxy = await recordingProxy(h.backend.url);
  try {
    await setBackend(h.browser.worker, proxy.url);
    const page = await openOptions();

    // Mask: the backend gets m***@domain (the domain stays for email typing); the panel still works.
    await page.getByTestId('privacy-mask').check();
    await expect.poll(async () => ((await stored(page, 'settings')) as { privacy?: { maskContacts?: boolean } }).privacy?.maskContacts).toBe(true);
    const crm = await h.browser.context.newPage();
    await crm.goto('https://app.hubspot.com/contacts/12345678/record/0-1/101');
    await expect(crm.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
    const classify = proxy.bodies.map((b) => JSON.parse(b) as { lead?: { email?: string; phone?: string } }).find((b) => b.lead);
    expect(classify?.lead?.email).toMatch(/^m\*\*\*@/);
    expect(JSON.stringify(proxy.bodies)).not.toContain('maria.gonzalez@');

    // Retention: not a whole number of days → the field says so and nothing is saved.
    const retention = page.getByTestId('privacy-retention');
    await retention.fill('0');
    await page.getByTestId('privacy-retention-save').click();
    await expect(page.getByText('Enter a whole number of days between 1 and 3650.')).toBeVisible();
    expect(((await stored(page, 'settings')) as { privacy: { historyRetentionDays: number } }).privacy.historyRetentionDays).toBe(30);
    await retention.fill('7');
    await page.getByTestId('privacy-retention-save').click();
    await expect(page.getByTestId('privacy-status')).toHaveText('History is kept for 7 days.');
    expect(((await stored(page, 'settings')) as { privacy: { historyRetentionDays: number } }).privacy.historyRetentionDays).toBe(7);

    // Clear all local data, after a confirmation: storage.local and Pulso's databases are gone.
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
    expect(await databases()).toContain('pulso');
    await page.getByTestId('privacy-clear').click();
    await page.getByTestId('privacy-clear-confirm').click();
    await expect(page.getByTestId('privacy-status')).toHaveText('All local data was cleared.');
    expect(await stored(page, null)).toEqual({});
    await expect.poll(databases).toEqual([]);
    await crm.close();
    await page.close();
  } finally {
    await setBackend(h.browser.worker, h.backend.url);
    await proxy.close();
  }
});
