import { browser } from 'wxt/browser';
import type { insertDraft } from '@/lib/composer/insert-draft';
import type { insertIntoComposer } from '@/lib/composer/insert-into-composer';
import type * as ContentUi from './index';

/** Where the build puts the UI chunk (modules/content-ui.ts), web-accessible on the CRM hosts only. */
export const CONTENT_UI_PATH = '/content-ui/index.js';

let loading: Promise<typeof ContentUi> | undefined;

/**
 * Loads the UI chunk (React, the views, the panel's CSS) into this content script's world,
 * once. Content scripts are classic scripts and cannot `import` statically, but a dynamic
 * import of an extension URL runs the module in the content script's isolated world.
 * A failed load is forgotten, so the next feature that needs the UI tries again.
 */
export function loadContentUi(): Promise<typeof ContentUi> {
  loading ??= (import(/* @vite-ignore */ browser.runtime.getURL(CONTENT_UI_PATH)) as Promise<typeof ContentUi>).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/**
 * The composer's insertion strategies (lib/composer), which ship in the UI chunk: only a view's
 * Insert button calls them, so the chunk is loaded by then, and the content script every CRM page
 * evaluates at load does not carry them.
 */
export const composerInUi = {
  insertDraft: async (...args: Parameters<typeof insertDraft>) => (await loadContentUi()).composer.insertDraft(...args),
  insertIntoComposer: async (...args: Parameters<typeof insertIntoComposer>) => (await loadContentUi()).composer.insertIntoComposer(...args),
};
