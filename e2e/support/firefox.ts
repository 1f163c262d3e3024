import { existsSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CRM_HOSTS } from './extension';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
const ADDON_ID = 'pulso@pulso.app';

/** Where the add-on looks for its backend before anyone changes the settings. */
const DEFAULT_BACKEND = '127.0.0.1:8787';

/**
 * Firefox has no host-resolver flag like Chromium's, and WebDriver BiDi may not open the
 * add-on's own pages to change its settings; it reaches everything through this proxy:
 * `CONNECT <crm host>:443` is tunnelled to the local fixture server (the page keeps its
 * real https://app.hubspot.com/... URL, which is what the content scripts match), plain
 * requests to the add-on's default backend (http://127.0.0.1:8787) go to the test's
 * backend on its free port, and anything else is refused.
 */
async function startProxy(fixturePort: number, backendPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    const target = URL.canParse(req.url ?? '') ? new URL(req.url!) : undefined;
    if (target?.protocol !== 'http:' || target.host !== DEFAULT_BACKEND) return void res.writeHead(403).end();
    const upstream = httpRequest(
      { host: '127.0.0.1', port: backendPort, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => client.destroy());
    const [host, port] = (req.url ?? '').split(':');
    if (port !== '443' || !CRM_HOSTS.includes(host!)) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => ok());
      }),
  };
}

export interface LaunchedFirefox {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Real Firefox (firefox-esr) over WebDriver BiDi, with the MV2 build installed as a temporary add-on
 * (or `extensionDir`, a variant of it a test made).
 */
export async function launchFirefoxWithExtension(fixturePort: number, backendUrl: string, extensionDir = FIREFOX_EXTENSION_DIR): Promise<LaunchedFirefox> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no Firefox build at ${extensionDir}: run "npx wxt build -b firefox" first`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: apt-get install firefox-esr (npm test does it as root) or set FIREFOX_PATH`);
  const proxy = await startProxy(fixturePort, Number(new URL(backendUrl).port));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      // The add-on's default backend on 127.0.0.1:8787 goes through the proxy too.
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  const id = await browser.installExtension(extensionDir);
  if (id !== ADDON_ID) throw new Error(`installed add-on id ${id}, expected ${ADDON_ID}`);
  return {
    browser,
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}
