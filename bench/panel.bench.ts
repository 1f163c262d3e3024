import type { Page } from '@playwright/test';
import { startRulesBackend } from '../e2e/support/backend';
import { launchWithExtension } from '../e2e/support/extension';
import { hubspotRoutes, startFixtureServer } from '../e2e/support/fixture-server';
import { percentile } from './stats';

const CONTACT = 'https://app.hubspot.com/contacts/12345678/record/0-1/101';

/**
 * Loads the contact page and times, from DOMContentLoaded (the record is in the
 * served HTML), the first paint of the rules preview and of the final answer.
 */
async function timeOnePaint(page: Page) {
  await page.goto(CONTACT, { waitUntil: "domcontentloaded" });
  // A string, not a function: tsx (esbuild keepNames) would wrap a function in a
  // `__name` helper that does not exist in the page.
  return page.evaluate<{ preview: number; final: number; origin: string }>(`new Promise((resolve, reject) => {
    const nav = performance.getEntriesByType('navigation')[0];
    let preview = NaN;
    const deadline = performance.now() + 15000;
    const tick = () => {
      const origin = document.querySelector('pulso-panel')?.shadowRoot
        ?.querySelector('[data-testid="pulso-origin"]')?.getAttribute('data-origin');
      const now = performance.now();
      if (origin && Number.isNaN(preview)) preview = now - nav.domContentLoadedEventEnd;
      if (origin && origin !== 'preview') return resolve({ preview, final: now - nav.domContentLoadedEventEnd, origin });
      if (now > deadline) return reject(new Error('panel never painted a result'));
      requestAnimationFrame(tick);
    };
    tick();
  })`);
}

/**
 * In-app navigation to `recordId`: times from the moment the record's DOM is inserted
 * (the fixture router stamps it) to the panel painting that record's final answer.
 */
async function timeSpaPaint(page: Page, recordId: string) {
  const painted = page.evaluate<{ ms: number; origin: string }>(`new Promise((resolve, reject) => {
    window.__pulsoRecordRenderedAt = undefined;
    const deadline = performance.now() + 15000;
    const tick = () => {
      const root = document.querySelector('pulso-panel')?.shadowRoot;
      const id = root?.querySelector('[data-testid="pulso-result"]')?.getAttribute('data-record-id');
      const origin = root?.querySelector('[data-testid="pulso-origin"]')?.getAttribute('data-origin');
      const now = performance.now();
      if (id === '${recordId}' && origin && origin !== 'preview' && window.__pulsoRecordRenderedAt !== undefined)
        return resolve({ ms: now - window.__pulsoRecordRenderedAt, origin });
      if (now > deadline) return reject(new Error('panel never painted record ${recordId}'));
      requestAnimationFrame(tick);
    };
    tick();
  })`);
  await page.locator(`a[href$="/record/0-1/${recordId}"]`).first().dispatchEvent('click');
  return painted;
}

export async function benchPanel(runs = 8) {
  const fixtures = await startFixtureServer([hubspotRoutes]);
  const backend = await startRulesBackend();
  const { context, worker } = await launchWithExtension(fixtures.port);
  const setTtl = (hours: number) =>
    worker.evaluate(
      async ({ url, hours }) => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
        await chrome.storage.local.set({ settings: { backendUrl: url, token: '', cacheTtlHours: hours } });
      },
      { url: backend.url, hours },
    );
  try {
    const page = await context.newPage();
    // Cold: a TTL of ~4 ms makes every visit miss the cache and ask the backend.
    await setTtl(1e-6);
    await timeOnePaint(page);
    const cold = [];
    for (let i = 0; i < runs; i++) cold.push(await timeOnePaint(page));
    await setTtl(24);
    await timeOnePaint(page); // fills the cache
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await timeOnePaint(page));
    if (warm.some((w) => w.origin !== 'cache')) throw new Error(`warm runs were not served from the cache: ${warm.map((w) => w.origin)}`);

    // In-app navigation between two contacts, cold then warm.
    const spa = async () => {
      const out = [];
      for (let i = 0; i < runs; i++) out.push(await timeSpaPaint(page, i % 2 === 0 ? '202' : '101'));
      return out;
    };
    await setTtl(1e-6);
    const spaCold = await spa();
    await setTtl(24);
    await spa(); // fills the cache for both records
    const spaWarm = await spa();
    if (spaWarm.some((w) => w.origin !== 'cache')) throw new Error(`warm navigations were not served from the cache: ${spaWarm.map((w) => w.origin)}`);
    return {
      runs,
      previewP50: percentile(cold.map((c) => c.preview), 50),
      coldFinalP50: percentile(cold.map((c) => c.final), 50),
      coldFinalMax: Math.max(...cold.map((c) => c.final)),
      warmP50: percentile(warm.map((w) => w.final), 50),
      warmMax: Math.max(...warm.map((w) => w.final)),
      spaColdP50: percentile(spaCold.map((c) => c.ms), 50),
      spaColdMax: Math.max(...spaCold.map((c) => c.ms)),
      spaWarmP50: percentile(spaWarm.map((c) => c.ms), 50),
      spaWarmMax: Math.max(...spaWarm.map((c) => c.ms)),
    };
  } finally {
    await context.close();
    await backend.app.close();
    await fixtures.close();
  }
}
