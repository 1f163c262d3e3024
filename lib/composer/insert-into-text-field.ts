import { isTextField } from './selection';
import type { InsertionStrategy } from './types';

/**
 * Plain <textarea>/<input> composers, often React-controlled: set the value through
 * the native setter (React's own setter would swallow it) and fire "input", so the
 * framework's state takes the new value.
 */
export const insertIntoTextField: InsertionStrategy = {
  name: 'textField',
  applies: (target) => isTextField(target),
  insert(target, text) {
    const field = target as HTMLTextAreaElement | HTMLInputElement;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    const next = field.value.slice(0, start) + text + field.value.slice(end);
    const proto = Object.getPrototypeOf(field) as object;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) setter.call(field, next);
    else field.value = next;
    field.setSelectionRange(start + text.length, start + text.length);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  },
};
