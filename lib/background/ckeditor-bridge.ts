import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Browser } from 'wxt/browser';
import type { CkeditorBridgeReply } from '../contracts';
import { CRM_HOSTS } from '../sites/hosts';

/** The CRMs whose composers are CKEditor 5: Zendesk's ticket composer, Salesforce Lightning's email body. */
const CKEDITOR_HOSTS = [...CRM_HOSTS.zendesk, ...CRM_HOSTS.salesforce].map((host) => new MatchPattern(host));

/** entrypoints/ckeditor-bridge.ts as built (an unlisted script, in Chrome's and Firefox's builds). */
export const CKEDITOR_BRIDGE_FILE = '/ckeditor-bridge.js' as const;

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/**
 * Injects the CKEditor bridge into the page's own world of the frame that asked (its document
 * when the browser names it, so a frame that navigated meanwhile is not served), on the CKEditor
 * CRMs only. The content script asks once per document, the first time a draft is shown
 * (lib/content/ckeditor-bridge.ts), and the bridge installs once per document however often it
 * is injected. `loaded` is the bridge's own answer (the script's last value, `true`, which both
 * browsers hand back as the injection's result); anything else (no `scripting` API; a Firefox
 * older than 128, which knows no `world: 'MAIN'`; a frame the browser will not script; a page
 * that navigated away) is `loaded: false`, and the insertion pastes.
 * Firefox's MV2 build uses the same call: Firefox offers `scripting` to MV2 add-ons (102+) with
 * the page's world (128+), `injectImmediately`, and a sender's `documentId` with `documentIds`
 * targets (a Firefox without them names no document, and the frame is targeted).
 */
export async function injectCkeditorBridge(sender: Browser.runtime.MessageSender, scripting: Scripting | undefined = browser.scripting): Promise<CkeditorBridgeReply> {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (!scripting || tabId === undefined || !url || !CKEDITOR_HOSTS.some((host) => host.includes(url))) return { loaded: false };
  const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
  try {
    const [injection] = await scripting.executeScript({ target, world: 'MAIN', injectImmediately: true, files: [CKEDITOR_BRIDGE_FILE] });
    return { loaded: injection?.result === true };
  } catch {
    return { loaded: false };
  }
}
