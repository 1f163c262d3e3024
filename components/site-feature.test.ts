// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore } from '@/lib/content/store';
import type { SiteAdapter } from '@/lib/sites/types';
import type { GlanceContent } from './glance/glance';
import { defineSiteFeature, runSiteFeatures } from './site-feature';

// The UI chunk, as the runner sees it: a module that resolves when the test says so, and a
// view that draws one element in its host (mountFeatureView commits synchronously).
const chunk = vi.hoisted(() => ({ requested: 0, release: () => {}, mounted: [] as string[] }));
vi.mock('./content-ui/load', () => ({
  loadContentUi: () => {
    chunk.requested++;
    return new Promise((resolve) => {
      chunk.release = () =>
        resolve({
          mountFeatureView: async (_ctx: unknown, hostName: string) => {
            const host = document.createElement(hostName);
            host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: 'full view' }));
            document.body.append(host);
            chunk.mounted.push(hostName);
            return { remove: () => host.remove() };
          },
        });
    });
  },
}));

const adapter = {
  crm: 'hubspot',
  pageKind: (url: string) => (url.includes('/record/') ? { kind: 'record', recordType: 'contact', recordId: '1' } : undefined),
} as unknown as SiteAdapter;

function panelFeature(initial: 'idle' | 'waiting' = 'waiting') {
  const answer = createStore<'idle' | 'waiting' | 'ready'>(initial);
  const feature = defineSiteFeature({
    name: 'pulso-panel',
    shows: 'record',
    view: 'lead-panel',
    start: () => ({ props: {} as never, onRoute: () => {}, stop: () => {} }),
    glance: () => ({
      stores: [answer],
      read: (): GlanceContent | null => answer.get() === 'idle' ? null : ({ regionLabel: 'Pulso', title: 'Pulso', state: answer.get(), origin: answer.get() === 'ready' ? { text: 'From the backend', origin: 'backend', pending: false } : undefined }),
    }),
  });
  return { feature, answer };
}

