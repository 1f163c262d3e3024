import type { InsertionStrategy } from './types';

/** Firefox's own ClipboardEventInit members (non-standard): the text its constructed paste carries. */
type FirefoxClipboardEventInit = ClipboardEventInit & { dataType: string; data: string };

/**
 * A synthetic paste carrying text/plain. Rich editors (Lexical, CKEditor 5, Draft.js,
 * ProseMirror) run their own paste pipeline on it, so their model — not just the DOM —
 * takes the text, newlines become paragraphs or line breaks, and emoji survive.
 * Firefox ignores `clipboardData` in a constructed paste (its clipboardData reads empty) and
 * fills it from its own `dataType`/`data` instead; Chrome ignores those two: both are given.
 */
export const insertWithPaste: InsertionStrategy = {
  name: 'paste',
  applies: (target) => target.isContentEditable,
  insert(target, text) {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const init: FirefoxClipboardEventInit = { clipboardData: data, dataType: 'text/plain', data: text, bubbles: true, cancelable: true };
    const event = new ClipboardEvent('paste', init);
    target.dispatchEvent(event);
    // An editor that handled the paste cancels the browser's default; nothing did otherwise.
    return event.defaultPrevented;
  },
};
