// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCkeditorBridgeLoader } from './ckeditor-bridge-loader';
import { installCkeditorModelBridge } from './ckeditor-model-bridge';
import { CKEDITOR_BRIDGE_PING, ckeditorBridgeAnswers } from './insert-with-ckeditor-model';

/** An element as CKEditor 5 renders its editable (jsdom computes no isContentEditable). */
function editable(className: string): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  Object.defineProperty(element, 'isContentEditable', { value: true });
  document.body.append(element);
  return element;
}

/**
 * Each test gets a fresh document: the bridge listens on the document for its whole life, as in
 * a page, so a test's bridge would answer the next test's pings.
 */
beforeEach(() => {
  const fresh = document.implementation.createHTMLDocument('composer');
  vi.stubGlobal('document', fresh);
});

describe('the CKEditor bridge, loaded on demand', () => {
  it('asks once per document, when a CKEditor composer needs it, and the bridge then answers', async () => {
    const composer = editable('ck ck-content ck-editor__editable');
    const load = vi.fn(async () => installCkeditorModelBridge(document));
    const prepare = createCkeditorBridgeLoader(load);
    expect(ckeditorBridgeAnswers(document)).toBe(false);
    // Two callers at once (the draft shown, then Insert): one load.
    expect(await Promise.all([prepare(composer), prepare(composer)])).toEqual([true, true]);
    expect(await prepare(composer)).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('pings at the composer, so the bridge can warm that editor up', async () => {
    const composer = editable('ck-editor__editable');
    installCkeditorModelBridge(document);
    const pinged: (EventTarget | null)[] = [];
    document.addEventListener(CKEDITOR_BRIDGE_PING, (event) => pinged.push(event.target), true);
    expect(await createCkeditorBridgeLoader(async () => true)(composer)).toBe(true);
    expect(pinged).toEqual([composer]);
  });

  it('asks nothing for a composer that is not CKEditor, or no composer', async () => {
    const load = vi.fn(async () => true);
    const prepare = createCkeditorBridgeLoader(load);
    expect(await prepare(editable('ProseMirror'))).toBe(false);
    expect(await prepare(null)).toBe(false);
    expect(await prepare(undefined)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('a bridge already in the page (injected earlier, or by another copy of the script) is not asked for again', async () => {
    installCkeditorModelBridge(document);
    const load = vi.fn(async () => true);
    expect(await createCkeditorBridgeLoader(load)(editable('ck-editor__editable'))).toBe(true);
    expect(load).not.toHaveBeenCalled();
  });

  it('a refused or failed load is not retried in this document: the insertion pastes', async () => {
    const composer = editable('ck-editor__editable');
    const refused = vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page')));
    const prepare = createCkeditorBridgeLoader(refused);
    expect(await prepare(composer)).toBe(false);
    expect(await prepare(composer)).toBe(false);
    expect(refused).toHaveBeenCalledTimes(1);
    // A background that says it loaded but left no bridge answering is no bridge either.
    expect(await createCkeditorBridgeLoader(async () => ({ loaded: true }))(composer)).toBe(false);
  });

  it('the bridge installs its listeners once however often it is injected', () => {
    const listen = vi.spyOn(document, 'addEventListener');
    expect(installCkeditorModelBridge(document)).toBe(true);
    const installed = listen.mock.calls.length;
    expect(installed).toBeGreaterThan(0);
    expect(installCkeditorModelBridge(document)).toBe(true);
    expect(listen.mock.calls.length).toBe(installed);
  });
});
