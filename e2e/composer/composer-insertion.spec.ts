import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { bundleForBrowser } from '../support/bundle';
import { installCkeditorBridge } from '../support/ckeditor-bridge';
import { CHROMIUM } from '../support/extension';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';

// Each composer runs its real editor library; Pulso's insertion code is injected into
// the page as the content script would run it, and the editor's own state is checked.
const DRAFT = 'Hola María 👋\nSí, tenemos la silla Ergo en azul: 149 €.\n¡Gracias!';

let fixtures: FixtureServer;
let browser: Browser;
let composerLib: string;

test.beforeAll(async () => {
  fixtures = await startFixtureServer([]);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'] });
  composerLib = await bundleForBrowser('lib/composer/insert-into-composer.ts', { globalName: 'PulsoComposer' });
});
test.afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

async function openComposer(fixture: string, seed = '', { ckeditorBridge = false } = {}): Promise<Page> {
  const page = await browser.newPage({ ignoreHTTPSErrors: true });
  await page.goto(`https://127.0.0.1:${fixtures.port}/__fixture/editors/${fixture}${seed ? `?seed=${encodeURIComponent(seed)}` : ''}`);
  await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
  await page.addScriptTag({ content: composerLib });
  if (ckeditorBridge) await installCkeditorBridge(page);
  return page;
}

async function insert(page: Page, selector: string, text: string, mode: 'append' | 'replace' = 'append') {
  return page.evaluate(
    async ({ selector, text, mode }) => {
      const lib = (window as unknown as { PulsoComposer: typeof import('../../lib/composer/insert-into-composer') }).PulsoComposer;
      const target = document.querySelector<HTMLElement>(selector)!;
      const started = performance.now();
      const outcome = await lib.insertIntoComposer(target, text, mode);
      return { ...outcome, ms: performance.now() - started };
    },
    { selector, text, mode },
  );
}

const editorState = (page: Page) => page.evaluate(() => (window as unknown as { __composerState: string }).__composerState);
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
// CKEditor's data as the agent reads it: a line per paragraph or line break.
const htmlText = (html: string) => html.replace(/<\/p>|<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

test.describe('WhatsApp composer (Lexical)', () => {
  const COMPOSER = 'footer [contenteditable="true"]';

  test('a draft goes into Lexical’s state with newlines and emoji, and Send enables', async () => {
    const page = await openComposer('lexical.html');
    await expect(page.locator('button[aria-label="Send"]')).toBeDisabled();
    const outcome = await insert(page, COMPOSER, DRAFT);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(lines(await editorState(page))).toEqual(lines(DRAFT));
    await expect(page.locator('button[aria-label="Send"]')).toBeEnabled();
  });

  test('the agent’s own text stays; the draft follows it', async () => {
    const page = await openComposer('lexical.html', 'Un momento,');
    const outcome = await insert(page, COMPOSER, DRAFT);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(lines(await editorState(page))).toEqual(['Un momento,', ...lines(DRAFT)]);
  });

  test('replace (after the agent confirmed) swaps the agent’s text for the draft', async () => {
    const page = await openComposer('lexical.html', 'texto viejo');
    const outcome = await insert(page, COMPOSER, DRAFT, 'replace');
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(lines(await editorState(page))).toEqual(lines(DRAFT));
  });
});

// Pulso reaches CKEditor's model through its MAIN-world bridge (injected by the background when a
// draft is shown, in Chrome and Firefox); a page where the injection was refused goes through the
// editor's own paste. Both must leave the composer the same. (Chromium here; real Firefox:
// e2e/firefox-ckeditor-bridge.spec.ts.)
for (const path of [
  { name: 'through the MAIN-world bridge', ckeditorBridge: true, strategy: 'ckeditorModel' },
  { name: 'no bridge (its injection refused), by paste', ckeditorBridge: false, strategy: 'paste' },
]) {
  test.describe(`Zendesk rich-text composer (CKEditor 5), ${path.name}`, () => {
    const COMPOSER = '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable';
    const open = (seed = '') => openComposer('ckeditor.html', seed, path);

    test('a draft goes into CKEditor’s model, one paragraph per line, and Submit enables', async () => {
      const page = await open();
      await expect(page.locator('[data-test-id="submit_button-button"]')).toBeDisabled();
      const outcome = await insert(page, COMPOSER, DRAFT);
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, strategy: path.strategy });
      const html = await editorState(page);
      expect(lines(htmlText(html))).toEqual(lines(DRAFT));
      await expect(page.locator('[data-test-id="submit_button-button"]')).toBeEnabled();
    });

    test('the agent’s own text stays; the draft follows it', async () => {
      const page = await open('Hola,');
      const outcome = await insert(page, COMPOSER, DRAFT);
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, strategy: path.strategy });
      expect(await editorState(page)).toMatch(/^<p>Hola,/);
      expect(lines(htmlText(await editorState(page)))).toEqual(['Hola,', ...lines(DRAFT)]);
    });

    test('replace (after the agent confirmed) swaps the agent’s text for the draft', async () => {
      const page = await open('texto viejo');
      const outcome = await insert(page, COMPOSER, DRAFT, 'replace');
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, strategy: path.strategy });
      expect(lines(htmlText(await editorState(page)))).toEqual(lines(DRAFT));
    });

    test('the caret ends after the draft, and one undo takes the whole draft out', async () => {
      const page = await open('Hola,');
      expect((await insert(page, COMPOSER, DRAFT)).ok).toBe(true);
      await page.keyboard.type(' Ana');
      expect(lines(htmlText(await editorState(page))).at(-1)).toBe('¡Gracias! Ana');
      await page.keyboard.press('Control+z'); // the agent's typing
      expect(lines(htmlText(await editorState(page)))).toEqual(['Hola,', ...lines(DRAFT)]);
      await page.keyboard.press('Control+z'); // the draft, in one step
      expect(await editorState(page)).toBe('<p>Hola,</p>');
    });

    test('a blank line starts a new paragraph; markup in the draft stays text', async () => {
      const page = await open();
      const hostile = 'Uno <img src=x onerror="window.__pwned=1">\n\n<b>Dos</b>';
      expect(await insert(page, COMPOSER, hostile)).toMatchObject({ ok: true, strategy: path.strategy });
      expect(await editorState(page)).toBe('<p>Uno &lt;img src=x onerror="window.__pwned=1"&gt;</p><p>&lt;b&gt;Dos&lt;/b&gt;</p>');
      expect(await page.locator(`${COMPOSER} img, ${COMPOSER} b`).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    });
  });
}

