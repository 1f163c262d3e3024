import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { campaignEn } from '../lib/i18n/campaign.en';
import { campaignEs } from '../lib/i18n/campaign.es';
import { conversationEn } from '../lib/i18n/conversation.en';
import { conversationEs } from '../lib/i18n/conversation.es';
import { learningEn } from '../lib/i18n/learning.en';
import { learningEs } from '../lib/i18n/learning.es';
import { pageEn } from '../lib/i18n/page.en';
import { pageEs } from '../lib/i18n/page.es';
import { panelEn } from '../lib/i18n/panel.en';
import { panelEs } from '../lib/i18n/panel.es';
import { EXTENSION_DIR } from './support/extension';

// Build checks over .output/chrome-mv3 (like manifest.spec.ts): what every CRM page pays at
// load time stays small, and the UI comes as a separate chunk only the CRM hosts can load.

const contentScripts = () => readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((file) => file.endsWith('.js'));
/** The document_start script on every CRM host: it only starts the storage read (lib/content/early-read.ts). */
const EARLY = 'start-read.js';
/**
 * The page-world listener that reaches CKEditor's model (entrypoints/ckeditor-bridge.ts, in the
 * Chrome and Firefox builds): an unlisted script the background injects when a draft is shown, not a content script.
 */
const CKEDITOR_BRIDGE = 'ckeditor-bridge.js';
const siteScripts = () => contentScripts().filter((file) => file !== EARLY);
const read = (file: string) => readFileSync(join(EXTENSION_DIR, file));

function jsFiles(dir = EXTENSION_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [relative(EXTENSION_DIR, join(dir, entry.name))] : [],
  );
}

