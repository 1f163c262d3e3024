/**
 * The gate every selector pack from outside the extension passes: schema (zod, which also refuses
 * script-like values), then a trusted Ed25519 signature. Pure (WebCrypto only): the background
 * runs it on packs from the backend, the tests and `pulso selectors verify` run it in Node.
 * A refused pack changes nothing — the caller keeps the pack it had (at least the built-in one) —
 * and the refusal says why, for the options page and the popup.
 */
import { SelectorPackSchema, type SelectorPack, type SelectorPackRefusal } from '../contracts';
import { hasTrustedSignature } from './signature';

export type { SelectorPackRefusal } from '../contracts';

export type SelectorPackCheck =
  | { ok: true; pack: SelectorPack }
  | { ok: false; reason: SelectorPackRefusal; message: string; version?: string };

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'pack'}: ${issue.message}`)
    .join('; ');
}

export async function checkSelectorPack(input: unknown, trustedKeys: readonly string[]): Promise<SelectorPackCheck> {
  const parsed = SelectorPackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: `not a valid selector pack — ${describeIssues(parsed.error)}` };
  const pack = parsed.data;
  if (!pack.signature) return { ok: false, reason: 'unsigned', version: pack.version, message: `selector pack ${pack.version} is not signed` };
  if (trustedKeys.length === 0) {
    return { ok: false, reason: 'no_trusted_key', version: pack.version, message: 'this build of Pulso pins no selector-pack key, so no pack from the backend can be trusted' };
  }
  if (!(await hasTrustedSignature(pack, trustedKeys))) {
    return { ok: false, reason: 'bad_signature', version: pack.version, message: `selector pack ${pack.version} is not signed by the key this extension trusts` };
  }
  return { ok: true, pack };
}
