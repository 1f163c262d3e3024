import { z } from 'zod';

/**
 * CONTRACTS.md: SelectorPack (`GET /v1/selectors`). The selector chains and UI labels the site
 * readers use, per site, as data: a fix for a CRM's changed markup reaches every rep without a
 * store release. A pack holds only CSS selectors and plain-text labels — never code, markup,
 * URLs or style rules — and is signed (Ed25519 over its canonical form, see
 * lib/selector-pack/canonical.ts); `signature` is '' in an unsigned pack, which the extension refuses.
 *
 * A site section may name only some keys: the extension keeps its built-in chain for every key a
 * pack leaves out. Selectors may hold `%name%` placeholders the reader fills (a property name).
 */

export const SELECTOR_PACK_SITES = ['hubspot', 'salesforce', 'zendesk', 'whatsapp'] as const;
export type SelectorPackSite = (typeof SELECTOR_PACK_SITES)[number];

export const SELECTOR_MAX = 300;
export const LABEL_MAX = 120;
export const CHAIN_MAX = 24;
export const LABEL_LIST_MAX = 200;
export const KEYS_MAX = 200;

/** "HIGHLIGHT_NAME": a chain's or label list's name in the readers. */
const KeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'keys are UPPER_SNAKE_CASE names');

/**
 * Text that could run, load or inject something where a selector or a label belongs: markup,
 * style blocks and at-rules, script URLs, CSS functions that fetch or evaluate, event-handler
 * attributes, template or arrow syntax, and control characters. A CSS selector never needs any
 * of these, and a UI label ("Contact owner", "Sin propietario") neither.
 */
const SCRIPT_LIKE: readonly [RegExp, string][] = [
  [/[<{};`]/, 'markup, a style block or a statement separator'],
  [/\\/, 'a backslash escape'],
  [/(?:java|vb)script\s*:|data\s*:\s*[a-z]+\/|file\s*:/i, 'a script or data URL'],
  [/(?:expression|url|image-set|element|attr|var|env)\s*\(/i, 'a CSS function'],
  [/@(?:import|charset|namespace|media|font-face)/i, 'a CSS at-rule'],
  [/\bon[a-z]+\s*=/i, 'an event handler attribute'],
  [/=>|\beval\s*\(|\bfunction\s*\(|\bnew\s+[A-Z]\w*\s*\(|\$\{/, 'code'],
  // eslint-disable-next-line no-control-regex
  [/[\u0000-\u001f\u007f\u2028\u2029]/, 'a control character'],
];

/** Why `text` is refused in a pack, or undefined when it is plain. */
export function scriptLikeReason(text: string): string | undefined {
  for (const [pattern, what] of SCRIPT_LIKE) if (pattern.test(text)) return what;
  return undefined;
}

function plain(max: number, what: string) {
  return z
    .string()
    .min(1, `an empty ${what}`)
    .max(max, `${what} longer than ${max} characters`)
    .superRefine((text, ctx) => {
      const reason = scriptLikeReason(text);
      if (reason) ctx.addIssue({ code: 'custom', message: `script-like ${what} (${reason}): ${JSON.stringify(text.slice(0, 60))}` });
    });
}

export const PackSelectorSchema = plain(SELECTOR_MAX, 'selector');
export const PackLabelSchema = plain(LABEL_MAX, 'label');

export const SiteSelectorsSchema = z
  .object({
    chains: z
      .record(KeySchema, z.array(PackSelectorSchema).min(1, 'an empty chain').max(CHAIN_MAX))
      .refine((chains) => Object.keys(chains).length <= KEYS_MAX, `more than ${KEYS_MAX} chains`)
      .default({}),
    labels: z
      .record(KeySchema, z.array(PackLabelSchema).max(LABEL_LIST_MAX))
      .refine((labels) => Object.keys(labels).length <= KEYS_MAX, `more than ${KEYS_MAX} label lists`)
      .default({}),
  })
  .strict();
export type SiteSelectors = z.output<typeof SiteSelectorsSchema>;

export const SelectorPackSchema = z
  .object({
    /** Ordered by `compareSelectorPackVersions`: "2026.12.14" < "2026.12.14.2" < "2027.1.3". */
    version: z.string().regex(/^\d{1,9}(?:\.\d{1,9}){0,5}$/, 'a version is dot-separated numbers ("2026.12.14.1")'),
    /** Ed25519 signature of the canonical form, base64; '' when unsigned. */
    signature: z.string().max(200).regex(/^[A-Za-z0-9+/=]*$/, 'a signature is base64'),
    sites: z
      .object({
        hubspot: SiteSelectorsSchema.optional(),
        salesforce: SiteSelectorsSchema.optional(),
        zendesk: SiteSelectorsSchema.optional(),
        whatsapp: SiteSelectorsSchema.optional(),
      })
      .strict(),
  })
  .strict();
export type SelectorPack = z.output<typeof SelectorPackSchema>;

/** -1, 0 or 1: numeric parts compared in order, a missing part counting as 0. */
export function compareSelectorPackVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/** Why a pack from the backend was not taken (lib/selector-pack/verify.ts gives the first four). */
export const SELECTOR_PACK_REFUSALS = ['invalid', 'unsigned', 'bad_signature', 'no_trusted_key'] as const;
export type SelectorPackRefusal = (typeof SELECTOR_PACK_REFUSALS)[number];

/**
 * The extension's selector-pack state, in storage.local: the accepted pack (signature and schema
 * checked by the background before it is kept), and what the last check found. Content scripts
 * read `pack`; the options page shows the rest. Validated on every read: storage is a boundary.
 */
export const SelectorPackStateSchema = z.object({
  pack: SelectorPackSchema.optional(),
  /** The backend the accepted pack came from, and when it was accepted (epoch ms). */
  from: z.string().max(2_000).optional(),
  acceptedAt: z.number().optional(),
  /** The last time the backend was asked (epoch ms), and what it answered. */
  checkedAt: z.number().optional(),
  served: z.enum(['pack', 'none', 'unreachable']).optional(),
  /** The latest refused pack: its version when it had one, and the reason the rep/admin sees. */
  refused: z
    .object({
      reason: z.enum(SELECTOR_PACK_REFUSALS),
      message: z.string().max(1_000),
      version: z.string().max(100).optional(),
      at: z.number(),
    })
    .optional(),
  /** The backend could not be asked (unreachable, token refused): the message, for the options page. */
  error: z.string().max(1_000).optional(),
});
export type SelectorPackState = z.output<typeof SelectorPackStateSchema>;

/** What the options page shows: the pack the readers use now and the last check. */
export const SelectorPackStatusSchema = z.object({
  active: z.object({ version: z.string(), source: z.enum(['built-in', 'team']) }),
  builtInVersion: z.string(),
  checkedAt: z.number().optional(),
  served: z.enum(['pack', 'none', 'unreachable']).optional(),
  refused: SelectorPackStateSchema.shape.refused,
  error: z.string().optional(),
});
export type SelectorPackStatus = z.output<typeof SelectorPackStatusSchema>;