/** React's element marker: present in any bundle that holds React or react-dom. */
const REACT = /Symbol\.for\(["'`]react\.(transitional\.)?element["'`]\)/;

test('each content script is small and holds no React: the UI is the content-ui chunk', () => {
  expect(siteScripts().sort()).toEqual(['hubspot.js', 'salesforce.js', 'whatsapp.js', 'zendesk.js']);
  const early = read(`content-scripts/${EARLY}`);
  for (const file of siteScripts()) {
    const code = read(`content-scripts/${file}`);
    expect(code.toString(), file).not.toMatch(REACT);
    // What runs at every page load stays under issue 15's target (137 KB gzipped when React was
    // inside, 62–73 KB before the content scripts dropped zod's JSON Schema generator, the unused
    // contract schemas, the panel's catalogue and the other sites' selectors): a library or a
    // shared module that drags the UI's code back in fails here. `npm run bench -- bundle` prints each size.
    expect((gzipSync(code, { level: 9 }).length + gzipSync(early, { level: 9 }).length) / 1024, `${file} and ${EARLY} KB gzipped`).toBeLessThan(50);
    expect(code.toString(), `${file} imports the UI chunk by its extension URL`).toContain('/content-ui/index.js');
  }
  expect(read('content-ui/index.js').toString()).toMatch(REACT);
});

/** The last strategy of the insertion chain (lib/composer/insert-with-exec-command.ts): its call is in any bundle that holds the chain. */
const INSERTION_CHAIN = /execCommand\(["'`]insertText["'`]/;

test('the composer insertion chain is in the UI chunk, not in what runs at page load: only a view’s Insert calls it', () => {
  for (const file of siteScripts()) expect(read(`content-scripts/${file}`).toString(), file).not.toMatch(INSERTION_CHAIN);
  expect(read('content-ui/index.js').toString()).toMatch(INSERTION_CHAIN);
});

test('the document_start script only starts the storage read: no zod, no site code, no UI', () => {
  const code = read(`content-scripts/${EARLY}`).toString();
  expect(gzipSync(code, { level: 9 }).length / 1024).toBeLessThan(3);
  expect(/\$ZodType/.test(code)).toBe(false);
  expect(code).not.toMatch(REACT);
  expect(code).not.toContain('/content-ui/index.js');
  const manifest = JSON.parse(read('manifest.json').toString()) as { content_scripts: { matches: string[]; js: string[]; run_at?: string }[] };
  const early = manifest.content_scripts.find((script) => script.js.includes(`content-scripts/${EARLY}`))!;
  expect(early.run_at).toBe('document_start');
  // Every site's script finds the read started on its hosts.
  for (const script of manifest.content_scripts) expect(script.matches.every((host) => early.matches.includes(host)), script.js.join()).toBe(true);
});

test('the CKEditor bridge does not run at page load: the background injects it on demand, and it is tiny', () => {
  const manifest = JSON.parse(read('manifest.json').toString()) as { permissions: string[]; content_scripts: { js: string[]; world?: string }[] };
  // Nothing runs in a CRM page's own world at load: every content script is isolated, none is the bridge.
  for (const script of manifest.content_scripts) {
    expect(script.world, script.js.join()).toBeUndefined();
    expect(script.js, 'the bridge is no content script').not.toContain(`content-scripts/${CKEDITOR_BRIDGE}`);
  }
  expect(contentScripts()).not.toContain(CKEDITOR_BRIDGE);
  // What injects it: chrome.scripting (lib/background/ckeditor-bridge.ts), into the CRM hosts the manifest already covers.
  expect(manifest.permissions).toContain('scripting');
  expect(read('background.js').toString()).toContain(`/${CKEDITOR_BRIDGE}`);
  // The page's world sees all of it: only the listener and the request's schema, no UI, no site code.
  const code = read(CKEDITOR_BRIDGE);
  expect(code.toString()).not.toMatch(REACT);
  expect(code.toString()).not.toContain('/content-ui/');
  expect(gzipSync(code, { level: 9 }).length / 1024, `${CKEDITOR_BRIDGE} KB gzipped`).toBeLessThan(12);
});

test('content scripts validate with zod but carry no JSON Schema generator, nor does the UI chunk', () => {
  // JSON Schemas are for the LLM's answer formats (the backend); modules/content-no-json-schema.ts
  // leaves zod's generator out of what CRM pages load. Its target names ('draft-2020-12') mark it.
  for (const file of siteScripts()) expect(/\$ZodType/.test(read(`content-scripts/${file}`).toString()), `${file} holds zod`).toBe(true);
  for (const file of [...contentScripts().map((file) => `content-scripts/${file}`), CKEDITOR_BRIDGE, 'content-ui/index.js']) {
    expect(read(file).toString().includes('draft-2020-12'), `${file} holds zod's JSON Schema generator`).toBe(false);
  }
});

test('content scripts read storage with the browser API, not @wxt-dev/storage', () => {
  // Each of its items reads its key again as it is defined (a round trip at every page load) and it
  // weighed ~2 KB gzipped of each script: lib/storage-local.ts does what they need. Its messages name it.
  for (const file of contentScripts()) expect(read(`content-scripts/${file}`).toString(), file).not.toContain('@wxt-dev/storage');
});

test("content scripts say only what they draw without the UI chunk: the page catalogue, not the panel's", () => {
  // lib/i18n/page.ts (badges, glance) is theirs; the panels' strings load with the UI chunk.
  const pageTexts = new Set<string>([...Object.values(pageEn), ...Object.values(pageEs)]);
  const panelOnly = [panelEn, panelEs, conversationEn, conversationEs, learningEn, learningEs, campaignEn, campaignEs]
    .flatMap((catalogue) => Object.values(catalogue) as string[])
    .filter((text) => text.length >= 24 && !pageTexts.has(text));
  expect(panelOnly.length).toBeGreaterThan(100);
  for (const file of siteScripts()) {
    const code = read(`content-scripts/${file}`).toString();
    expect(panelOnly.filter((text) => code.includes(text)), file).toEqual([]);
    expect(code.includes(pageEs['badge.error'].split('{')[0]!), `${file} holds the page catalogue`).toBe(true);
  }
});

test('the UI chunk is web-accessible to the CRM hosts only, through a per-session URL', () => {
  const manifest = JSON.parse(read('manifest.json').toString()) as { web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]; content_scripts: { matches: string[] }[] };
  const crmHosts = [...new Set(manifest.content_scripts.flatMap((script) => script.matches))].sort();
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-ui/*'], matches: expect.any(Array), use_dynamic_url: true }]);
  expect([...manifest.web_accessible_resources[0]!.matches].sort()).toEqual(crmHosts);
  // One file: a module's own imports would resolve against the fixed extension id, which use_dynamic_url refuses.
  expect(readdirSync(join(EXTENSION_DIR, 'content-ui'))).toEqual(['index.js']);
});

test('no bundle builds code at run time: zod runs jitless and its JIT compiler is not shipped', () => {
  for (const file of jsFiles()) {
    const code = read(file).toString();
    expect(code, file).not.toMatch(/\bFunction\(|=\s*Function\b(?!\.prototype|\.toString)|new Function\b/); // reading Function.toString builds nothing
    if (/\$ZodType/.test(code)) expect(code, `${file} holds zod, so it sets jitless`).toMatch(/jitless:\s*(!0|true)/);
  }
});
