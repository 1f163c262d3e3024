import { describe, expect, it, vi } from 'vitest';
import { CKEDITOR_BRIDGE_FILE, injectCkeditorBridge } from './ckeditor-bridge';

type Sender = Parameters<typeof injectCkeditorBridge>[0];
type Scripting = NonNullable<Parameters<typeof injectCkeditorBridge>[1]>;

/** chrome.scripting as far as the bridge uses it: answers with the injected script's value, or refuses. */
function fakeScripting(answer: () => Promise<unknown>) {
  const executeScript = vi.fn(async (_injection: unknown) => [{ frameId: 0, documentId: 'doc', result: await answer() }]);
  return { scripting: { executeScript } as unknown as Scripting, executeScript };
}

const zendeskFrame: Sender = { tab: { id: 7 } as Sender['tab'], frameId: 3, documentId: 'doc-3', url: 'https://nubeandina.zendesk.com/agent/tickets/4821' };

describe('injecting the CKEditor bridge', () => {
  it('injects the bridge into the page world of the document that asked, at once', async () => {
    const { scripting, executeScript } = fakeScripting(async () => true);
    expect(await injectCkeditorBridge(zendeskFrame, scripting)).toEqual({ loaded: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, documentIds: ['doc-3'] }, world: 'MAIN', injectImmediately: true, files: [CKEDITOR_BRIDGE_FILE] });
  });

  it('targets the frame when the browser names no document (Salesforce Lightning, an older Firefox)', async () => {
    const { scripting, executeScript } = fakeScripting(async () => true);
    const sender: Sender = { tab: { id: 7 } as Sender['tab'], frameId: 2, url: 'https://nubeandina.lightning.force.com/lightning/r/Contact/003/view' };
    expect(await injectCkeditorBridge(sender, scripting)).toEqual({ loaded: true });
    expect(executeScript.mock.calls[0]![0]).toMatchObject({ target: { tabId: 7, frameIds: [2] } });
  });

  it('serves the CKEditor CRMs only, and content scripts in a tab only', async () => {
    const { scripting, executeScript } = fakeScripting(async () => true);
    for (const sender of [
      { ...zendeskFrame, url: 'https://app.hubspot.com/contacts/1/record/0-1/2' },
      { ...zendeskFrame, url: 'https://evil.example/zendesk.com/' },
      { ...zendeskFrame, tab: undefined },
      { ...zendeskFrame, url: undefined },
    ]) {
      expect(await injectCkeditorBridge(sender, scripting), JSON.stringify(sender)).toEqual({ loaded: false });
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a refused injection, a script that did not answer, or no scripting API is not loaded', async () => {
    expect(await injectCkeditorBridge(zendeskFrame, fakeScripting(() => Promise.reject(new Error('Frame with ID 3 was removed.'))).scripting)).toEqual({ loaded: false });
    expect(await injectCkeditorBridge(zendeskFrame, fakeScripting(async () => undefined).scripting)).toEqual({ loaded: false });
    expect(await injectCkeditorBridge(zendeskFrame, undefined)).toEqual({ loaded: false });
  });
});
