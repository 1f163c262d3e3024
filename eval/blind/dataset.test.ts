import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLIND_DIR, blindProfile, loadBlindConversations, loadBlindDrafts, loadBlindLeads } from './dataset';

describe('blind set v2 (eval/blind)', () => {
  it('every file still has the SHA-256 recorded before the first run (labels never changed)', () => {
    for (const line of readFileSync(join(BLIND_DIR, 'SHA256SUMS'), 'utf8').trim().split('\n')) {
      const [hash, file] = line.split(/\s+/);
      expect(createHash('sha256').update(readFileSync(join(BLIND_DIR, file!))).digest('hex'), file).toBe(hash);
    }
  });
  it('parses; ids unique; every profile resolves; both languages; every stage and an injection twin', () => {
    const leads = loadBlindLeads();
    const conversations = loadBlindConversations();
    const drafts = loadBlindDrafts();
    for (const set of [leads, conversations, drafts]) {
      expect(new Set(set.map((x) => x.id)).size).toBe(set.length);
      for (const x of set) expect(blindProfile(x.profile).name.length).toBeGreaterThan(0);
    }
    expect(leads.length).toBeGreaterThanOrEqual(60);
    expect(conversations.length).toBeGreaterThanOrEqual(120);
    expect(drafts.length).toBeGreaterThanOrEqual(30);
    for (const lang of ['es', 'en'] as const) expect(conversations.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(50);
    for (const s of ['SQL', 'MQL', 'Nurture', 'Disqualified', 'Review']) expect(leads.some((l) => l.expected.stage === s), s).toBe(true);
    expect(leads.filter((l) => l.tags.includes('injection')).every((l) => l.clean)).toBe(true);
  });
});
