import { describe, expect, it } from 'vitest';
import { ConversationSchema, DRAFT_STRATEGIES, type Conversation } from '../../contracts';
import { triageConversationByRules } from '../conversation/index';
import { draftReplyByRules } from './compose';
import { HARDWARE_SHOP } from './issue-fixtures';

const conv = (turns: [dir: 'in' | 'out', text: string][], name = 'Lola Pérez'): Conversation =>
  ConversationSchema.parse({ contact: { name }, messages: turns.map(([direction, text]) => ({ direction, text })) });
const draft = (c: Conversation, strategy?: (typeof DRAFT_STRATEGIES)[number]) => draftReplyByRules(c, HARDWARE_SHOP, strategy ? { strategy } : {});

describe('issue 14 drafts: grounded in the profile, nothing from another intent', () => {
  const refund = conv([['in', 'La escalera que me vendisteis se dobló el primer día. Quiero que me devolváis el dinero.']]);
  it('a broken-ladder refund complaint never quotes the ladder\'s price or stock, under any strategy, and cites the 30-day policy', () => {
    for (const strategy of DRAFT_STRATEGIES) {
      const d = draft(refund, strategy);
      expect(d.text, strategy).not.toMatch(/34[.,]50|4 unidades/);
    }
    expect(draft(refund).text).toMatch(/30 días/);
  });
  it('an English stock question finds the Spanish catalog item, answers in English, and pastes no hours', () => {
    const d = draft(conv([['in', 'Hi, do you have the aluminium ladder in stock?']], 'Mark'));
    expect(d.language).toBe('en');
    expect(d.text).toMatch(/Escalera de aluminio 5 peldaños/);
    expect(d.text).toMatch(/\b4 units\b/);
    expect(d.text).not.toMatch(/Lunes|9:00/);
  });
  it('an English question about the hours quotes the Spanish hours as written and notes it for the agent', () => {
    const d = draft(conv([['in', 'What are your opening hours on Saturday?']], 'Mark'));
    expect(d.language).toBe('en');
    expect(d.text).toContain('sábados de 9:00 a 14:00');
    expect(d.notes?.join(' ')).toMatch(/only in Spanish/);
  });
  it('"¿y cuánto cuesta el rollo?" after our reply: the roll\'s price with its currency, and that it is out of stock', () => {
    const d = draft(conv([['in', '¿Tenéis cable eléctrico de 2,5?'], ['out', 'Hola, déjame mirarlo en el almacén.'], ['in', '¿y cuánto cuesta el rollo?']]));
    expect(d.text).toMatch(/48 €/);
    expect(d.text).toMatch(/no nos quedan unidades/);
  });
  it('"Order never arrived, I want a full refund" is handed over, with no price in the reply', () => {
    const c = conv([['in', 'Order never arrived, I want a full refund']], 'Mark');
    expect(triageConversationByRules(c, HARDWARE_SHOP).escalate).toBe(true);
    const d = draft(c);
    expect(d.strategy).toBe('escalate');
    expect(d.text).not.toMatch(/€/);
  });
  it('a Zendesk ticket from "Requester" greets no one by that label', () => {
    expect(draft(conv([['in', 'Do you have the cordless drill?']], 'Requester')).text).toMatch(/^Hi,/);
  });
});
