import type { CkeditorModelRequest } from './ckeditor-model-request';
import type { InsertionStrategy } from './types';

/**
 * The event that carries a request to the bridge, dispatched on the editable. Its `detail` is
 * the request as a JSON string (a string crosses worlds in every browser; an object may arrive
 * as null). DOM events dispatch synchronously across worlds, so the bridge has run when
 * dispatchEvent returns; it answers by cancelling the event: the editor's model took the text.
 */
export const CKEDITOR_MODEL_REQUEST = 'pulso:ckeditor-insert';

/**
 * CKEditor 5 through its own model: Pulso's MAIN-world bridge (ckeditor-model-bridge.ts,
 * Chrome only: Firefox MV2 has no MAIN-world content scripts) inserts the draft as plain
 * text with editor.model.insertContent and sets the caret in the model, skipping the
 * clipboard pipeline's HTML round trip and the DOM caret round trip. The draft travels
 * as a string in a DOM event and is never parsed as HTML. Without the bridge, or when the
 * bridge declines, nothing changes and the chain goes on to the paste.
 */
export const insertWithCkeditorModel: InsertionStrategy = {
  name: 'ckeditorModel',
  placesCaret: true,
  applies: (target) => target.isContentEditable && target.classList.contains('ck-editor__editable'),
  insert(target, text, where) {
    const request: CkeditorModelRequest = { text, where };
    const event = new CustomEvent(CKEDITOR_MODEL_REQUEST, { detail: JSON.stringify(request), bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  },
};
