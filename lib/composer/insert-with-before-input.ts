import type { InsertionStrategy } from './types';

/**
 * A beforeinput "insertText" per line and "insertParagraph" between lines: what the
 * browser sends when a person types. Editors built on the Input Events spec (Lexical,
 * Slate) apply these to their model.
 */
export const insertWithBeforeInput: InsertionStrategy = {
  name: 'beforeinput',
  applies: (target) => target.isContentEditable,
  insert(target, text) {
    let handled = false;
    text.split('\n').forEach((line, index) => {
      if (index > 0) handled = fire(target, 'insertParagraph', null) || handled;
      if (line) handled = fire(target, 'insertText', line) || handled;
    });
    return handled;
  },
};

function fire(target: HTMLElement, inputType: string, data: string | null): boolean {
  const event = new InputEvent('beforeinput', { inputType, data, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}
