import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import type { SelectorPack } from '../lib/contracts';
import { generateSelectorPackKeys, importSelectorPackPrivateKey, PINNED_KEYS_FILE, signSelectorPack } from '../lib/selector-pack';
import { BUILT_IN_SELECTORS } from '../lib/sites/scrape-context';
import { startBackend } from './support/backend';
import { EXTENSION_DIR, launchChromiumWith, setBackend } from './support/extension';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './support/fixture-server';

/**
 * A selector pack end to end: HubSpot "redesigns" a record page (its test hooks renamed, its
 * <label>s turned into spans), so the built-in selectors read nothing and the panel says so;
 * the admin's signed pack (the built-in chains plus the renamed hooks), published with PUT /v1/selectors,
 * is verified by the extension against the key pinned in its build and fixes the page; an
 * unsigned pack is refused with a visible reason and the good one stays in use.
 */
const ADMIN = 'admin-e2e-token';
const REP = 'rep-e2e-token';
const CHANGED = 'https://app.hubspot.com/contacts/12345678/record/0-1/9101';
const renameHooks = (text: string) =>
  text.replaceAll('data-test-id', 'data-qa').replaceAll('data-selenium-test', 'data-qa-sel').replaceAll('data-card-type', 'data-qa-card');
const redesigned: FixtureRoute = (url) =>
  url.pathname === new URL(CHANGED).pathname
    ? { file: 'hubspot/contact-2026.html', scripts: [], rewrite: (html) => renameHooks(html).replace(/<label\b/g, '<span data-qa-label').replace(/<\/label>/g, '</span>') }
    : undefined;

/** The admin's fix: every HubSpot chain that named a renamed hook gets the new hook first. */
function fixPack(version: string): SelectorPack {
  const chains: Record<string, string[]> = {};
  for (const [key, chain] of Object.entries(BUILT_IN_SELECTORS.hubspot.chains)) {
    const renamed = chain.map(renameHooks).filter((selector) => !chain.includes(selector));
    if (key === 'PROPERTY_LABEL') renamed.push('span[data-qa-label]');
    if (renamed.length) chains[key] = [...renamed, ...chain];
  }
  return { version, signature: '', sites: { hubspot: { chains, labels: {} } } };
}

/** A backend (or something posing as one) that serves whatever pack it is given now, without checking it. */
async function servePackAsIs(pack: () => unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/v1/selectors') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pack()));
    else res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found', message: 'no route' }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test.describe.configure({ mode: 'serial' });

let fixtures: FixtureServer;
let backend: Awaited<ReturnType<typeof startBackend>>;
let impostor: Awaited<ReturnType<typeof servePackAsIs>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let impostorPack: SelectorPack;

test.beforeAll(async () => {
  const keys = await generateSelectorPackKeys();
  const signed = await signSelectorPack(fixPack('2099.1.1'), await importSelectorPackPrivateKey(keys.privateKeyPem));
  // The admin publishes the signed pack (PUT /v1/selectors); the backend keeps it in its store.
  backend = await startBackend({ PULSO_ADMIN_TOKEN: ADMIN, PULSO_TEAM_TOKENS: REP, PULSO_DATA_DIR: 'memory://' });
  const published = await fetch(`${backend.url}/v1/selectors`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(signed),
  });
  expect(published.status).toBe(200);
  impostorPack = fixPack('2099.2.1');
  impostor = await servePackAsIs(() => impostorPack);
  fixtures = await startFixtureServer([redesigned]);
  // The built extension, with this test's public key pinned as a build with WXT_SELECTOR_PACK_PUBLIC_KEY would have it.
  const extension = mkdtempSync(join(tmpdir(), 'pulso-ext-'));
  cpSync(EXTENSION_DIR, extension, { recursive: true });
  writeFileSync(join(extension, PINNED_KEYS_FILE), JSON.stringify({ keys: [keys.publicKey] }));
  context = await launchChromiumWith(extension, fixtures.port);
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

test.afterAll(async () => {
  await context?.close();
  await backend?.app.close();
  await new Promise((ok) => impostor?.server.close(ok));
  await fixtures?.close();
});

const storedPackVersion = () =>
  worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { pack?: { version: string } } | undefined>> } } } };
    return (await chrome.storage.local.get('selectorPack')).selectorPack?.pack?.version;
  });

