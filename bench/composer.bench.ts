import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { bundleForBrowser } from '../e2e/support/bundle';
import { installCkeditorBridge, type ScriptablePage } from '../e2e/support/ckeditor-bridge';
import { CHROMIUM } from '../e2e/support/extension';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { FIREFOX } from '../e2e/support/firefox';
import { percentile } from './stats';

// Chrome's and Firefox's builds reach CKEditor through the same MAIN-world bridge. When a draft is
// shown, before the agent can press Insert, the content script readies it
// (lib/composer/ckeditor-bridge-loader.ts): the background injects it, and the content script's
// ping at the composer has it warm that editor up in idle time. 'readied' is that state, set up
// here before the timing starts (the bridge installed, the same loader's ping, the idle time it
// waits for); 'cold' is the bridge present but never asked at the composer, as when a composer
// appears only after its draft. Without a bridge (an injection refused) the insertion pastes.
// Each row runs in its own browser: Chromium through Playwright, Firefox (firefox-esr) through
// puppeteer-core over WebDriver BiDi, the same fixture and the same timed code in both (Firefox
// rounds a page's performance.now() to the millisecond: its figures are whole milliseconds).
const EDITORS = [
  { name: 'Lexical (WhatsApp)', browser: 'chromium', fixture: 'lexical.html', selector: 'footer [contenteditable="true"]' },
  { name: 'CKEditor 5 (Zendesk), Chrome: model through the MAIN-world bridge, readied when the draft was shown', browser: 'chromium', fixture: 'ckeditor.html', selector: '.ck-editor__editable', ckeditorBridge: 'readied' },
  { name: 'CKEditor 5 (Zendesk), Chrome: model through the MAIN-world bridge, not readied (editor cold)', browser: 'chromium', fixture: 'ckeditor.html', selector: '.ck-editor__editable', ckeditorBridge: 'cold' },
  { name: 'CKEditor 5 (Zendesk), Chrome: paste (no bridge: its injection refused)', browser: 'chromium', fixture: 'ckeditor.html', selector: '.ck-editor__editable' },
  { name: 'CKEditor 5 (Zendesk), Firefox: model through the MAIN-world bridge, readied when the draft was shown', browser: 'firefox', fixture: 'ckeditor.html', selector: '.ck-editor__editable', ckeditorBridge: 'readied' },
  { name: 'CKEditor 5 (Zendesk), Firefox: paste (no bridge: its injection refused)', browser: 'firefox', fixture: 'ckeditor.html', selector: '.ck-editor__editable' },
  { name: 'React textarea', browser: 'chromium', fixture: 'textarea.html', selector: 'textarea' },
] as const;
const DRAFT = 'Hola María 👋\nSí, tenemos la silla Ergo en azul: 149 €.\n¡Gracias!';

/** What the bench does with a page, in either browser. */
interface BenchPage extends ScriptablePage {
  goto(url: string): Promise<unknown>;
  waitForFunction(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}
interface BenchBrowser {
  newPage(): Promise<BenchPage>;
  close(): Promise<void>;
}

async function launch(browser: (typeof EDITORS)[number]['browser']): Promise<BenchBrowser> {
  if (browser === 'firefox') {
    const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, acceptInsecureCerts: true });
    return { newPage: () => firefox.newPage(), close: () => firefox.close() };
  }
  const chrome = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'] });
  return { newPage: () => chrome.newPage({ ignoreHTTPSErrors: true }), close: () => chrome.close() };
}

/**
 * insertIntoComposer on the real editors: from the call to the text verified in the editor.
 * Beside it, the editor's own floor: the same paste handed to an editor the agent has already
 * focused (a real click, its focus handling done), as a keyboard paste would be. What the
 * first insertion takes beyond that floor is Pulso's (placing the caret, the editor taking
 * focus, checking the result); the floor itself is the editor's first paste running cold.
 */
