import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Browser } from 'wxt/browser';
import type { CkeditorBridgeReply } from '../contracts';
import { CRM_HOSTS } from '../sites/hosts';

/** The CRMs whose composers are CKEditor 5: Zendesk's ticket composer, Salesforce Lightning's email body. */
const CKEDITOR_HOSTS = [...CRM_HOSTS.zendesk, ...CRM_HOSTS.salesforce].map((host) => new MatchPattern(host));

/** entrypoints/ckeditor-bridge.ts as built (an unlisted script, Chrome's build only). */
export const CKEDITOR_BRIDGE_FILE = '/ckeditor-bridge.js' as const;

type Scripting = Pick<typeof browser.scripting, 'executeScript'>;

/**
 * Injects the CKEditor bridge into the page's own world of the frame that asked (its document
 * when the browser names it, so a frame that navigated meanwhile is not served), on the CKEditor
 * CRMs only. The content script asks once per document, the first time a draft is shown
 * (lib/content/ckeditor-bridge.ts), and the bridge installs once per document however often it
 * is injected. `loaded` is the bridge's own answer; anything else (no `scripting` API, as in
 * Firefox's build; a frame the browser will not script; a page that navigated away) is
 * `loaded: false`, and the insertion pastes.
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