/** The options page, loaded. */
async function openOptions() {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('options-main')).toHaveAttribute('data-ready', 'true');
  return options;
}

/** Points the extension at `backendUrl` and presses "Check now" on the options page: what it says about the served pack. */
async function checkPackFrom(backendUrl: string) {
  await setBackend(worker, backendUrl);
  const options = await openOptions();
  await options.getByTestId('selector-pack-check-now').click();
  return options;
}

test('a page the built-in selectors cannot read says so, and the signed pack from the backend fixes it', async () => {
  const page = await context.newPage();
  await page.goto(CHANGED);
  const panel = page.getByTestId('pulso-panel');
  await expect(panel.getByTestId('pulso-unreadable-fields')).toContainText('Pulso could not read: fullName');
  await expect(panel.getByTestId('pulso-unreadable-fields')).toContainText('email');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.hubspot.com' });
  await panel.getByTestId('pulso-report-structure').click();
  await expect(panel.getByTestId('pulso-report-structure')).toHaveText('Structure copied');
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toMatch(/^Pulso page structure report/);
  expect(report).toContain('could not read: fullName');
  expect(report).toContain('data-qa-sel="property-input-email"');
  // Tags and attributes only: not the contact's name, email or notes.
  expect(report).not.toMatch(/Inés|Carrasco|textilespacifico|fleece/);

  // The rep connects the extension to the team's backend (Options → Connection): the background pulls the pack.
  const options = await openOptions();
  await options.getByTestId('backend-url').fill(backend.url);
  await options.getByTestId('team-token').fill(REP);
  await options.getByTestId('connection-save').click();
  await expect(options.getByTestId('connection-status')).toHaveAttribute('data-kind', 'ok');
  await options.close();
  await expect.poll(storedPackVersion).toBe('2099.1.1');
  await page.reload();
  await expect(panel.getByTestId('pulso-result')).toHaveAttribute('data-record-id', '9101');
  await expect(panel.getByTestId('pulso-fields-read')).toContainText('fullName, jobTitle, company, email, phone');
  await page.close();
});

test('an unsigned pack is refused with its reason on the options page; the accepted one stays in use', async () => {
  const options = await checkPackFrom(impostor.url);
  await expect(options.getByTestId('selector-pack-refused')).toContainText('Refused the fix 2099.2.1: it is not signed');
  await expect(options.getByTestId('selector-pack-active')).toHaveAttribute('data-version', '2099.1.1');
  await expect(options.getByTestId('selector-pack-active')).toHaveAttribute('data-source', 'team');
  expect(await storedPackVersion()).toBe('2099.1.1');

  const page = await context.newPage();
  await page.goto(CHANGED);
  await expect(page.getByTestId('pulso-panel').getByTestId('pulso-fields-read')).toContainText('email');
});

test('a pack signed by a key this build does not pin is refused with its reason; the accepted one stays in use', async () => {
  const stranger = await generateSelectorPackKeys();
  impostorPack = await signSelectorPack(fixPack('2099.3.1'), await importSelectorPackPrivateKey(stranger.privateKeyPem));
  const options = await checkPackFrom(impostor.url);
  await expect(options.getByTestId('selector-pack-refused')).toContainText('Refused the fix 2099.3.1: its signature is not from the key this extension trusts');
  await expect(options.getByTestId('selector-pack-active')).toHaveAttribute('data-version', '2099.1.1');
  expect(await storedPackVersion()).toBe('2099.1.1');
});
