import { createCkeditorBridgeLoader, type PrepareComposer } from '../composer/ckeditor-bridge-loader';
import { requestCkeditorBridge } from '../messaging';

/**
 * The content scripts' way to the CKEditor bridge: the background injects it into this frame's
 * page world the first time a draft is shown over a CKEditor composer, in Chrome and in Firefox
 * (its MV2 build has the same `scripting` API). Where the injection is refused, the insertion pastes.
 */
export const prepareComposer: PrepareComposer = createCkeditorBridgeLoader(requestCkeditorBridge);
