import { createCkeditorBridgeLoader, type PrepareComposer } from '../composer/ckeditor-bridge-loader';
import { requestCkeditorBridge } from '../messaging';

/**
 * The content scripts' way to the CKEditor bridge: the background injects it into this frame's
 * page world the first time a draft is shown over a CKEditor composer. Firefox's build has no
 * bridge (its MV2 build has no `scripting` permission): its insertion pastes, and it asks nothing.
 */
export const prepareComposer: PrepareComposer = import.meta.env.FIREFOX ? async () => false : createCkeditorBridgeLoader(requestCkeditorBridge);
