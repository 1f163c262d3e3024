import type { InsertionStrategy } from './types';

/**
 * document.execCommand('insertText'): deprecated but still the one call that makes the
 * browser itself edit a plain contenteditable as if typed, with trusted input events
 * and undo history. The fallback for composers without an editor library.
 */
export const insertWithExecCommand: InsertionStrategy = {
  name: 'execCommand',
  applies: (target) => target.isContentEditable,
  insert(target, text) {
    return target.ownerDocument.execCommand('insertText', false, text);
  },
};
