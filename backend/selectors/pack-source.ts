/**
 * Where GET /v1/selectors finds the team's selector pack: the latest one published to the store,
 * else the file PULSO_SELECTOR_PACK names, else none (404; the extensions keep their built-in
 * selectors). The backend serves packs, it does not trust them: each extension checks the schema
 * and the signature against the key pinned in its build. The backend still refuses to start with
 * (or to publish) a pack every extension would refuse — malformed, script-like or unsigned.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeZodIssues, SelectorPackSchema, type SelectorPack } from '../../lib/contracts';
import type { SelectorPacks } from '../store/selector-packs';

export interface SelectorPackSource {
  current(): Promise<SelectorPack | undefined>;
  /** Keeps `pack` (valid and signed) as the current one; throws SelectorPackVersionConflict for a version published before with other content. */
  publish(pack: SelectorPack, by: { publishedBy: string }): Promise<SelectorPack>;
}

/** Why an unsigned pack is refused, and how to sign it. */
export const unsignedPackMessage = (version: string): string => `selector pack ${version} is not signed (sign it with "pulso selectors sign --key KEY.pem PACK.json")`;

/** A pack as the backend accepts it: valid and signed. The reason otherwise, in words. */
export function acceptablePack(input: unknown): { ok: true; pack: SelectorPack } | { ok: false; message: string } {
  const parsed = SelectorPackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `not a valid selector pack: ${describeZodIssues(parsed.error, 'pack')}` };
  if (!parsed.data.signature) return { ok: false, message: unsignedPackMessage(parsed.data.version) };
  return { ok: true, pack: parsed.data };
}

export class SelectorPackFileError extends Error {
  override name = 'SelectorPackFileError';
}

/** The pack in a file (PULSO_SELECTOR_PACK); throws SelectorPackFileError saying what is wrong with it. */
export function loadSelectorPackFile(path: string): SelectorPack {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SelectorPackFileError(`PULSO_SELECTOR_PACK: cannot read ${path} as JSON: ${(err as Error).message}`);
  }
  const accepted = acceptablePack(json);
  if (!accepted.ok) throw new SelectorPackFileError(`PULSO_SELECTOR_PACK: ${path}: ${accepted.message}`);
  return accepted.pack;
}

/** What the store keeps of a pack: the signed content as the document, the signature beside it. */
const StoredDocumentSchema = SelectorPackSchema.omit({ signature: true });

/**
 * The latest pack published to the store, else the configured one. Publishing keeps the signed
 * content ({version, sites}) as the document and the signature beside it; the store refuses a
 * version published before with other content.
 */
export function storeSelectorPackSource(packs: SelectorPacks, configured?: SelectorPack): SelectorPackSource {
  return {
    async current(): Promise<SelectorPack | undefined> {
      const stored = await packs.current(StoredDocumentSchema);
      return stored ? { ...stored.document, signature: stored.signature } : configured;
    },
    async publish(pack: SelectorPack, by: { publishedBy: string }): Promise<SelectorPack> {
      const { signature, ...document } = pack;
      await packs.publish({ version: pack.version, signature, document: document satisfies z.input<typeof StoredDocumentSchema> }, by);
      return pack;
    },
  };
}
