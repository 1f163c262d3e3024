import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeSelectorPackState } from '../selector-pack/stored';
import { activeSelectors, BUILT_IN_SELECTORS_VERSION, siteQuery, useSelectorPack } from '../sites/scrape-context';
import { WHATSAPP_SELECTORS } from '../sites/whatsapp/selectors';
import { followSelectorPack } from './selector-pack';

const PACK = {
  version: '2099.1.1',
  signature: 'c2lnbmVk',
  sites: { whatsapp: { chains: { CHAT_PANEL: ['#main-2099'] }, labels: {} } },
};

describe('followSelectorPack', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useSelectorPack(undefined);
  });

  it('reads with the accepted pack at start and with each newer one, the built-in selectors otherwise', async () => {
    const invalidators: (() => void)[] = [];
    await followSelectorPack({ onInvalidated: (cb) => (invalidators.push(cb), () => {}) });
    expect(activeSelectors().version).toBe(BUILT_IN_SELECTORS_VERSION);
    await writeSelectorPackState({ pack: PACK });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(activeSelectors()).toMatchObject({ version: '2099.1.1', builtIn: false });
    expect(siteQuery('whatsapp', WHATSAPP_SELECTORS).selectors.chains.CHAT_PANEL).toEqual(['#main-2099']);
    // The rest of the site's chains stay as built in.
    expect(siteQuery('whatsapp', WHATSAPP_SELECTORS).selectors.chains.COMPOSER_EDITABLE).toEqual(WHATSAPP_SELECTORS.chains.COMPOSER_EDITABLE);
    invalidators.forEach((stop) => stop());
    useSelectorPack(undefined);
  });

  it('a stored pack that no longer parses is not used', async () => {
    await fakeBrowser.storage.local.set({ selectorPack: { pack: { ...PACK, sites: { whatsapp: { chains: { CHAT_PANEL: ['<script>'] } } } } } });
    await followSelectorPack({ onInvalidated: () => () => {} });
    expect(activeSelectors().builtIn).toBe(true);
  });

  it("uses the value read at the script's start without asking storage again", async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await followSelectorPack({ onInvalidated: () => () => {} }, { stored: { pack: PACK } });
    expect(get).not.toHaveBeenCalled();
    expect(activeSelectors().version).toBe('2099.1.1');
    await followSelectorPack({ onInvalidated: () => () => {} }, { stored: { pack: { ...PACK, sites: { whatsapp: { chains: { CHAT_PANEL: ['<script>'] } } } } } });
    expect(activeSelectors().builtIn).toBe(true);
    get.mockRestore();
  });
});
