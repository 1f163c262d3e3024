import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForBrowser } from './bundle';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const SPA_SHIM = readFileSync(resolve(import.meta.dirname, 'spa-shim.js'), 'utf8');

/** A throwaway self-signed certificate; Chromium is started with --ignore-certificate-errors. */
function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'pulso-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=pulso-fixtures',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/**
 * Maps a CRM URL to the saved fixture page that stands for it, and optionally the
 * scripts that bring it to life (a real editor library mounted on its composer).
 */
export type FixtureRoute = (url: URL) => string | { file: string; scripts: string[]; rewrite?: (html: string) => string } | undefined;

const HUBSPOT_RECORD_FILES: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };

/** Fixture pages whose record has an email composer open: the editor library the CRM uses is mounted on it. */
const COMPOSER_SCRIPTS: Record<string, string> = {
  'hubspot/contact-303.html': 'editors/hubspot-email-composer.ts',
  'salesforce/contact-0035g00000Tq2ZyAAJ.html': 'editors/salesforce-email-composer.ts',
};
const withComposer = (file: string) => (COMPOSER_SCRIPTS[file] ? { file, scripts: [COMPOSER_SCRIPTS[file]!] } : file);

export const hubspotRoutes: FixtureRoute = (url) => {
  const record = /^\/contacts\/\d+\/record\/(0-[1235])\/(\d+)/.exec(url.pathname);
  if (record) return withComposer(`hubspot/${HUBSPOT_RECORD_FILES[record[1]!]}-${record[2]}.html`);
  if (/^\/contacts\/\d+\/objects\/0-1\/views\/[^/]+\/list/.test(url.pathname)) return 'hubspot/contacts-list.html';
  return undefined;
};

/** WhatsApp Web has one URL: the fixture for it is picked by the test (default: an individual chat). */
export const whatsappRoutes =
  (file = 'whatsapp/chat-individual.html'): FixtureRoute =>
  (url) =>
    url.hostname === 'web.whatsapp.com' && url.pathname === '/' ? { file, scripts: ['editors/lexical-composer.ts'] } : undefined;

export const zendeskRoutes: FixtureRoute = (url) => {
  const ticket = /^\/agent\/tickets\/(\d+)/.exec(url.pathname);
  if (ticket?.[1] === '4821') return { file: 'zendesk/ticket-4821.html', scripts: ['editors/ckeditor-composer.ts'] };
  if (/^\/agent\/filters\//.test(url.pathname)) return 'zendesk/view-open-tickets.html';
  return undefined;
};

export const salesforceRoutes: FixtureRoute = (url) => {
  const record = /^\/lightning\/r\/(Lead|Contact|Opportunity|Case|Account)\/(\w+)\/view/.exec(url.pathname);
  if (record) return withComposer(`salesforce/${record[1]!.toLowerCase()}-${record[2]}.html`);
  if (/^\/lightning\/o\/Lead\/list/.test(url.pathname)) return 'salesforce/lead-list.html';
  return undefined;
};

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the fixture pages over HTTPS at their real paths, with a small shim that
 * plays the CRM's client-side router. `/__fixture/<file>` serves a raw fixture,
 * which the shim fetches to "navigate" without a reload.
 */
export async function startFixtureServer(routes: FixtureRoute[]): Promise<FixtureServer> {
  const server: Server = createServer(selfSignedCert(), async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    if (url.pathname.startsWith('/__bundle/')) {
      // A fixture page's script, bundled on demand (real editor libraries from node_modules).
      const entry = resolve(FIXTURES, url.pathname.slice('/__bundle/'.length));
      if (!entry.startsWith(FIXTURES) || !existsSync(entry)) return void res.writeHead(404).end();
      const code = await bundleForBrowser(entry).catch((err: Error) => `console.error(${JSON.stringify(err.message)})`);
      return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
    }
    const raw = url.pathname.startsWith('/__fixture/') ? url.pathname.slice('/__fixture/'.length) : undefined;
    const routed = raw ?? routes.map((route) => route(url)).find(Boolean);
    const file = typeof routed === 'string' ? routed : routed?.file;
    const scripts = typeof routed === 'object' ? routed.scripts : [];
    const path = file && resolve(FIXTURES, file);
    if (!path || !path.startsWith(FIXTURES) || !existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture');
      return;
    }
    let html = readFileSync(path, 'utf8');
    // A page as the CRM might render it after a redesign: the saved page, changed by the test.
    if (typeof routed === 'object' && routed.rewrite) html = routed.rewrite(html);
    const tags = scripts.map((script) => `<script type="module" src="/__bundle/${script}"></script>`).join('');
    if (!raw) html = html.replace(/<\/body>/i, `<script>${SPA_SHIM}</script>${tags}</body>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
