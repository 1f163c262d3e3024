/**
 * Ed25519 signatures of selector packs through WebCrypto only (`crypto.subtle`), so the same code
 * runs in Chrome, Firefox ≥ 129 and Node ≥ 20. Public keys travel as base64 of the 32 raw bytes
 * (what the extension pins); private keys as PKCS #8 PEM (what `pulso selectors keygen` writes and
 * `pulso selectors sign --key` reads).
 */
import type { SelectorPack } from '../contracts';
import { canonicalSelectorPackBytes } from './canonical';

const ED25519 = { name: 'Ed25519' } as const;

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return api;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const PEM_PRIVATE = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/;

/** A PKCS #8 Ed25519 private key from its PEM text; throws with a readable message otherwise. */
export async function importSelectorPackPrivateKey(pem: string): Promise<CryptoKey> {
  const body = PEM_PRIVATE.exec(pem)?.[1];
  if (!body) throw new Error('not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")');
  try {
    return await subtle().importKey('pkcs8', base64ToBytes(body), ED25519, true, ['sign']);
  } catch {
    throw new Error('the PEM key is not an Ed25519 private key');
  }
}

export async function importSelectorPackPublicKey(base64: string): Promise<CryptoKey> {
  const raw = base64ToBytes(base64);
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (base64 of the raw key)');
  return subtle().importKey('raw', raw, ED25519, false, ['verify']);
}

/** A new key pair: the private key as PKCS #8 PEM, the public key as base64 of its raw bytes. */
export async function generateSelectorPackKeys(): Promise<{ privateKeyPem: string; publicKey: string }> {
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const lines = bytesToBase64(pkcs8).match(/.{1,64}/g) ?? [];
  return { privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`, publicKey: bytesToBase64(raw) };
}

/** The public key (base64 raw) of a private key, for the admin to pin in the extension. */
export async function selectorPackPublicKeyOf(privateKey: CryptoKey): Promise<string> {
  const jwk = await subtle().exportKey('jwk', privateKey);
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return bytesToBase64(base64ToBytes(jwk.x.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(jwk.x.length / 4) * 4, '=')));
}

/** The pack with `signature` set over its canonical form. */
export async function signSelectorPack(pack: SelectorPack, privateKey: CryptoKey): Promise<SelectorPack> {
  const signature = new Uint8Array(await subtle().sign(ED25519, privateKey, canonicalSelectorPackBytes(pack)));
  return { ...pack, signature: bytesToBase64(signature) };
}

/** True when one of the trusted public keys signed this pack's canonical form. */
export async function hasTrustedSignature(pack: SelectorPack, trustedKeys: readonly string[]): Promise<boolean> {
  if (!pack.signature) return false;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = base64ToBytes(pack.signature);
  } catch {
    return false;
  }
  if (signature.length !== 64) return false;
  const data = canonicalSelectorPackBytes(pack);
  for (const key of trustedKeys) {
    try {
      if (await subtle().verify(ED25519, await importSelectorPackPublicKey(key), signature, data)) return true;
    } catch {
      // A malformed pinned key verifies nothing; the others are still tried.
    }
  }
  return false;
}
