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

  it('campaign templates: only what the admin changed is kept; each problem is named by segment, language and field', () => {
    const draft = draftFromProfile(DEMO_PROFILE);
    expect(draft.campaignTemplates).toEqual({});
    draft.campaignTemplates = {
      hot: { es: { subject: 'Propuesta para {company}', preheader: '', body: '{greeting}\n\n{product}', callToAction: 'Hablemos' } },
      nurture: {},
    };
    const ok = validateDraft(draft);
    expect(ok.ok && ok.profile.campaignTemplates).toEqual({ version: 1, segments: { hot: { es: draft.campaignTemplates.hot!.es } } });
    expect(ok.ok && validateDraft(draftFromProfile(ok.profile))).toEqual(ok);

    draft.campaignTemplates = { win_back: { en: { subject: '', preheader: 'Hi {nombre}', body: 'x', callToAction: 'Talk' } } };
    const bad = validateDraft(draft);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['campaignTemplates.segments.win_back.en.preheader', 'campaignTemplates.segments.win_back.en.subject']);
    expect(bad.errors['campaignTemplates.segments.win_back.en.preheader']).toMatch(/unknown slot \{nombre\}/);
  });
});
