/**
 * The selector-pack public keys an extension build trusts. They are pinned at build time: the
 * build writes them to a file in the package (wxt.config.ts, from WXT_SELECTOR_PACK_PUBLIC_KEY),
 * which the store signs with the rest of the extension, so nothing the backend or a page sends can
 * add a key. A build made without the variable pins none and refuses every pack from the backend
 * (the built-in selectors stay in use) — the options page says so.
 */
import { z } from 'zod';

/** The file in the extension package (public root) that holds the pinned keys. */
export const PINNED_KEYS_FILE = 'selector-pack-keys.json';
/** The build environment variable: one or more base64 Ed25519 public keys, comma-separated (a second key lets the admin rotate). */
export const PINNED_KEYS_ENV = 'WXT_SELECTOR_PACK_PUBLIC_KEY';

/** base64 of a raw 32-byte Ed25519 public key. */
const PublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'an Ed25519 public key is the base64 of its 32 raw bytes (44 characters)');
export const PinnedKeysSchema = z.object({ keys: z.array(PublicKeySchema).max(8) });

/** The file's text for a build, from the environment variable's value; throws on a malformed key, so a typo fails the build. */
export function pinnedKeysFileFor(envValue: string | undefined): string {
  const keys = (envValue ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const parsed = PinnedKeysSchema.safeParse({ keys });
  if (!parsed.success) throw new Error(`${PINNED_KEYS_ENV}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/** The keys from the packaged file's JSON; none when it is missing or malformed (then every pack is refused). */
export function pinnedKeysFrom(json: unknown): string[] {
  const parsed = PinnedKeysSchema.safeParse(json);
  return parsed.success ? parsed.data.keys : [];
}
