import { describe, expect, it } from 'vitest';
import { CAMPAIGN_SEGMENTS, CampaignTemplateSchema } from '../contracts';
import { campaignTemplate, DEFAULT_CAMPAIGN_TEMPLATES, fillTemplate, parseCampaignTemplates } from './templates';

describe('campaign templates', () => {
  it('every default, in both languages, is a valid template (known slots only)', () => {
    for (const segment of CAMPAIGN_SEGMENTS) for (const lang of ['es', 'en'] as const) expect(CampaignTemplateSchema.safeParse(DEFAULT_CAMPAIGN_TEMPLATES[segment][lang]).success).toBe(true);
  });

  it("the admin's structure is validated: an unknown segment or slot is refused with the field named", () => {
    const badSlot = parseCampaignTemplates({ segments: { hot: { es: { subject: 'Hola {nombre}', preheader: '', body: 'x', callToAction: 'y' } } } });
    expect(badSlot.success).toBe(false);
    expect(badSlot.error!.issues[0]).toMatchObject({ path: ['segments', 'hot', 'es', 'subject'], message: expect.stringMatching(/unknown slot \{nombre\}/) });
    expect(parseCampaignTemplates({ segments: { vip: {} } }).success).toBe(false);
    expect(parseCampaignTemplates({ segments: { hot: { en: { subject: '', preheader: '', body: 'x', callToAction: 'y' } } } }).success).toBe(false);
    expect(parseCampaignTemplates({}).success).toBe(true);
  });

  it("the admin's template wins for its segment and language; defaults fill the rest", () => {
    const mine = { subject: 'S {company}', preheader: '', body: 'B', callToAction: 'C' };
    const templates = parseCampaignTemplates({ segments: { nurture: { en: mine } } }).data!;
    expect(campaignTemplate('nurture', 'en', templates)).toEqual(mine);
    expect(campaignTemplate('nurture', 'es', templates)).toBe(DEFAULT_CAMPAIGN_TEMPLATES.nurture.es);
    expect(campaignTemplate('hot', 'en', templates)).toBe(DEFAULT_CAMPAIGN_TEMPLATES.hot.en);
  });

  it('fills slots in one pass (a value never expands again) and tidies what empty ones leave', () => {
    expect(fillTemplate('Hi {firstName}, about {product}.', { firstName: '{product}', product: 'X' })).toBe('Hi {product}, about X.');
    expect(fillTemplate('{greeting}\n\n{followUp}We write .\n\n\n\n{signature}', { greeting: 'Hola,', followUp: '', signature: 'Equipo' })).toBe('Hola,\n\nWe write.\n\nEquipo');
    expect(fillTemplate('Keep {unknown} as written', {})).toBe('Keep {unknown} as written');
  });
});
