import type { Page } from '@playwright/test';
import { startRulesBackend } from '../e2e/support/backend';
import { launchWithExtension, setBackend } from '../e2e/support/extension';
import { startFixtureServer, whatsappRoutes } from '../e2e/support/fixture-server';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { draftReplyByRules } from '../lib/rules/drafts';
import { triageConversationByRules } from '../lib/rules/conversation';
import { fixtureDocument } from '../lib/sites/saved-page';
import { whatsappAdapter } from '../lib/sites/whatsapp';
import { percentile } from './stats';

/** Rules triage and a rules draft on the 200-message chat (Node). */
export function benchConversationRules(rounds = 200) {
  const conversation = whatsappAdapter.scrape(fixtureDocument('whatsapp/chat-200.html'), 'https://web.whatsapp.com/').conversation!;
  const time = (fn: () => void) => {
    for (let i = 0; i < 20; i++) fn();
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  };
  return {
    messages: conversation.messages.length,
    triage: time(() => triageConversationByRules(conversation, DEMO_PROFILE)),
    draft: time(() => draftReplyByRules(conversation, DEMO_PROFILE)),
  };
}

/**
 * A new customer message lands in the open WhatsApp chat; time until the panel shows
 * the backend's triage (rules mode) for the longer conversation.
 */
async function timeRetriage(page: Page, n: number) {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper
  // the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate(
    async ({ n }) => {
      const rows = Array.from(document.querySelectorAll('#main [data-id^="false_"]'));
      const template = rows[rows.length - 1]!.closest('[role="row"]') ?? rows[rows.length - 1]!;
      const panel = () => document.querySelector('pulso-conversation-panel')?.shadowRoot;
      const count = () => Number(panel()?.querySelector('[data-testid="pulso-conversation"]')?.getAttribute('data-message-count'));
      const before = count();
      const clone = template.cloneNode(true) as Element;
      clone.querySelectorAll('[data-id]').forEach((el) => el.setAttribute('data-id', `false_34600111222@c.us_BENCH${n}`));
      if (clone.hasAttribute('data-id')) clone.setAttribute('data-id', `false_34600111222@c.us_BENCH${n}`);
      const text = clone.querySelector('.selectable-text span, .selectable-text');
      if (text) text.textContent = `¿Y tenéis también la referencia ${n} en stock?`;
      const started = performance.now();
      template.parentElement!.append(clone);
      return new Promise<number>((resolve, reject) => {
        const deadline = started + 10_000;
        const tick = () => {
          const origin = panel()?.querySelector('[data-testid="pulso-origin"]')?.getAttribute('data-origin');
          if (count() > before && origin === 'backend') return resolve(performance.now() - started);
          if (performance.now() > deadline) return reject(new Error('triage never refreshed'));
          requestAnimationFrame(tick);
        };
        tick();
      });
    },
    { n },
  );
}

export async function benchRetriage(runs = 8) {
  const fixtures = await startFixtureServer([whatsappRoutes()]);
  const backend = await startRulesBackend();
  const { context, worker } = await launchWithExtension(fixtures.port);
  await setBackend(worker, backend.url);
  try {
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await page.waitForFunction(
      () => document.querySelector('pulso-conversation-panel')?.shadowRoot?.querySelector('[data-testid="pulso-origin"]')?.getAttribute('data-origin') === 'backend',
    );
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timeRetriage(page, i));
    return { runs, p50: percentile(samples, 50), max: Math.max(...samples) };
  } finally {
    await context.close();
    await backend.app.close();
    await fixtures.close();
  }
}
