export { canonicalSelectorPack, canonicalSelectorPackBytes } from './canonical';
export {
  base64ToBytes,
  bytesToBase64,
  generateSelectorPackKeys,
  hasTrustedSignature,
  importSelectorPackPrivateKey,
  importSelectorPackPublicKey,
  selectorPackPublicKeyOf,
  signSelectorPack,
} from './signature';
export { checkSelectorPack, type SelectorPackCheck, type SelectorPackRefusal } from './verify';
export { applySelectorPack, applySitePatch, type ActiveSelectors, type SiteSelectorSet, type SiteSelectorSets } from './merge';
export { PINNED_KEYS_ENV, PINNED_KEYS_FILE, pinnedKeysFileFor, pinnedKeysFrom } from './pinned-keys';
