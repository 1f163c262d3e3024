import { chromium, expect, test, type Browser } from '@playwright/test';
import { bundleForBrowser } from '../support/bundle';
import { installCkeditorBridge } from '../support/ckeditor-bridge';
import { CHROMIUM } from '../support/extension';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';

// Each insertion strategy on its own, against the real editors: which ones a given
// editor honours in its own state. The chain in insert-into-composer.ts is ordered by
// this table.
const EDITORS = {
  lexical: { fixture: 'lexical.html', selector: 'footer [contenteditable="true"]' },
  ckeditor: { fixture: 'ckeditor.html', selector: '.ck-editor__editable' },
  textarea: { fixture: 'textarea.html', selector: 'textarea' },
  plain: { fixture: 'plain.html', selector: '[data-widget="composer"]' },
} as const;

const EXPECTED: Record<string, Partial<Record<keyof typeof EDITORS, boolean>>> = {
  ckeditorModel: { ckeditor: true },
  paste: { lexical: true, ckeditor: true },
  beforeinput: { lexical: true },
  execCommand: { plain: true },
  textField: { textarea: true },
};

let fixtures: FixtureServer;
let browser: Browser;
let composerLib: string;

test.beforeAll(async () => {
  fixtures = await startFixtureServer([]);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'] });
  composerLib = await bundleForBrowser('lib/composer/strategy-harness.ts', { globalName: 'PulsoStrategies' });
});
test.afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

for (const [strategy, worksOn] of Object.entries(EXPECTED)) {
  for (const [editor, { fixture, selector }] of Object.entries(EDITORS)) {
    const expected = worksOn[editor as keyof typeof EDITORS];
    if (!expected) continue;
    test(`${strategy} puts a multi-line draft into ${editor}'s own state`, async () => {
      const page = await browser.newPage({ ignoreHTTPSErrors: true });
      await page.goto(`https://127.0.0.1:${fixtures.port}/__fixture/editors/${fixture}`);
      await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
      await page.addScriptTag({ content: composerLib });
      // What the background (Chrome's and Firefox's builds) injects into the CKEditor CRMs' pages when a draft is shown.
      if (strategy === 'ckeditorModel') await installCkeditorBridge(page);
      const state = await page.evaluate(
        async ({ strategy, selector }) => {
          const lib = (window as unknown as { PulsoStrategies: typeof import('../../lib/composer/strategy-harness') }).PulsoStrategies;
          await lib.runOne(strategy, document.querySelector<HTMLElement>(selector)!, 'Primera línea 😀\nSegunda línea');
          return (window as unknown as { __composerState: string }).__composerState;
        },
        { strategy, selector },
      );
      expect(state.replace(/<[^>]+>/g, '\n')).toMatch(/Primera línea 😀\s+Segunda línea/);
    });
  }
}
