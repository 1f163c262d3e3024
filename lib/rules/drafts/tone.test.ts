import { describe, expect, it } from 'vitest';
import { CompanyProfileSchema } from '../../contracts';
import { draftReplyByRules } from './compose';
import { countWords } from './text';
import { friendlier, shorten, toFormal, toUsted } from './tone';
import { SHOP, conv, triage } from './test-fixtures';

const COMPLAINT_ES = conv([['in', 'Mi pedido llegó tarde y la caja estaba abierta.']]);
const T_ES = triage({ intent: 'complaint', sentiment: -0.5, conformity: 'low', language: 'es' });

describe('tone actions (rules)', () => {
  const base = draftReplyByRules(COMPLAINT_ES, SHOP, { strategy: 'empathetic', triage: T_ES });

  it('shorter: fewer words, keeps greeting, apology, next step and signature; still safe', () => {
    const d = draftReplyByRules(COMPLAINT_ES, SHOP, { strategy: 'empathetic', triage: T_ES, tone: 'shorter', previousText: base.text });
    expect(countWords(d.text)).toBeLessThan(countWords(base.text));
    expect(d.text).toMatch(/^Hola Ana,/);
    expect(d.text).toMatch(/Siento mucho/);
    expect(d.text).toMatch(/en las próximas 4 horas/);
    expect(d.text).toMatch(/Equipo Tienda Sol$/);
    expect(d.text).not.toMatch(/paciencia/);
    expect(d.safety.ok).toBe(true);
  });

  it('shorter without previous text renders the template without optional sentences', () => {
    const d = draftReplyByRules(COMPLAINT_ES, SHOP, { strategy: 'empathetic', triage: T_ES, tone: 'shorter' });
    expect(countWords(d.text)).toBeLessThan(countWords(base.text));
    expect(d.safety.ok).toBe(true);
  });

  it('more_formal (es): tú → usted, formal greeting', () => {
    const d = draftReplyByRules(COMPLAINT_ES, SHOP, { strategy: 'empathetic', triage: T_ES, tone: 'more_formal', previousText: base.text });
    expect(d.text).toMatch(/^Buenos días, Ana:/);
    expect(d.text).toMatch(/su pedido/);
    expect(d.text).toMatch(/ayudarle/);
    expect(d.text).toMatch(/Le escribo/);
    expect(d.text).not.toMatch(/\b(?:tu|te|tienes|puedes)\b/);
    expect(d.safety.ok).toBe(true);
  });

  it('toUsted covers the common verbs, pronouns and imperatives', () => {
    expect(toUsted('Si necesitas algo más, responde a este mensaje y te ayudamos.')).toBe('Si necesita algo más, responda a este mensaje y le ayudamos.');
    expect(toUsted('Se pondrán en contacto contigo. ¿Puedes confirmarnos tu número? Escríbenos cuando quieras.')).toBe(
      'Se pondrán en contacto con usted. ¿Puede confirmarnos su número? Escríbanos cuando quiera.',
    );
    expect(toUsted('Queremos ofrecerte algo aparte.')).toBe('Queremos ofrecerle algo aparte.');
  });

  it('more_formal (en): no contractions, formal greeting, no emoji or exclamations', () => {
    const text = "Hi John!\n\nI'm sorry, we'll fix it. Thanks! 😊\n\nThe Tienda Sol team";
    expect(toFormal(text, 'en')).toBe('Dear John,\n\nI am sorry, we will fix it. Thank you.\n\nThe Tienda Sol team');
  });

  it('friendlier: warm greeting and closing, within maxWords', () => {
    const d = draftReplyByRules(COMPLAINT_ES, SHOP, { strategy: 'empathetic', triage: T_ES, tone: 'friendlier', previousText: base.text });
    expect(d.text).toMatch(/^¡Hola Ana!/);
    expect(d.text).toMatch(/Gracias por confiar en nosotros/);
    expect(d.text).toMatch(/Equipo Tienda Sol$/);
    expect(friendlier('Dear John,\n\nWe will call you within 4 hours.\n\nThe team', 'en', 100)).toBe(
      'Hi John!\n\nWe will call you within 4 hours. Thanks so much for trusting us! 😊\n\nThe team',
    );
    const small = CompanyProfileSchema.parse({ ...SHOP, replyPolicy: { ...SHOP.replyPolicy, maxWords: 30 } });
    const short = draftReplyByRules(COMPLAINT_ES, small, { strategy: 'empathetic', triage: T_ES, tone: 'friendlier', previousText: base.text });
    expect(countWords(short.text)).toBeLessThanOrEqual(30);
  });

  it('translate: a Spanish draft for an English customer is re-rendered in English', () => {
    const en = conv([['in', 'My order arrived late and the box was open.']], { contact: { name: 'John' } });
    const t = triage({ intent: 'complaint', sentiment: -0.5, language: 'en' });
    const spanish = draftReplyByRules(en, SHOP, { strategy: 'empathetic', triage: t, language: 'es' });
    expect(spanish.language).toBe('es');
    const d = draftReplyByRules(en, SHOP, { strategy: 'empathetic', triage: t, tone: 'translate', previousText: spanish.text });
    expect(d.language).toBe('en');
    expect(d.text).toMatch(/^Hi John,/);
    expect(d.text).toMatch(/within 4 hours/);
    expect(d.safety.ok).toBe(true);
  });

  it('shorten never exceeds maxWords, whatever the text', () => {
    const long = `Hola,\n\n${'Una frase de relleno bastante larga. '.repeat(40)}Te escribo en las próximas 4 horas.\n\nEquipo`;
    const out = shorten(long, 30);
    expect(countWords(out)).toBeLessThanOrEqual(30);
  });

  it('a previous text without a tone is re-checked as it is (an agent edit)', () => {
    const d = draftReplyByRules(COMPLAINT_ES, SHOP, { triage: T_ES, previousText: 'Es tu culpa. Te llamo en 4 horas.' });
    expect(d.text).toBe('Es tu culpa. Te llamo en 4 horas.');
    expect(d.safety.issues.some((i) => i.startsWith('no_blame:'))).toBe(true);
  });
});
