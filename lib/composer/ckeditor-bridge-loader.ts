import { ckeditorBridgeAnswers, insertWithCkeditorModel } from './insert-with-ckeditor-model';

/**
 * Gets Pulso's CKEditor bridge into this document when a composer needs it: `load` asks for it
 * (the background injects it into the page's world), at most once per document; the bridge's own
 * answer says whether it is there. Called when a draft is shown, so the first Insert does not wait
 * for the injection, and again before each insertion (a ping: nothing to wait for once loaded).
 * Each ping is asked at the composer, which has the bridge warm that editor up in idle time (once
 * per editor), so the first insertion does not run the editor's code cold either.
 * A composer that is not CKEditor asks for nothing. A refused or failed load is not asked again in
 * this document: the insertion chain pastes, as it does where there is no bridge.
 */
export function createCkeditorBridgeLoader(load: () => Promise<unknown>) {
  let loading: Promise<boolean> | undefined;
  return function prepareComposer(composer: HTMLElement | null | undefined): Promise<boolean> {
    if (!composer || !insertWithCkeditorModel.applies(composer)) return Promise.resolve(false);
    // Asked at the composer, so the bridge warms its editor up while the agent reads the draft.
    if (ckeditorBridgeAnswers(composer)) return Promise.resolve(true);
    loading ??= load().then(
      () => ckeditorBridgeAnswers(composer),
      () => false,
    );
    return loading;
  };
}
export type PrepareComposer = ReturnType<typeof createCkeditorBridgeLoader>;
