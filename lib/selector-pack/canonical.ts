import type { SelectorPack } from '../contracts';
import { stableStringify } from '../stable-hash';

/**
 * The bytes a selector pack's signature covers: its version and sites as JSON with every object's
 * keys sorted (arrays keep their order — a chain's order is its meaning), no whitespace, UTF-8.
 * The signature itself is left out. Signer (`pulso selectors sign`) and verifier (the extension)
 * both call this, so a pack re-serialised by a server or stored as jsonb still verifies.
 */
export function canonicalSelectorPack(pack: Pick<SelectorPack, 'version' | 'sites'>): string {
  return stableStringify({ sites: pack.sites, version: pack.version });
}

export function canonicalSelectorPackBytes(pack: Pick<SelectorPack, 'version' | 'sites'>): Uint8Array<ArrayBuffer> {
  const encoded = new TextEncoder().encode(canonicalSelectorPack(pack));
  const bytes = new Uint8Array(new ArrayBuffer(encoded.length));
  bytes.set(encoded);
  return bytes;
}
