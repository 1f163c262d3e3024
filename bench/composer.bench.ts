import { chromium } from '@playwright/test';
import { bundleForBrowser } from '../e2e/support/bundle';
import { installCkeditorBridge } from '../e2e/support/ckeditor-bridge';
import { CHROMIUM } from '../e2e/support/extension';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { percentile } from './stats';

// Chrome's build reaches CKEditor through its MAIN-world bridge. When a draft is shown, before the
// agent can press Insert, the content script readies it (lib/composer/ckeditor-bridge-loader.ts):
// the background injects it, and the content script's ping at the composer has it warm that
// editor up in idle time. 'readied' is that state, set up here before the timing starts (the
// bridge installed, the same loader's ping, the idle time it waits for); 'cold' is the bridge
// present but never asked at the composer, as when a composer appears only after its draft.
// Firefox's build has no bridge and pastes.
const EDITORS = [
  { name: 'Lexical (WhatsApp)', fixture: 'lexical.html', selector: 'footer [contenteditable="true"]' },
  { name: 'CKEditor 5 (Zendesk), Chrome: model through the MAIN-world bridge, readied when the draft was shown', fixture: 'ckeditor.html', selector: '.ck-editor__editable', ckeditorBridge: 'readied' },
  { name: 'CKEditor 5 (Zendesk), Chrome: model through the MAIN-world bridge, not readied (editor cold)', fixture: 'ckeditor.html', selector: '.ck-editor__editable', ckeditorBridge: 'cold' },
  { name: 'CKEditor 5 (Zendesk), Firefox: paste', fixture: 'ckeditor.html', selector: '.ck-editor__editable' },
  { name: 'React textarea', fixture: 'textarea.html', selector: 'textarea' },
] as const;
const DRAFT = 'Hola María 👋\nSí, tenemos la silla Ergo en azul: 149 €.\n¡Gracias!';

/**
 * insertIntoComposer on the real editors: from the call to the text verified in the editor.
 * Beside it, the editor's own floor: the same paste handed to an editor the agent has already
 * focused (a real click, its focus handling done), as a keyboard paste would be. What the
 * first insertion takes beyond that floor is Pulso's (placing the caret, the editor taking
 * focus, checking the result); the floor itself is the editor's first paste running cold.
 */
export async function benchComposer(runs = 10) {
  const fixtures = await startFixtureServer([]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors'] });
  const lib = await bundleForBrowser('lib/composer/insert-into-composer.ts', { globalName: 'PulsoComposer' });
  const loader = await bundleForBrowser('lib/composer/ckeditor-bridge-loader.ts', { globalName: 'PulsoBridgeLoader' });
  try {
    const out = [];
    for (const editor of EDITORS) {
      const samples: number[] = [];
      const repeats: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage({ ignoreHTTPSErrors: true });
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
        const insertOnce = () =>
          page.evaluate(
            async ({ selector, text }) => {
              const lib = (window as unknown as { PulsoComposer: typeof import('../lib/composer/insert-into-composer') }).PulsoComposer;
              const t0 = performance.now();
              const outcome = await lib.insertIntoComposer(document.querySelector<HTMLElement>(selector)!, text, 'replace');
              return { ok: outcome.ok, ms: performance.now() - t0 };
            },
            { selector: editor.selector, text: DRAFT },
          );
        const first = await insertOnce();
        const again = await insertOnce();
        if (!first.ok || !again.ok) throw new Error(`insertion failed on ${editor.name}`);
        samples.push(first.ms);
        repeats.push(again.ms);
        await page.close();
        floors.push(await editorFloor(editor));
      }
      out.push({ name: editor.name, p50: percentile(samples, 50), max: Math.max(...samples), repeatP50: percentile(repeats, 50), floorP50: percentile(floors, 50) });
    }
    return out;

    async function editorFloor(editor: (typeof EDITORS)[number]): Promise<number> {
      const page = await browser.newPage({ ignoreHTTPSErrors: true });
      try {
        await page.goto(`https://127.0.0.1:${fixtures.port}/__fixture/editors/${editor.fixture}`);
        await page.waitForFunction('window.__composerReady === true');
        await page.click(editor.selector);
        // A string, not a function: tsx's keepNames would wrap a function in a __name helper the page lacks.
        return await page.evaluate<number>(`(async () => {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const target = document.querySelector(${JSON.stringify(editor.selector)});
          const text = ${JSON.stringify(DRAFT)};
          const shown = () => (target.value ?? target.innerText).includes('149 €');
          const t0 = performance.now();
          if (target.isContentEditable) {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          } else {
            document.execCommand('insertText', false, text);
          }
          await Promise.resolve();
          while (!shown()) await new Promise((r) => setTimeout(r, 0));
          return performance.now() - t0;
        })()`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await fixtures.close();
  }
}
