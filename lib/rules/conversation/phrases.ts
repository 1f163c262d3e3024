import type { Intent, RetentionQuadrant } from '../../contracts';
import type { Language } from '../../text/language';

/** Department keys; the text shown is per language. */
export type Department = 'sales' | 'accounting' | 'service' | 'supervisor';

export interface TriagePhrases {
  departments: Record<Department, string>;
  intents: Record<Intent, string>;
  reasons: {
    quote: string;
    billingDispute: string;
    human: string;
    strongComplaint: string;
    complaintAction: string;
    lowConfidence: string;
    otherCustomerData: string;
  };
  questions: {
    customerNumber: string;
    otherCustomerData: string;
    product: string;
    orderNumber: string;
    howCanWeHelp: string;
    tellMeMore: string;
  };
  retention: Record<RetentionQuadrant, { label: string; actions: string[] }>;
  summary: {
    customer: string;
    wants: string;
    said: string;
    weSaid: string;
    sentiment: string;
    sentimentWords: { negative: string; neutral: string; positive: string };
    escalated: string;
    notEscalated: string;
    flags: string;
    flagNames: Record<string, string>;
    nothingSaid: string;
  };
}

const ES: TriagePhrases = {
  departments: { sales: 'Ventas (back office)', accounting: 'Contabilidad', service: 'Atención al cliente', supervisor: 'Atención al cliente (supervisor)' },
  intents: {
    inventory: 'disponibilidad de producto',
    quote: 'cotización / precio',
    offers: 'ofertas y promociones',
    account_status: 'estado de cuenta',
    order_status: 'estado del pedido',
    complaint: 'queja',
    human: 'hablar con una persona',
    store_info: 'horario y ubicación',
    jobs: 'empleo / vacantes',
    other: 'consulta no clasificada',
  },
  reasons: {
    quote: 'Solicitud de cotización: la prepara Ventas (back office).',
    billingDispute: 'Disputa de facturación: la revisa Contabilidad.',
    human: 'El cliente pidió hablar con una persona.',
    strongComplaint: 'Queja fuerte (enojo, amenaza de irse o de denunciar).',
    complaintAction: 'Queja que requiere una acción (reembolso, cambio, entrega fallida o producto dañado).',
    lowConfidence: 'Baja confianza: no queda claro qué necesita el cliente.',
    otherCustomerData: 'Pide datos de otro cliente: no se comparten; revisión de un supervisor.',
  },
  questions: {
    customerNumber: 'Para revisar su cuenta, ¿me indica su número de cliente? Por seguridad no compartimos datos de la cuenta sin verificar al titular.',
    otherCustomerData: 'Por privacidad solo damos información de una cuenta a su titular. Si la consulta es sobre su propia cuenta, ¿me indica su número de cliente?',
    product: '¿Qué producto busca exactamente (modelo, talla o color)?',
    orderNumber: '¿Me indica su número de pedido para revisarlo?',
    howCanWeHelp: '¿En qué le podemos ayudar?',
    tellMeMore: '¿Me cuenta un poco más sobre lo que necesita?',
  },
  retention: {
    retain: {
      label: 'Retener (prioridad máxima)',
      actions: [
        'Prioridad máxima: que un responsable contacte al cliente hoy mismo.',
        'Ofrecer un beneficio económico (descuento, bonificación o crédito) dentro de la política de compensación.',
        'Resolver la causa de la molestia y confirmarlo por escrito con fecha.',
        'Seguimiento personal en 48 horas.',
      ],
    },
    let_go: {
      label: 'Dejar ir',
      actions: [
        'Atender con cortesía según el procedimiento estándar, sin beneficios económicos extra.',
        'Resolver lo solicitado y cerrar el caso.',
        'No dedicar acciones de retención.',
      ],
    },
    care: {
      label: 'Cuidar (programa de fidelización)',
      actions: [
        'Agradecer la confianza e invitar al programa de fidelización.',
        'Ofrecer beneficios exclusivos o acceso anticipado a novedades.',
        'Pedir una reseña o un referido.',
      ],
    },
    monitor: {
      label: 'Monitorear (prevención proactiva)',
      actions: [
        'Seguimiento proactivo en 1 a 2 semanas.',
        'Enviar una encuesta breve de satisfacción.',
        'Vigilar señales de insatisfacción en próximas conversaciones.',
      ],
    },
  },
  summary: {
    customer: 'Cliente',
    wants: 'Quiere',
    said: 'Dijo',
    weSaid: 'Le respondimos',
    sentiment: 'Ánimo',
    sentimentWords: { negative: 'molesto', neutral: 'neutral', positive: 'positivo' },
    escalated: 'Escalar a',
    notEscalated: 'Sin escalar',
    flags: 'Alertas',
    flagNames: {
      possible_injection: 'mensaje con instrucciones al asistente (ignoradas)',
      unverified_account_request: 'pide datos de cuenta sin verificar',
      other_customer_data_request: 'pide datos de otro cliente',
    },
    nothingSaid: 'nada aún',
  },
};

