import { expect, test, type Page, type Worker } from '@playwright/test';
import { FeedbackStatsSchema, PolicySchema, type FeedbackDayStats, type Policy, type PolicyArm } from '../lib/contracts';
import { segmentOfTriage } from '../lib/learning/segment';
import { backendTriageAnswer } from './support/answers';
import { startBackend } from './support/backend';
import { whatsappRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

// The learning loop (docs/learning.md), end to end on the real built extension: what an agent
// does with a draft in the panel becomes a feedback event, the background delivers it to
// POST /v1/feedback, and the team's policy (GET /v1/policy) changes for that context. When the
// backend is down the event waits in the background's outbox and arrives once it is back.

const WHATSAPP = 'https://web.whatsapp.com/';
const CHAT = 'whatsapp/chat-individual.html';
const h = useExtensionHarness([whatsappRoutes(CHAT)], () => ({ PULSO_DATA_DIR: 'memory://' }));

async function get(path: string): Promise<unknown> {
  const res = await fetch(`${h.backend.url}${path}`);
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}
const policy = async (): Promise<Policy> => PolicySchema.parse(await get('/v1/policy'));
/** Today's draft feedback as the backend stored it (outcomes and thumbs per strategy). */
const draftStats = async (): Promise<FeedbackDayStats[]> => FeedbackStatsSchema.parse(await get('/v1/feedback/stats?days=1')).drafts;

interface Arm {
  segment: string;
  intent: string;
  strategy: string;
}
const sameArm = (a: Arm) => (b: Arm) => a.segment === b.segment && a.intent === b.intent && a.strategy === b.strategy;
async function storedArm(arm: Arm): Promise<PolicyArm | undefined> {
  return (await policy()).arms?.find(sameArm(arm));
}
async function strategyInPolicy(arm: Arm) {
  const context = (await policy()).contexts.find((c) => c.segment === arm.segment && c.intent === arm.intent);
  return { best: context?.best, strategy: context?.strategies.find((s) => s.strategy === arm.strategy) };
}

/** Feedback events the background still holds for the backend (its IndexedDB outbox). */
const queuedFeedback = (worker: Worker) =>
  worker.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('pulso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('feedbackOutbox').objectStore('feedbackOutbox').count();
          count.onsuccess = () => {
            db.close();
            ok(count.result);
          };
          count.onerror = () => fail(count.error);
        };
      }),
  );

async function openChat(): Promise<Page> {
  const page = await h.browser.context.newPage();
  await page.goto(WHATSAPP);
  await page.waitForFunction(() => (window as unknown as { __composerReady?: boolean }).__composerReady === true);
  await expect(page.getByTestId('pulso-draft-card')).toHaveAttribute('aria-busy', 'false');
  return page;
}

/**
 * The agent rates the draft, inserts it as is and sends it: WhatsApp shows the composer's text
 * as a new outgoing message (the fixture has no chat server; this is what the page does after Send).
 */
async function rateInsertAndSend(page: Page, rating: 'up' | 'down'): Promise<string> {
  const panel = page.getByTestId('pulso-panel');
  const strategy = await panel.getByTestId('pulso-strategy').inputValue();
  await panel.getByTestId(`pulso-thumbs-${rating}`).click();
  await expect(panel.getByTestId('pulso-draft-rating')).toHaveAttribute('data-rating', rating === 'up' ? '1' : '-1');
  // The composer holds the agent's unsent text: Pulso asks, the agent replaces it with the draft.
  await panel.getByTestId('pulso-insert').click();
  await panel.getByTestId('pulso-insert-replace').click();
  await expect(panel.getByTestId('pulso-inserted')).toBeVisible();
  await page.evaluate(() => {
    const sent = (window as unknown as { __composerState: string }).__composerState;
    const rows = document.querySelectorAll('#main [role="row"]');
    const lastOut = [...rows].filter((row) => row.querySelector('.message-out')).at(-1)!;
    const row = lastOut.cloneNode(true) as HTMLElement;
    row.querySelector('[data-id]')!.setAttribute('data-id', 'true_34600111222@c.us_3EB0FF0011223344SENT');
    row.querySelector('.selectable-text > span')!.textContent = sent;
    rows[rows.length - 1]!.after(row);
  });
  return strategy;
}

test('a draft inserted as is and rated up reaches the backend and raises its strategy in the policy for that context', async () => {
  const page = await openChat();
  await expect(page.getByTestId('pulso-origin')).toHaveAttribute('data-origin', 'backend');
  const triage = await backendTriageAnswer(h.backend.url, CHAT, WHATSAPP);
  const strategy = await page.getByTestId('pulso-strategy').inputValue();
  const arm = { segment: segmentOfTriage(triage), intent: triage.intent, strategy };

  const before = await strategyInPolicy(arm);
  expect(before.strategy?.pulls ?? 0).toBe(0);

  expect(await rateInsertAndSend(page, 'up')).toBe(strategy);

  // The event travels content script → background outbox → POST /v1/feedback → the store.
  await expect.poll(async () => (await storedArm(arm))?.pulls ?? 0).toBe(1);
  const after = await strategyInPolicy(arm);
  expect(after.strategy?.pulls).toBe(1);
  // Inserted as is with a thumbs up: the agent's signal is 1, so the reward is well above the
  // uniform prior's 0.5 and this strategy leads its context.
  expect(after.strategy!.mean).toBeGreaterThan(before.strategy?.mean ?? 0.5);
  expect(after.best).toBe(strategy);
  const stored = (await storedArm(arm))!;
  expect(stored.weight).toBe(1);
  // r = 0.8 · a + 0.2 · judge, a = 1: at least 0.8.
  expect(stored.rewardSum).toBeGreaterThanOrEqual(0.8);
  expect(await draftStats()).toEqual([expect.objectContaining({ strategy, events: 1, inserted: 1, thumbsUp: 1, thumbsDown: 0 })]);
  await expect.poll(() => queuedFeedback(h.browser.worker)).toBe(0);
  await page.close();
});

test('feedback given while the backend is down waits in the outbox and is delivered exactly once when it is back', async () => {
  const url = new URL(h.backend.url);
  await h.backend.app.close();

  const page = await openChat();
  const strategy = await rateInsertAndSend(page, 'down');
  // The background queued it and could not deliver it.
  await expect.poll(() => queuedFeedback(h.browser.worker)).toBe(1);

  // The backend comes back at the same address (a fresh store); the browser says it is online again.
  h.backend = await startBackend({ PORT: url.port, PULSO_DATA_DIR: 'memory://' });
  expect(h.backend.url).toBe(url.origin);
  expect((await policy()).arms ?? []).toEqual([]);
  await h.browser.worker.evaluate(() => globalThis.dispatchEvent(new Event('online')));

  await expect.poll(async () => (await policy()).arms?.reduce((sum, arm) => sum + arm.pulls, 0) ?? 0).toBe(1);
  // Delivered once: acknowledged, so gone from the outbox (nothing left to resend), and counted once.
  await expect.poll(() => queuedFeedback(h.browser.worker)).toBe(0);
  const arms = (await policy()).arms ?? [];
  expect(arms).toHaveLength(1);
  expect(arms[0]).toMatchObject({ strategy, pulls: 1, weight: 1 });
  expect(await draftStats()).toEqual([expect.objectContaining({ strategy, events: 1, inserted: 1, thumbsUp: 0, thumbsDown: 1 })]);
  await page.close();
});
