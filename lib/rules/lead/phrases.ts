import type { Language } from '../../text/language';

/** Every user-facing sentence of the lead rules, per language (the brief, rule 9). */
export interface Phrases {
  owner: { senior: string; seniorPresales: string; ae: string; aePresales: string; sdr: string; sdrPresales: string; nurture: string; cleanup: string; review: string };
  summary: (p: { who: string; company: string; stage: string; priority: string; needs: string; slaHours: number }) => string;
  someone: string;
  unknownCompany: string;
  noNeed: string;
  steps: {
    callWithin: (hours: number, services: string) => string;
    discovery: (hours: number) => string;
    proposal: string;
    findDecisionMaker: string;
    sendContent: (needs: string) => string;
    nurtureSequence: string;
    qualifyCall: (hours: number) => string;
    completeData: (fields: string) => string;
    verifyEmail: string;
    askCorporateEmail: string;
    discard: string;
    reviewInjection: string;
    reviewByHand: string;
    enrich: string;
  };
  fields: Record<string, string>;
  /** Why a judgement cannot be made (Review / "limited evidence"), and how to get one. */
  limited: { noNeed: string; vagueNeed: string; noTitle: string; noCompanyContext: string; howToScore: string };
  rationale: {
    fit: string;
    urgency: string;
    opportunity: string;
    dataQuality: string;
    contact: string;
    hours: (h: number) => string;
    none: string;
    injection: string;
    stage: string;
    email: string;
    decisionPower: string;
    why: {
      sql: (fit: number, urgency: number) => string;
      mql: (fit: number, urgency: number) => string;
      mqlNoDm: (fit: number, urgency: number) => string;
      nurtureFit: (fit: number) => string;
      nurtureUrgency: (urgency: number) => string;
      lowFit: (fit: number, min: number) => string;
      poorData: (junk: string, emailType: string) => string;
      notABuyer: (reason: string, evidence: string) => string;
      review: string;
      incident: string;
      enterprise: string;
      bigOpportunity: (opp: number) => string;
      urgency: (u: number) => string;
      stageDefault: (stage: string) => string;
    };
    labels: Record<string, string>;
  };
}