test.describe('CKEditor 5: the MAIN-world bridge leaves the composer as the paste does', () => {
  const COMPOSER = '.ck-editor__editable';
  // The editor's data and the model caret after an insertion: what the agent sees and where they type next.
  const result = (page: Page) =>
    page.evaluate((selector) => {
      const editor = (document.querySelector(selector) as unknown as { ckeditorInstance: import('ckeditor5').Editor }).ckeditorInstance;
      const caret = editor.model.document.selection.getFirstRange()!;
      return { data: editor.getData(), caret: [caret.start.path, caret.end.path], focused: editor.editing.view.document.isFocused };
    }, COMPOSER);
  const reset = (page: Page, data: string) =>
    page.evaluate(
      ({ selector, data }) => {
        (document.activeElement as HTMLElement | null)?.blur();
        (document.querySelector(selector) as unknown as { ckeditorInstance: import('ckeditor5').Editor }).ckeditorInstance.setData(data);
      },
      { selector: COMPOSER, data },
    );
  const seeded = async (ckeditorBridge: boolean, data: string) => {
    const page = await openComposer('ckeditor.html', '', { ckeditorBridge });
    await reset(page, data);
    return page;
  };
  const SEEDS = ['', '<p>Hola,</p>', '<p>Hola,</p><p>&nbsp;</p>', '<p>uno</p><p>dos<br>tres</p>'];
  const TEXTS = ['Una línea 👋', DRAFT, 'Uno\n\nDos', 'Uno\n\n\nDos', 'Uno\n\n\n\nDos', 'Uno\n', 'Uno\n\n', '<p>x</p> & y'];

  for (const mode of ['append', 'replace'] as const) {
    test(`${mode}: same data, same caret, for every kind of line break`, async () => {
      const viaPaste = await seeded(false, '');
      const viaModel = await seeded(true, '');
      for (const seed of SEEDS) {
        for (const text of TEXTS) {
          await reset(viaPaste, seed);
          await reset(viaModel, seed);
          const pasted = await insert(viaPaste, COMPOSER, text, mode);
          const modelled = await insert(viaModel, COMPOSER, text, mode);
          const label = `${JSON.stringify(seed)} + ${JSON.stringify(text)}`;
          expect(pasted.strategy, label).toBe('paste');
          expect(modelled.strategy, label).toBe('ckeditorModel');
          expect(await result(viaModel), label).toEqual(await result(viaPaste));
        }
      }
    });
  }

  test('readied when a draft is shown, the bridge warms the editor up without changing it; the insertion is then one undo step', async () => {
    const page = await openComposer('ckeditor.html', 'Hola,', { ckeditorBridge: true });
    await page.addScriptTag({ content: await bundleForBrowser('lib/composer/ckeditor-bridge-loader.ts', { globalName: 'PulsoBridgeLoader' }) });
    const state = () =>
      page.evaluate((selector) => {
        const editor = (document.querySelector(selector) as unknown as { ckeditorInstance: import('ckeditor5').Editor }).ckeditorInstance;
        return { data: editor.getData(), version: editor.model.document.version, focused: editor.editing.view.document.isFocused, changes: (window as unknown as { __changes: number }).__changes };
      }, COMPOSER);
    // Every change the document announces, and every conversion of model content by the editor's data pipeline.
    await page.evaluate((selector) => {
      const editor = (document.querySelector(selector) as unknown as { ckeditorInstance: import('ckeditor5').Editor }).ckeditorInstance;
      Object.assign(window, { __changes: 0, __stringified: 0 });
      editor.model.document.on('change', () => (window as unknown as { __changes: number }).__changes++);
      const stringify = editor.data.stringify.bind(editor.data);
      editor.data.stringify = (...args) => ((window as unknown as { __stringified: number }).__stringified++, stringify(...args));
    }, COMPOSER);
    const stringified = () => page.evaluate(() => (window as unknown as { __stringified: number }).__stringified);
    const before = await state();
    // What the content script does when a draft is shown (lib/content/ckeditor-bridge.ts): the bridge is in, so it only pings at the composer.
    // A string: the page runs it, with the loader bundled above. The warm-up runs when the page is idle; idle callbacks run in order.
    expect(await page.evaluate(`PulsoBridgeLoader.createCkeditorBridgeLoader(() => Promise.reject(new Error('already in')))(document.querySelector(${JSON.stringify(COMPOSER)}))`)).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(await stringified(), 'the warm-up ran the editor’s conversion').toBeGreaterThan(0);
    expect(await state()).toEqual(before);
    expect(before).toMatchObject({ data: '<p>Hola,</p>', focused: false, changes: 0 });

    expect(await insert(page, COMPOSER, DRAFT)).toMatchObject({ ok: true, strategy: 'ckeditorModel' });
    expect(lines(htmlText(await editorState(page)))).toEqual(['Hola,', ...lines(DRAFT)]);
    await page.keyboard.press('Control+z'); // the draft, in one step
    expect(await editorState(page)).toBe('<p>Hola,</p>');
    await page.keyboard.press('Control+z'); // the seed: the warm-up left no step of its own between
    expect(await editorState(page)).toBe('');
  });

  test('text the paste would rewrite (tabs, runs of spaces, edge spaces) goes by paste, and lands', async () => {
    for (const text of ['a\tb', 'a  b', ' a', 'a \nb', 'a\r\nb']) {
      const page = await seeded(true, '<p>Hola,</p>');
      const outcome = await insert(page, COMPOSER, text);
      expect(outcome, JSON.stringify(text)).toMatchObject({ ok: true, strategy: 'paste', tried: ['ckeditorModel'] });
      await page.close();
    }
  });
});

