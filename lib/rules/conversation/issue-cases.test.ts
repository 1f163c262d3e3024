import { describe, expect, it } from 'vitest';
import { ConversationSchema, type Conversation } from '../../contracts';
import { HARDWARE_SHOP } from '../drafts/issue-fixtures';
import { triageConversationByRules } from './index';

const conv = (turns: [dir: 'in' | 'out', text: string][], name = 'Lola Pérez'): Conversation =>
  ConversationSchema.parse({ contact: { name }, messages: turns.map(([direction, text]) => ({ direction, text })) });
const triage = (turns: [dir: 'in' | 'out', text: string][]) => triageConversationByRules(conv(turns), HARDWARE_SHOP);

describe('issue 14 triage cases', () => {
  it('"Order never arrived, I want a full refund" is a complaint that a person takes over (not order_status)', () => {
    const r = triage([['in', 'Order never arrived, I want a full refund']]);
    expect(r).toMatchObject({ intent: 'complaint', escalate: true });
  });
  it('a broken ladder and a refund demand: complaint, escalated to customer service', () => {
    const r = triage([['in', 'La escalera que compré se rompió al primer uso, quiero que me devuelvan el dinero']]);
    expect(r).toMatchObject({ intent: 'complaint', escalate: true });
  });
  it('"¿y cuánto cuesta el rollo?" after our reply is answered from the catalog, not escalated', () => {
    const r = triage([['in', '¿Tenéis cable eléctrico de 2,5?'], ['out', 'Hola, déjame mirarlo en el almacén.'], ['in', '¿y cuánto cuesta el rollo?']]);
    expect(r.escalate).toBe(false);
    expect(['quote', 'inventory']).toContain(r.intent);
  });
  it('a stock-and-price question about a catalog item is answered, not escalated; a volume quote goes to sales', () => {
    expect(triage([['in', '¿Tenéis la escalera de aluminio y qué precio tiene?']]).escalate).toBe(false);
    const bulk = triage([['in', 'Somos una empresa de reformas, necesitamos presupuesto para 40 escaleras de aluminio con factura']]);
    expect(bulk).toMatchObject({ intent: 'quote', escalate: true });
  });
  it('a short follow-up keeps the conversation\'s intent', () => {
    expect(triage([['in', '¿Tenéis el taladro inalámbrico?'], ['out', 'Sí, nos quedan unidades.'], ['in', '¿y en negro?']]).intent).toBe('inventory');
  });
  it('a mild remark is noted, not handed over', () => {
    expect(triage([['in', 'El pedido llegó un poco tarde pero todo bien, solo quería avisar']]).escalate).toBe(false);
  });
});
