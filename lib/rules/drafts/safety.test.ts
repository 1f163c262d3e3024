import { describe, expect, it } from 'vitest';
import { CompanyProfileSchema } from '../../contracts';
import { checkDraftSafety, findSafetyIssues, SAFETY_RULES, type SafetyRule } from './safety';
import { SHOP, conv, triage } from './test-fixtures';

const CUSTOMER = conv([['in', 'Hola, mi pedido 55512345 llegó roto. Pagué 120 € por él.']]);
const COMPLAINT = triage({ intent: 'complaint', sentiment: -0.6, conformity: 'low' });
const OK_ES = 'Hola Ana,\n\nSiento mucho el problema con tu pedido. Te escribo con novedades en las próximas 4 horas.\n\nEquipo Tienda Sol';

function rules(text: string, input: Partial<Parameters<typeof findSafetyIssues>[1]> = {}): SafetyRule[] {
  return findSafetyIssues(text, { conversation: CUSTOMER, profile: SHOP, triage: COMPLAINT, ...input }).map((i) => i.rule);
}

describe('safety check', () => {
  it('a good draft passes: { ok: true, issues: [] }', () => {
    expect(checkDraftSafety(OK_ES, { conversation: CUSTOMER, profile: SHOP, triage: COMPLAINT })).toEqual({ ok: true, issues: [] });
  });

  it('issues are readable and name their rule', () => {
    const s = checkDraftSafety('Es tu culpa por no leer las instrucciones.', { conversation: CUSTOMER, profile: SHOP, triage: COMPLAINT });
    expect(s.ok).toBe(false);
    for (const issue of s.issues) expect(SAFETY_RULES.some((r) => issue.startsWith(`${r}: `))).toBe(true);
  });

  it('no_blame (es, en)', () => {
    expect(rules(`${OK_ES} Como ya te dijimos, debiste leer el manual.`)).toContain('no_blame');
    expect(rules('Sorry about that. You should have read the manual. We will call you within 4 hours.')).toContain('no_blame');
    expect(rules(OK_ES)).not.toContain('no_blame');
  });

  it('apology when due (complaint / negative sentiment), not otherwise', () => {
    const noApology = 'Hola Ana, te escribo con novedades en las próximas 4 horas.';
    expect(rules(noApology)).toContain('apology');
    expect(rules(noApology, { triage: triage({ intent: 'order_status', sentiment: -0.5 }) })).toContain('apology');
    expect(rules(noApology, { triage: triage({ intent: 'store_info', sentiment: 0.2 }) })).not.toContain('apology');
    expect(rules('Sorry! We will call you within 4 hours.')).not.toContain('apology');
  });

  it('short_apology: more than two apologies', () => {
    expect(rules('Lo siento. Lo siento mucho. Lamentamos muchísimo. Perdón. Te escribo en las próximas 4 horas.')).toContain('short_apology');
  });

  it('next_step: a commitment with a time, or a question', () => {
    expect(rules('Siento mucho lo ocurrido.')).toContain('next_step');
    expect(rules("I'm sorry. Could you send us a photo?")).not.toContain('next_step');
    expect(rules("I'm sorry. We'll call you within 4 hours.")).not.toContain('next_step');
  });

  it('no_impossible_promises (es, en)', () => {
    for (const text of [
      `${OK_ES} Te garantizamos que no volverá a pasar.`,
      `${OK_ES} Lo tendrás hoy mismo sin falta.`,
      `${OK_ES} Solución 100 % segura.`,
      "I'm sorry. We guarantee delivery today without fail. We will call you within 4 hours.",
      "I'm sorry. This will never happen again, I promise. We will call you within 4 hours.",
    ]) {
      expect(rules(text), text).toContain('no_impossible_promises');
    }
    expect(rules(OK_ES)).not.toContain('no_impossible_promises');
  });

  it('a promise quoted from the profile (an FAQ answer) is not one', () => {
    const profile = CompanyProfileSchema.parse({ ...SHOP, faq: [{ q: 'Entrega', a: 'Garantizamos la entrega en 48 horas laborables.' }] });
    expect(rules(`${OK_ES} Garantizamos la entrega en 48 horas laborables.`, { profile })).not.toContain('no_impossible_promises');
  });

  it('compensation_cap: above maxCompensation, or any offer when the cap is 0', () => {
    expect(rules(`${OK_ES} Te ofrecemos un cupón de 50 € para tu próxima compra.`)).toContain('compensation_cap');
    expect(rules("I'm sorry. We'd like to offer you a $35 refund. We will call you within 4 hours.")).toContain('compensation_cap');
    expect(rules(`${OK_ES} Te ofrecemos un cupón de 20 € para tu próxima compra.`)).not.toContain('compensation_cap');
    const none = CompanyProfileSchema.parse({ ...SHOP, replyPolicy: { ...SHOP.replyPolicy, maxCompensation: 0 } });
    expect(rules(`${OK_ES} Te ofrecemos un 10 % de descuento.`, { profile: none })).toContain('compensation_cap');
    expect(rules(OK_ES, { profile: none })).not.toContain('compensation_cap');
  });

  it('no_internal_notes: a run of words from a note', () => {
    const c = conv([['in', 'Mi pedido llegó roto.'], ['note', 'ojo cliente conflictivo, ya pidió tres devoluciones este año']]);
    expect(rules(`${OK_ES} Vemos que ya pidió tres devoluciones este año.`, { conversation: c })).toContain('no_internal_notes');
    expect(rules(OK_ES, { conversation: c })).not.toContain('no_internal_notes');
  });

  it("no_foreign_contact: emails and phones other than the company's and the customer's own", () => {
    expect(rules(`${OK_ES} Escribe a pedro.ruiz@gmail.com.`)).toContain('no_foreign_contact');
    expect(rules(`${OK_ES} Llama al +34 611 999 888.`)).toContain('no_foreign_contact');
    // the customer's own email, phone and order number are fine; so is the company's email in the profile
    expect(rules(`${OK_ES} Te escribimos a ana@example.com o al +34 600 111 222 sobre el pedido 55512345.`)).not.toContain('no_foreign_contact');
    const profile = CompanyProfileSchema.parse({ ...SHOP, faq: [{ q: 'Contacto', a: 'Escríbenos a hola@tiendasol.es' }] });
    expect(rules(`${OK_ES} Escríbenos a hola@tiendasol.es.`, { profile })).not.toContain('no_foreign_contact');
  });

  it('grounded_prices: a price not in the catalog (any currency or "price" word)', () => {
    expect(rules(`${OK_ES} El router cuesta 79,99 €.`)).toContain('grounded_prices');
    expect(rules("Sorry. The Smart TV costs $499. We will call you within 4 hours.")).toContain('grounded_prices');
    expect(rules(`${OK_ES} El precio de Router WiFi 6 es 89.99.`)).not.toContain('grounded_prices');
    expect(rules(`${OK_ES} El router cuesta 89,99 €.`)).not.toContain('grounded_prices');
    // the customer's own figure may be repeated
    expect(rules(`${OK_ES} Te devolvemos los 120 € que pagaste si no lo resolvemos.`).filter((r) => r === 'grounded_prices')).toEqual([]);
  });

  it('grounded_stock: a stock level not in the catalog', () => {
    expect(rules(`${OK_ES} Tenemos 40 unidades disponibles.`)).toContain('grounded_stock');
    expect(rules(`${OK_ES} Tenemos 12 unidades disponibles.`)).not.toContain('grounded_stock');
    expect(rules(`${OK_ES} Te llamamos en 2 días.`)).not.toContain('grounded_stock');
  });

  it('max_words and empty', () => {
    const small = CompanyProfileSchema.parse({ ...SHOP, replyPolicy: { ...SHOP.replyPolicy, maxWords: 10 } });
    expect(rules(OK_ES, { profile: small })).toContain('max_words');
    expect(rules('   ')).toEqual(['empty']);
  });

  it('an LLM-style draft breaking several rules gets every issue', () => {
    const llm =
      'Hi Ana, as we already told you, this is not our fault. We guarantee it will be fixed today. ' +
      'The Smart TV is 499 USD and we have 40 units in stock. We will refund you 200 dollars. Contact pedro@othershop.com.';
    const found = new Set(rules(llm));
    for (const r of ['no_blame', 'apology', 'no_impossible_promises', 'grounded_prices', 'grounded_stock', 'compensation_cap', 'no_foreign_contact'] as const) {
      expect(found.has(r), r).toBe(true);
    }
  });
});
