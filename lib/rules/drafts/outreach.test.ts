import { describe, expect, it } from 'vitest';
import { DRAFT_STRATEGIES, ReplyDraftSchema } from '../../contracts';
import { draftOutreachByRules } from './outreach';
import { SHOP } from './test-fixtures';
import { countWords } from './text';

describe('outreach drafts (customers who never write)', () => {
  for (const strategy of DRAFT_STRATEGIES) {
    for (const language of ['es', 'en'] as const) {
      it(`${strategy} in ${language}: greeting, a proactive body, a next step, the signature; safe`, () => {
        const d = draftOutreachByRules({ name: 'Ana López', billingLevel: 'high', conformity: 'low', daysSinceContact: 40, openIssues: 1, language }, SHOP, strategy);
        expect(ReplyDraftSchema.safeParse(d).success).toBe(true);
        expect(d).toMatchObject({ strategy, language, source: 'rules' });
        expect(d.text).toMatch(language === 'es' ? /^Hola Ana,/ : /^Hi Ana,/);
        expect(d.text.trim().endsWith('Equipo Tienda Sol')).toBe(true);
        expect(d.safety).toEqual({ ok: true, issues: [] });
        expect(countWords(d.text)).toBeLessThanOrEqual(SHOP.replyPolicy.maxWords);
        // Nothing to answer: no thanks for writing, no apology for something that was never said.
        expect(d.text).not.toMatch(/Gracias por escribirnos|Thanks for getting in touch|Siento mucho lo ocurrido|sorry about what happened/);
      });
    }
  }

  it('states only the facts it was given', () => {
    const none = draftOutreachByRules({ name: 'Ana', language: 'en' }, SHOP, 'follow_up').text;
    expect(none).not.toMatch(/\d+ days|open issue/);
    const some = draftOutreachByRules({ name: 'Ana', language: 'en', daysSinceContact: 60, openIssues: 3 }, SHOP, 'follow_up').text;
    expect(some).toMatch(/60 days since we last talked/);
    expect(some).toMatch(/3 open issues/);
  });

  it('offers a coupon within the cap only with the compensation strategy, and none when the policy allows none', () => {
    const withCoupon = draftOutreachByRules({ billingLevel: 'high', language: 'es' }, SHOP, 'compensation').text;
    expect(withCoupon).toMatch(/cupón de 20/);
    const capped = { ...SHOP, replyPolicy: { ...SHOP.replyPolicy, maxCompensation: 0 } };
    expect(draftOutreachByRules({ billingLevel: 'high', language: 'es' }, capped, 'compensation').text).not.toMatch(/cupón/);
  });

  it('a hostile name is reduced to letters', () => {
    const d = draftOutreachByRules({ name: '<img src=x onerror=alert(1)>', language: 'en' }, SHOP, 'technical');
    expect(d.text).not.toMatch(/[<>]/);
  });
});