const EN: Phrases = {
  owner: {
    senior: 'Senior Account Executive',
    seniorPresales: 'Senior Account Executive + technical pre-sales',
    ae: 'Account Executive',
    aePresales: 'Account Executive + technical pre-sales',
    sdr: 'SDR',
    sdrPresales: 'SDR + technical pre-sales',
    nurture: 'Marketing (nurture)',
    cleanup: 'Sales Ops (data cleanup)',
    review: 'Sales Ops (review)',
  },
  summary: ({ who, company, stage, priority, needs, slaHours }) =>
    `${who} at ${company}: ${stage} ${priority}, needs ${needs}; respond within ${slaHours} h.`,
  someone: 'Contact',
  unknownCompany: 'an unknown company',
  noNeed: 'not stated',
  steps: {
    callWithin: (h, services) => `Call within ${h} h and propose ${services || 'a technical assessment'}.`,
    discovery: (h) => `Book a discovery call within ${h} h to confirm scope, budget and timeline.`,
    proposal: 'Prepare a proposal with scope and timeline after the call.',
    findDecisionMaker: 'Identify and bring in the decision maker (CTO, CIO or managing director).',
    sendContent: (needs) => `Send a relevant case study about ${needs}.`,
    nurtureSequence: 'Add to the nurture sequence and check again in 30 days.',
    qualifyCall: (h) => `Qualify by phone or email within ${h} h (need, urgency, budget).`,
    completeData: (fields) => `Complete the missing data: ${fields}.`,
    verifyEmail: 'Verify the email address before any outreach.',
    askCorporateEmail: 'Ask for a corporate email and confirm the company.',
    discard: 'Discard or merge the record; no outreach.',
    reviewInjection: 'Review the lead by hand: its text contains instructions aimed at the classifier.',
    reviewByHand: 'Review by hand before assigning it.',
    enrich: 'Enrich the record (job title, company, need) from LinkedIn or the website.',
  },
  limited: {
    noNeed: 'No need or timeline is stated.',
    vagueNeed: 'What they need is too vague to judge.',
    noTitle: 'No job title: decision power unknown.',
    noCompanyContext: 'No industry or company size.',
    howToScore: 'Open the record (or add a note with the need) to score it.',
  },
  fields: { jobTitle: 'job title', company: 'company', description: 'need', industry: 'industry', email: 'email', phone: 'phone', location: 'location', companySize: 'company size' },
  rationale: {
    fit: 'Fit',
    urgency: 'Urgency',
    opportunity: 'Opportunity',
    dataQuality: 'Data quality',
    contact: 'Contact',
    hours: (h) => `SLA ${h} h`,
    none: 'no cues',
    injection: 'Possible prompt injection: the instruction-like text was removed before scoring and cannot raise the result',
    stage: 'Stage',
    email: 'email',
    decisionPower: 'decision power',
    why: {
      sql: (f, u) => `fit A/B (${f} ≥ 55) + high urgency (${u} ≥ 60) + decision maker`,
      mql: (f, u) => `good fit (${f} ≥ 55) + medium urgency (${u} ≥ 30)`,
      mqlNoDm: (f, u) => `good fit (${f}) + high urgency (${u}) but no decision maker, so not SQL`,
      nurtureFit: (f) => `acceptable fit (${f}, grade C) — SQL and MQL need fit ≥ 55`,
      nurtureUrgency: (u) => `good fit, no urgency (${u} < 30)`,
      lowFit: (f, min) => `low fit (${f} < ${min})`,
      poorData: (junk, e) => `poor data (${junk ? `junk: ${junk}` : `email ${e}, no valid contact`})`,
      notABuyer: (reason, ev) => `not a buyer (${reason === 'student' ? 'student' : reason === 'job_seeker' ? 'job seeker' : reason === 'consumer' ? 'asking about their own job' : 'vendor pitching us'}: '${ev}')`,
      review: 'not enough information (no stated need to judge fit and urgency)',
      incident: 'incident in progress',
      enterprise: 'enterprise account',
      bigOpportunity: (o) => `big opportunity ${o} ≥ 60`,
      urgency: (u) => `urgency ${u}`,
      stageDefault: (st) => `default for ${st}`,
    },
    labels: {
      industry: 'industry', industry_any: 'any industry', industry_off: 'industry outside target', industry_unknown: 'industry unknown',
      service: 'service match', service_any: 'any service', service_off: 'no service match', service_unknown: 'need unknown',
      size_in: 'size', size_near: 'size near target', size_off: 'size outside target', size_unknown: 'size unknown', size_any: 'any size',
      location_in: 'location', location_off: 'location outside target', location_unknown: 'location unknown', location_any: 'any location',
      urgency_cue: '', urgency_negated: 'said not urgent', urgency_calm: 'no time pressure', urgency_status: 'status',
      opp_size: 'employees', opp_size_unknown: 'size unknown', opp_revenue: 'revenue', opp_revenue_unknown: 'revenue unknown',
      opp_scope: 'scope', opp_complexity: 'complexity',
      dq_name: 'name', dq_email: 'corporate email', dq_email_free: 'free email', dq_email_invalid: 'invalid email',
      dq_coherent: 'email matches company', dq_phone: 'phone', dq_phone_invalid: 'implausible phone', dq_company: 'company',
      dq_title: 'title', dq_description: 'need', dq_industry: 'industry', dq_location: 'location', dq_size: 'size',
      dq_junk: 'junk', dq_free_email_dm: 'decision maker on free email',
      industry_off_cap: 'off-target industry caps fit at', urgency_cue_incident: '',
      urgency_incident: 'incident', urgency_word: 'urgency', urgency_time: 'date', urgency_buying: 'buying signals',
      industry_other: 'industry not among the examples', outside_audience: 'outside the audience caps fit at D', opp_budget: 'budget',
    },
  },
};

