import { ckeditorBridgeAnswers, insertWithCkeditorModel } from './insert-with-ckeditor-model';

/**
 * Gets Pulso's CKEditor bridge into this document when a composer needs it: `load` asks for it
 * (the background injects it into the page's world), at most once per document; the bridge's own
 * answer says whether it is there. Called when a draft is shown, so the first Insert does not wait
 * for the injection, and again before each insertion (a ping: nothing to wait for once loaded).
 * A composer that is not CKEditor asks for nothing. A refused or failed load is not asked again in
 * this document: the insertion chain pastes, as it does where there is no bridge.
 */
export function createCkeditorBridgeLoader(load: () => Promise<unknown>) {
  let loading: Promise<boolean> | undefined;
  return function prepareComposer(composer: HTMLElement | null | undefined): Promise<boolean> {
    if (!composer || !insertWithCkeditorModel.applies(composer)) return Promise.resolve(false);
    const doc = composer.ownerDocument;
    if (ckeditorBridgeAnswers(doc)) return Promise.resolve(true);
    loading ??= load().then(
      () => ckeditorBridgeAnswers(doc),
      () => false,
    );
    return loading;
  };
}
export type PrepareComposer = ReturnType<typeof createCkeditorBridgeLoader>;
