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
 * Asks whether the bridge is in this document: it cancels the event. The background injects the
 * bridge on demand (lib/background/ckeditor-bridge.ts), so the content script asks before it asks
 * the background, and the bridge asks before it installs, so a second injection adds nothing.
 * Asked at a composer (a draft is shown there), the bridge also warms that editor up.
 */
export const CKEDITOR_BRIDGE_PING = 'pulso:ckeditor-bridge';

/** Whether Pulso's CKEditor bridge listens in this document (either world may ask), asked at the document or at a composer. */
export function ckeditorBridgeAnswers(at: Document | HTMLElement): boolean {
  const ping = new CustomEvent(CKEDITOR_BRIDGE_PING, { cancelable: true });
  at.dispatchEvent(ping);
  return ping.defaultPrevented;
}

/**
 * CKEditor 5 through its own model: Pulso's MAIN-world bridge (ckeditor-model-bridge.ts,
 * injected by the background when a draft is shown, in Chrome and Firefox) inserts the draft as plain
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
