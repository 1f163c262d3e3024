import { CompanyProfileSchema, ConversationSchema, type CompanyProfile, type Conversation, type ConversationTriage } from '../../contracts';

/** A shop with hours, location, an FAQ and a small catalog — for draft tests. */
export const SHOP: CompanyProfile = CompanyProfileSchema.parse({
  name: 'Tienda Sol',
  hours: 'Lunes a sábado de 10:00 a 20:00',
  location: 'Calle Mayor 5, Madrid',
  faq: [
    { q: '¿Cuál es la política de devoluciones?', a: 'Puedes devolver cualquier producto en 30 días con el ticket de compra.' },
    { q: 'Do you offer gift wrapping?', a: 'Yes, gift wrapping is free at the checkout.' },
  ],
  catalog: [
    { sku: 'RT-100', name: 'Router WiFi 6', price: 89.99, stock: 12 },
    { sku: 'CB-2', name: 'Cable HDMI 2m', price: 9.5 },
    { sku: 'MS-7', name: 'Ratón inalámbrico', stock: 0 },
  ],
  slaHours: { P1: 1, P2: 4, P3: 24, P4: 72 },
  replyPolicy: { tone: 'friendly', signature: 'Equipo Tienda Sol', maxWords: 120, maxCompensation: 20, language: 'auto' },
});

export function conv(messages: [direction: 'in' | 'out' | 'note', text: string][], extra: Record<string, unknown> = {}): Conversation {
  return ConversationSchema.parse({
    contact: { name: 'Ana López', phone: '+34 600 111 222', email: 'ana@example.com' },
    ...extra,
    messages: messages.map(([direction, text]) => ({ direction, text })),
  });
}

/** A triage as the rules would give, with overrides. */
export function triage(partial: Partial<ConversationTriage> = {}): ConversationTriage {
  return {
    intent: 'other',
    confidence: 0.8,
    escalate: false,
    escalationReason: '',
    department: '',
    clarifyingQuestion: '',
    sentiment: 0,
    conformity: 'high',
    handoffSummary: '',
    source: 'rules',
    flags: [],
    ...partial,
  };
}