const EN: TriagePhrases = {
  departments: { sales: 'sales back office', accounting: 'accounting', service: 'customer service', supervisor: 'customer service (supervisor)' },
  intents: {
    inventory: 'product availability',
    quote: 'a price quote',
    offers: 'offers and promotions',
    account_status: 'account status',
    order_status: 'order status',
    complaint: 'to complain',
    human: 'to talk to a person',
    store_info: 'hours and location',
    jobs: 'a job / vacancies',
    other: 'unclassified request',
  },
  reasons: {
    quote: 'Quote request: prepared by the sales back office.',
    billingDispute: 'Billing dispute: reviewed by accounting.',
    human: 'The customer asked to talk to a person.',
    strongComplaint: 'Strong complaint (anger, threat to leave or to report us).',
    complaintAction: 'Complaint that needs someone to act (refund, replacement, failed delivery or damaged goods).',
    lowConfidence: 'Low confidence: it is not clear what the customer needs.',
    otherCustomerData: "Asks for another customer's data: not shared; supervisor review.",
  },
  questions: {
    customerNumber: 'To look at your account, could you give me your customer number? For security we never share account details before verifying the account holder.',
    otherCustomerData: 'For privacy we only share account information with the account holder. If this is about your own account, could you give me your customer number?',
    product: 'Which product exactly are you looking for (model, size or colour)?',
    orderNumber: 'Could you give me your order number so I can check it?',
    howCanWeHelp: 'How can we help you?',
    tellMeMore: 'Could you tell me a bit more about what you need?',
  },
  retention: {
    retain: {
      label: 'Retain (top priority)',
      actions: [
        'Top priority: have an account owner contact the customer today.',
        'Offer an economic benefit (discount, bonus or credit) within the compensation policy.',
        'Fix the cause of the problem and confirm it in writing with a date.',
        'Personal follow-up within 48 hours.',
      ],
    },
    let_go: {
      label: 'Let go',
      actions: [
        'Answer politely through the standard process, no extra economic benefits.',
        'Resolve the request and close the case.',
        'Do not spend retention actions.',
      ],
    },
    care: {
      label: 'Care (loyalty programme)',
      actions: [
        'Thank the customer and invite them to the loyalty programme.',
        'Offer exclusive benefits or early access to new products.',
        'Ask for a review or a referral.',
      ],
    },
    monitor: {
      label: 'Monitor (proactive prevention)',
      actions: [
        'Proactive follow-up in 1 to 2 weeks.',
        'Send a short satisfaction survey.',
        'Watch for signs of dissatisfaction in the next conversations.',
      ],
    },
  },
  summary: {
    customer: 'Customer',
    wants: 'Wants',
    said: 'Said',
    weSaid: 'We replied',
    sentiment: 'Mood',
    sentimentWords: { negative: 'upset', neutral: 'neutral', positive: 'positive' },
    escalated: 'Escalate to',
    notEscalated: 'Not escalated',
    flags: 'Alerts',
    flagNames: {
      possible_injection: 'message with instructions to the assistant (ignored)',
      unverified_account_request: 'asks for account data without verification',
      other_customer_data_request: "asks for another customer's data",
    },
    nothingSaid: 'nothing yet',
  },
};

export function triagePhrases(language: Language): TriagePhrases {
  return language === 'es' ? ES : EN;
}

/** The department key of a department string in either language (for evaluation and the drafts). */
export function departmentKey(department: string): Department | '' {
  for (const p of [ES, EN]) {
    for (const [key, label] of Object.entries(p.departments) as [Department, string][]) if (label === department) return key;
  }
  return '';
}