const glanceHost = () => document.querySelector('pulso-panel-glance');
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('runSiteFeatures with a glance', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    fakeBrowser.reset();
    chunk.requested = 0;
    chunk.mounted = [];
    window.history.replaceState(null, '', '/contacts/1/record/0-1/1');
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
    delete (globalThis as { cancelIdleCallback?: unknown }).cancelIdleCallback;
    document.body.replaceChildren();
  });

  it('paints the glance at once, loads the UI chunk only once the answer is on screen, and swaps the glance for the view', async () => {
    const { feature, answer } = panelFeature();
    await runSiteFeatures(ctx, adapter, [feature]);
    expect(glanceHost()?.shadowRoot?.querySelector('[data-state="waiting"]')).not.toBeNull();
    await frame();
    expect(chunk.requested).toBe(0); // "waiting" is no answer: compiling the chunk would only delay it

    answer.set('ready');
    expect(glanceHost()?.shadowRoot?.querySelector('[data-testid="pulso-origin"]')?.getAttribute('data-origin')).toBe('backend');
    await vi.waitFor(() => expect(chunk.requested).toBe(1));
    chunk.release();
    await vi.waitFor(() => expect(chunk.mounted).toEqual(['pulso-panel']));
    expect(glanceHost()).toBeNull();
    // The view is up: later answers no longer paint a glance.
    answer.set('waiting');
    expect(glanceHost()).toBeNull();
  });

  it('starts its features a turn after the script is evaluated, not in the same task', async () => {
    let started = 0;
    const feature = defineSiteFeature({ name: 'pulso-panel', shows: 'record', view: 'lead-panel', start: () => (started++, { props: {} as never, onRoute: () => {}, stop: () => {} }) });
    const running = runSiteFeatures(ctx, adapter, [feature]);
    // Every promise job queued by now runs (the storage read has answered), yet no task has passed.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(started).toBe(0);
    await running;
    expect(started).toBe(1);
  });

  it('loads the UI chunk anyway when no answer comes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    try {
      const { feature } = panelFeature();
      const running = runSiteFeatures(ctx, adapter, [feature]);
      await vi.advanceTimersByTimeAsync(0); // the turn the page gets once the script is evaluated
      await running;
      await vi.advanceTimersByTimeAsync(1_499);
      expect(chunk.requested).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(chunk.requested).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on a page no glance shows something on, loads the UI chunk once the main thread is idle', async () => {
    const idle: IdleRequestCallback[] = [];
    // jsdom has no idle callbacks: this test's own, taken away after ctx.abort() (which cancels them).
    Object.assign(globalThis, { requestIdleCallback: (callback: IdleRequestCallback) => idle.push(callback), cancelIdleCallback: () => {} });
    {
      const { feature } = panelFeature('idle');
      const list = defineSiteFeature({ name: 'pulso-list-toolbar', shows: 'list', view: 'list-toolbar', start: () => ({ props: {} as never, onRoute: () => {}, stop: () => {} }) });
      const listAdapter = { ...adapter, pageKind: () => ({ kind: 'list', recordType: 'contact' }) } as unknown as SiteAdapter;
      await runSiteFeatures(ctx, listAdapter, [feature, list]);
      await frame();
      expect(chunk.requested).toBe(0); // the badges' slices come first
      expect(idle).toHaveLength(1);
      idle[0]!({ didTimeout: false, timeRemaining: () => 50 });
      await vi.waitFor(() => expect(chunk.requested).toBe(1));
    }
  });

  it('on a list, waits for the badges to be drawn before it waits for an idle main thread (at most 2 s)', async () => {
    const idle: IdleRequestCallback[] = [];
    Object.assign(globalThis, { requestIdleCallback: (callback: IdleRequestCallback) => idle.push(callback), cancelIdleCallback: () => {} });
    const listAdapter = { ...adapter, pageKind: () => ({ kind: 'list', recordType: 'contact' }) } as unknown as SiteAdapter;
    const listFeature = (rows: ReturnType<typeof createStore<number>>) =>
      defineSiteFeature({
        name: 'pulso-list-toolbar',
        shows: 'list',
        view: 'list-toolbar',
        start: () => ({ props: { store: rows } as never, onRoute: () => {}, stop: () => {} }),
        drawnWithoutView: ({ store }) => store,
      });
    const rows = createStore(0);
    await runSiteFeatures(ctx, listAdapter, [listFeature(rows)]);
    await frame();
    expect(idle).toHaveLength(0); // the badges are not drawn yet: no idle wait, no chunk
    rows.set(1);
    await vi.waitFor(() => expect(idle).toHaveLength(1));
    expect(chunk.requested).toBe(0);
    idle[0]!({ didTimeout: false, timeRemaining: () => 50 });
    await vi.waitFor(() => expect(chunk.requested).toBe(1));

    // A list whose badges are never drawn still gets its view, 2 s later.
    ctx.abort();
    ctx = new ContentScriptContext('test');
    idle.length = 0;
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    try {
      const running = runSiteFeatures(ctx, listAdapter, [listFeature(createStore(0))]);
      await vi.advanceTimersByTimeAsync(0);
      await running;
      await vi.advanceTimersByTimeAsync(1_999);
      expect(idle).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(idle).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait for a glance on a page no glance shows something on', async () => {
    const { feature } = panelFeature('idle');
    const list = defineSiteFeature({ name: 'pulso-list-toolbar', shows: 'list', view: 'list-toolbar', start: () => ({ props: {} as never, onRoute: () => {}, stop: () => {} }) });
    const listAdapter = { ...adapter, pageKind: () => ({ kind: 'list', recordType: 'contact' }) } as unknown as SiteAdapter;
    await runSiteFeatures(ctx, listAdapter, [feature, list]);
    await vi.waitFor(() => expect(chunk.requested).toBe(1));
    expect(glanceHost()).toBeNull();
  });
});