export async function benchComposer(runs = 10) {
  const fixtures = await startFixtureServer([]);
  const lib = await bundleForBrowser('lib/composer/insert-into-composer.ts', { globalName: 'PulsoComposer' });
  const loader = await bundleForBrowser('lib/composer/ckeditor-bridge-loader.ts', { globalName: 'PulsoBridgeLoader' });
  const browsers = new Map<string, BenchBrowser>();
  try {
    const out = [];
    for (const editor of EDITORS) {
      if (editor.browser === 'firefox' && !existsSync(FIREFOX)) {
        out.push({ name: editor.name, skipped: `no Firefox at ${FIREFOX} (set FIREFOX_PATH)` });
        continue;
      }
      if (!browsers.has(editor.browser)) browsers.set(editor.browser, await launch(editor.browser));
      const browser = browsers.get(editor.browser)!;
      const samples: number[] = [];
      const repeats: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage();
        await page.goto(`https://127.0.0.1:${fixtures.port}/__fixture/editors/${editor.fixture}`);
        await page.waitForFunction('window.__composerReady === true');
        await page.addScriptTag({ content: lib });
        if ('ckeditorBridge' in editor) await installCkeditorBridge(page);
        if ('ckeditorBridge' in editor && editor.ckeditorBridge === 'readied') {
          await page.addScriptTag({ content: loader });
          // The draft shown: the content script's ping at the composer (the bridge is in, so nothing to load), then
          // the agent reading it, as long as one idle period (idle callbacks run in order: the warm-up's came first).
          // A string, not a function: tsx's keepNames would wrap a function in a __name helper the page lacks.
          await page.evaluate(`(async () => {
            const readied = await PulsoBridgeLoader.createCkeditorBridgeLoader(async () => {})(document.querySelector(${JSON.stringify(editor.selector)}));
            if (!readied) throw new Error('the bridge did not answer');
            await new Promise((r) => requestIdleCallback(r));
          })()`);
        }
        // The first insertion on a fresh page runs the editor's paste code cold; the second is what
        // an agent inserting again (another strategy, a new tone) waits for.
        const insertOnce = async () =>
          JSON.parse(
            (await page.evaluate(`(async () => {
              const t0 = performance.now();
              const outcome = await PulsoComposer.insertIntoComposer(document.querySelector(${JSON.stringify(editor.selector)}), ${JSON.stringify(DRAFT)}, 'replace');
              return JSON.stringify({ ok: outcome.ok, strategy: outcome.strategy, ms: performance.now() - t0 });
            })()`)) as string,
          ) as { ok: boolean; strategy?: string; ms: number };
        const first = await insertOnce();
        const again = await insertOnce();
        if (!first.ok || !again.ok) throw new Error(`insertion failed on ${editor.name} (${first.strategy}, ${again.strategy})`);
        samples.push(first.ms);
        repeats.push(again.ms);
        await page.close();
        floors.push(await editorFloor(browser, editor));
      }
      out.push({ name: editor.name, p50: percentile(samples, 50), max: Math.max(...samples), repeatP50: percentile(repeats, 50), floorP50: percentile(floors, 50) });
    }
    return out;

    async function editorFloor(browser: BenchBrowser, editor: (typeof EDITORS)[number]): Promise<number> {
      const page = await browser.newPage();
      try {
        await page.goto(`https://127.0.0.1:${fixtures.port}/__fixture/editors/${editor.fixture}`);
        await page.waitForFunction('window.__composerReady === true');
        await page.click(editor.selector);
        // A string, not a function: tsx's keepNames would wrap a function in a __name helper the page lacks.
        // The paste as insert-with-paste.ts makes it (Firefox reads `dataType`/`data`, Chrome `clipboardData`).
        return (await page.evaluate(`(async () => {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const target = document.querySelector(${JSON.stringify(editor.selector)});
          const text = ${JSON.stringify(DRAFT)};
          const shown = () => (target.value ?? target.innerText).includes('149 €');
          const t0 = performance.now();
          if (target.isContentEditable) {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, dataType: 'text/plain', data: text, bubbles: true, cancelable: true }));
          } else {
            document.execCommand('insertText', false, text);
          }
          await Promise.resolve();
          while (!shown()) await new Promise((r) => setTimeout(r, 0));
          return performance.now() - t0;
        })()`)) as number;
      } finally {
        await page.close();
      }
    }
  } finally {
    for (const browser of browsers.values()) await browser.close();
    await fixtures.close();
  }
}