const ES: Phrases = {
  owner: {
    senior: 'Ejecutivo de cuentas sénior',
    seniorPresales: 'Ejecutivo de cuentas sénior + preventa técnica',
    ae: 'Ejecutivo de cuentas',
    aePresales: 'Ejecutivo de cuentas + preventa técnica',
    sdr: 'SDR (desarrollo de ventas)',
    sdrPresales: 'SDR + preventa técnica',
    nurture: 'Marketing (nutrición)',
    cleanup: 'Sales Ops (depuración de datos)',
    review: 'Sales Ops (revisión)',
  },
  summary: ({ who, company, stage, priority, needs, slaHours }) =>
    `${who} de ${company}: ${stage} ${priority}, necesita ${needs}; responder en ${slaHours} h.`,
  someone: 'Contacto',
  unknownCompany: 'una empresa sin identificar',
  noNeed: 'sin especificar',
  steps: {
    callWithin: (h, services) => `Llamar en menos de ${h} h y proponer ${services || 'una evaluación técnica'}.`,
    discovery: (h) => `Agendar una llamada de descubrimiento en ${h} h para confirmar alcance, presupuesto y plazos.`,
    proposal: 'Preparar una propuesta con alcance y calendario tras la llamada.',
    findDecisionMaker: 'Identificar e incorporar al decisor (CTO, CIO o director general).',
    sendContent: (needs) => `Enviar un caso de éxito relevante sobre ${needs}.`,
    nurtureSequence: 'Añadir a la secuencia de nutrición y volver a revisar en 30 días.',
    qualifyCall: (h) => `Cualificar por teléfono o correo en ${h} h (necesidad, urgencia, presupuesto).`,
    completeData: (fields) => `Completar los datos que faltan: ${fields}.`,
    verifyEmail: 'Verificar el correo antes de cualquier contacto.',
    askCorporateEmail: 'Pedir un correo corporativo y confirmar la empresa.',
    discard: 'Descartar o fusionar el registro; sin contacto comercial.',
    reviewInjection: 'Revisar el lead a mano: su texto contiene instrucciones dirigidas al clasificador.',
    reviewByHand: 'Revisar a mano antes de asignarlo.',
    enrich: 'Enriquecer el registro (cargo, empresa, necesidad) desde LinkedIn o la web.',
  },
  limited: {
    noNeed: 'No dice qué necesita ni para cuándo.',
    vagueNeed: 'Lo que pide es demasiado vago para valorarlo.',
    noTitle: 'Sin cargo: poder de decisión desconocido.',
    noCompanyContext: 'Sin sector ni tamaño de empresa.',
    howToScore: 'Abre el registro (o añade una nota con la necesidad) para puntuarlo.',
  },
  fields: { jobTitle: 'cargo', company: 'empresa', description: 'necesidad', industry: 'sector', email: 'correo', phone: 'teléfono', location: 'ubicación', companySize: 'tamaño de empresa' },
  rationale: {
    fit: 'Encaje',
    urgency: 'Urgencia',
    opportunity: 'Oportunidad',
    dataQuality: 'Calidad de datos',
    contact: 'Contacto',
    hours: (h) => `SLA ${h} h`,
    none: 'sin señales',
    injection: 'Posible inyección de instrucciones: el texto con forma de orden se eliminó antes de puntuar y no puede subir el resultado',
    stage: 'Etapa',
    email: 'correo',
    decisionPower: 'poder de decisión',
    why: {
      sql: (f, u) => `encaje A/B (${f} ≥ 55) + urgencia alta (${u} ≥ 60) + decisor`,
      mql: (f, u) => `buen encaje (${f} ≥ 55) + urgencia media (${u} ≥ 30)`,
      mqlNoDm: (f, u) => `buen encaje (${f}) + urgencia alta (${u}) pero sin decisor, así que no es SQL`,
      nurtureFit: (f) => `encaje aceptable (${f}, grado C): SQL y MQL requieren encaje ≥ 55`,
      nurtureUrgency: (u) => `buen encaje, sin urgencia (${u} < 30)`,
      lowFit: (f, min) => `encaje bajo (${f} < ${min})`,
      poorData: (junk, e) => `datos pobres (${junk ? `basura: ${junk}` : `correo ${e}, sin contacto válido`})`,
      notABuyer: (reason, ev) => `no es comprador (${reason === 'student' ? 'estudiante' : reason === 'job_seeker' ? 'busca empleo' : reason === 'consumer' ? 'consulta sobre su propio empleo' : 'proveedor que nos vende'}: '${ev}')`,
      review: 'información insuficiente (no dice qué necesita: no se puede valorar encaje ni urgencia)',
      incident: 'incidente en curso',
      enterprise: 'cuenta enterprise',
      bigOpportunity: (o) => `oportunidad grande ${o} ≥ 60`,
      urgency: (u) => `urgencia ${u}`,
      stageDefault: (st) => `por defecto para ${st}`,
    },
    labels: {
      industry: 'sector', industry_any: 'cualquier sector', industry_off: 'sector fuera del objetivo', industry_unknown: 'sector desconocido',
      service: 'servicio', service_any: 'cualquier servicio', service_off: 'ningún servicio coincide', service_unknown: 'necesidad desconocida',
      size_in: 'tamaño', size_near: 'tamaño cercano', size_off: 'tamaño fuera del objetivo', size_unknown: 'tamaño desconocido', size_any: 'cualquier tamaño',
      location_in: 'ubicación', location_off: 'ubicación fuera del objetivo', location_unknown: 'ubicación desconocida', location_any: 'cualquier ubicación',
      urgency_cue: '', urgency_negated: 'dice que no es urgente', urgency_calm: 'sin presión de plazo', urgency_status: 'estado',
      opp_size: 'empleados', opp_size_unknown: 'tamaño desconocido', opp_revenue: 'facturación', opp_revenue_unknown: 'facturación desconocida',
      opp_scope: 'alcance', opp_complexity: 'complejidad',
      dq_name: 'nombre', dq_email: 'correo corporativo', dq_email_free: 'correo gratuito', dq_email_invalid: 'correo no válido',
      dq_coherent: 'correo coherente con la empresa', dq_phone: 'teléfono', dq_phone_invalid: 'teléfono no plausible', dq_company: 'empresa',
      dq_title: 'cargo', dq_description: 'necesidad', dq_industry: 'sector', dq_location: 'ubicación', dq_size: 'tamaño',
      dq_junk: 'datos basura', dq_free_email_dm: 'decisor con correo gratuito',
      industry_off_cap: 'sector fuera del objetivo limita el encaje a', urgency_cue_incident: '',
      urgency_incident: 'incidente', urgency_word: 'urgencia', urgency_time: 'fecha', urgency_buying: 'señales de compra',
      industry_other: 'sector fuera de los ejemplos', outside_audience: 'fuera de la audiencia: encaje D', opp_budget: 'presupuesto',
    },
  },
};

export const PHRASES: Readonly<Record<Language, Phrases>> = { en: EN, es: ES };
