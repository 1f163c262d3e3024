import type { InsertionStrategy } from './types';

/**
 * A synthetic paste carrying text/plain. Rich editors (Lexical, CKEditor 5, Draft.js,
 * ProseMirror) run their own paste pipeline on it, so their model — not just the DOM —
 * takes the text, newlines become paragraphs or line breaks, and emoji survive.
 */
export const insertWithPaste: InsertionStrategy = {
  name: 'paste',
  applies: (target) => target.isContentEditable,
  insert(target, text) {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    // An editor that handled the paste cancels the browser's default; nothing did otherwise.
    return event.defaultPrevented;
  },
};