test.describe('HubSpot-style email body (ProseMirror)', () => {
  const COMPOSER = '[data-test-id="email-editor"] .ProseMirror';

  test('a campaign body goes into ProseMirror’s document, one paragraph per line, and Send enables', async () => {
    const page = await openComposer('prosemirror.html');
    await expect(page.locator('[data-selenium-test="email-send-button"]')).toBeDisabled();
    const outcome = await insert(page, COMPOSER, DRAFT);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(lines(await editorState(page))).toEqual(lines(DRAFT));
    await expect(page.locator('[data-selenium-test="email-send-button"]')).toBeEnabled();
    // ProseMirror renders its editable from its document: what it shows is what it holds.
    expect(lines(await page.locator(COMPOSER).innerText())).toEqual(lines(DRAFT));
  });

  test('the rep’s own text stays, or is replaced once they confirm', async () => {
    const page = await openComposer('prosemirror.html', 'Hola Carmen,');
    expect((await insert(page, COMPOSER, DRAFT)).ok).toBe(true);
    expect(lines(await editorState(page))).toEqual(['Hola Carmen,', ...lines(DRAFT)]);
    const again = await openComposer('prosemirror.html', 'texto viejo');
    expect((await insert(again, COMPOSER, DRAFT, 'replace')).ok).toBe(true);
    expect(lines(await editorState(again))).toEqual(lines(DRAFT));
  });
});

test.describe('plain composer (React-controlled textarea)', () => {
  test('a draft reaches React’s state and survives the next render', async () => {
    const page = await openComposer('textarea.html', 'Hola,');
    const outcome = await insert(page, 'textarea', DRAFT);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(await editorState(page)).toBe(`Hola,\n${DRAFT}`);
    await expect(page.locator('[data-test-id="submit_button-button"]')).toBeEnabled();
    await page.locator('textarea').press('End');
    await page.keyboard.type('!');
    expect(await editorState(page)).toBe(`Hola,\n${DRAFT}!`);
  });
});

test.describe('bare contenteditable widget', () => {
  test('the chain falls through to execCommand and the widget’s state takes the draft', async () => {
    const page = await openComposer('plain.html');
    const outcome = await insert(page, '[data-widget="composer"]', DRAFT);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, strategy: 'execCommand' });
    expect(lines(await editorState(page))).toEqual(lines(DRAFT));
    await expect(page.locator('[data-widget="send"]')).toBeEnabled();
  });
});
