/**
 * Loaders of the blind evaluation set v2 (eval/HOLDOUT.md): leads, conversations and draft cases,
 * each naming the company profile it is judged against. Validated with zod on load.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompanyProfileSchema, ConversationSchema, IntentSchema, type CompanyProfile } from '../../lib/contracts';
import { LabeledLeadSchema } from '../dataset';

export const BLIND_DIR = dirname(fileURLToPath(import.meta.url));
const PROFILE_FILES: Record<string, string> = { sasnw: join(BLIND_DIR, '..', 'profiles', 'sasnw-demo.json') };

const profiles = new Map<string, CompanyProfile>();
/** A blind-set profile by id: eval/blind/profiles/<id>.json (the source's demo profile lives in eval/profiles). */
export function blindProfile(id: string): CompanyProfile {
  let profile = profiles.get(id);
  if (!profile) {
    const file = PROFILE_FILES[id] ?? join(BLIND_DIR, 'profiles', `${id}.json`);
    profile = CompanyProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    profiles.set(id, profile);
  }
  return profile;
}

/** A labelled lead of eval/leads.jsonl's shape, plus the profile it is judged against. */
export const BlindLeadSchema = LabeledLeadSchema.extend({ profile: z.string().min(1) });
export type BlindLead = z.infer<typeof BlindLeadSchema>;

export const BlindConversationSchema = z.object({
  id: z.string().min(1),
  profile: z.string().min(1),
  lang: z.enum(['es', 'en']),
  intent: IntentSchema,
  escalate: z.boolean(),
  tags: z.array(z.string()),
  conversation: ConversationSchema,
});
export type BlindConversation = z.infer<typeof BlindConversationSchema>;

export const BlindDraftSchema = z.object({
  id: z.string().min(1),
  profile: z.string().min(1),
  /** The language the reply must be in (the customer's). */
  lang: z.enum(['es', 'en']),
  /** Every group must be present (any one spelling of the group). */
  mustContain: z.array(z.array(z.string().min(1)).min(1)),
  /** None may be present. */
  mustNotContain: z.array(z.string().min(1)),
  conversation: ConversationSchema,
});
export type BlindDraft = z.infer<typeof BlindDraftSchema>;

function loadJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(join(BLIND_DIR, file), 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`eval/blind/${basename(file)} line ${n}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export const loadBlindLeads = () => loadJsonl('leads.jsonl', BlindLeadSchema);
export const loadBlindConversations = () => loadJsonl('conversations.jsonl', BlindConversationSchema);
export const loadBlindDrafts = () => loadJsonl('drafts.jsonl', BlindDraftSchema);

/** Short Portuguese messages (one per line, # comments). */
export function loadPortugueseMessages(): string[] {
  return readFileSync(join(BLIND_DIR, 'language-pt.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
