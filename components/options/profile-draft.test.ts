import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '@/lib/profile/demo-profile';
import { draftFromProfile, validateDraft } from './profile-draft';

describe('options profile draft', () => {
  it('round-trips the demo profile', () => {
    expect(validateDraft(draftFromProfile(DEMO_PROFILE))).toEqual({ ok: true, profile: DEMO_PROFILE });
  });

  it('drops blank list rows and reads decimal commas', () => {
    const draft = draftFromProfile(DEMO_PROFILE);
    draft.services = ['Cloud', ' ', 'Soldadura'];
    draft.replyPolicy.maxCompensation = '12,5';
    const result = validateDraft(draft);
    expect(result.ok && result.profile.services).toEqual(['Cloud', 'Soldadura']);
    expect(result.ok && result.profile.replyPolicy.maxCompensation).toBe(12.5);
  });

  it('names each invalid field by its path, for the error next to it', () => {
    const draft = draftFromProfile(DEMO_PROFILE);
    draft.name = '';
    draft.slaHours.P2 = 'abc';
    draft.slaHours.P3 = '';
    draft.replyPolicy.maxWords = '0';
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['name', 'replyPolicy.maxWords', 'slaHours.P2', 'slaHours.P3']);
  });
});
