import { compileAnyGlobal, TermPrefilter, type Term } from '../../text/patterns';

/**
 * Buying signals (issue 14, item 2): what a lead writes when a purchase is under way — a budget
 * approved, a tender (RFP, licitación), a proposal, quote, pricing or demo asked for, vendors
 * being compared, a contract ending. Each is evidence of medium urgency on its own; several
 * together, or with a near date, make it high. Every hit keeps the lead's words for the rationale.
 */
export interface Signal {
  key: string;
  points: number;
  /** Where it starts in the normalised text, and its words. */
  index: number;
  quote: string;
}

/** Buying signals by kind (exported for the prefilter's soundness test). */
export const BUYING: ReadonlyArray<{ key: string; points: number; terms: readonly Term[] }> = [
  {
    key: 'budget_approved',
    points: 40,
    terms: [
      'presupuesto aprobado', 'presupuesto asignado', 'presupuesto autorizado', 'tenemos presupuesto', 'contamos con presupuesto', 'hay presupuesto',
      'budget approved', 'approved budget', 'budget is approved', 'budget has been approved', 'budget allocated', 'we have budget', 'we have the budget',
      'funding approved', 'partida aprobada', 'aprobaron el presupuesto', 'approved the budget', 'el presupuesto esta aprobado',
    ],
  },
  {
    key: 'tender',
    points: 40,
    terms: ['rfp', 'rfq', 'rfi', 'request for proposal*', 'licitacion*', 'concurso publico', 'tender*', 'pliego*', 'invitation to bid', 'bid', 'bids', 'ofertas vence*', 'presentar ofertas', 'responses are due'],
  },
  {
    key: 'proposal_requested',
    points: 32,
    terms: [
      'propuesta*', 'proposal*', 'cotizacion*', 'cotizar', 'quote', 'quotes', 'quotation*', 'presupuesto para', 'nos envien un presupuesto', 'pricing',
      'precio*', 'prices', 'price list', 'tarifa*', 'oferta economica', 'sizing', 'dimensionamiento', 'cuanto cuesta', 'how much',
    ],
  },
  { key: 'demo_requested', points: 32, terms: ['demo', 'demos', 'demostracion', 'demonstration', 'prueba gratuita', 'free trial', 'trial', 'piloto', 'pilot', 'prueba de concepto', 'proof of concept', 'poc'] },
  {
    key: 'evaluating_vendors',
    points: 32,
    terms: [
      'evaluando proveedores', 'evaluando opciones', 'evaluando soluciones', 'evaluamos proveedores', 'comparando', 'comparing', 'evaluating',
      'evaluation', 'evaluacion de proveedores', 'shortlist*', 'short list', 'preseleccion', 'vendor selection', 'seleccion de proveedor*',
      'switching provider*', 'cambiar de proveedor', 'cambiar de software', 'replace our current', 'reemplazar nuestro', 'sustituir nuestro',
      'two vendors', 'three vendors', 'tres proveedores', 'dos proveedores', 'references', 'referencias de clientes',
    ],
  },
  { key: 'meeting_requested', points: 25, terms: ['reunion', 'meeting', 'llamada', 'call me', 'llamenme', 'llamadme', 'agendar', 'book a call', 'schedule a call', 'videollamada'] },
  { key: 'contract_ending', points: 30, terms: ['contrato vence', 'contract ends', 'contract expires', 'contract is up', 'renewal', 'renovacion del contrato', 'deja de tener soporte', 'end of support', 'end of life', 'fin de soporte', 'pierde soporte'] },
];
const COMPILED = BUYING.map((b) => ({ ...b, re: compileAnyGlobal(b.terms) }));
const PREFILTER = new TermPrefilter(BUYING.map((b) => b.terms));

/** Buying signals in a normalised text, at most one hit per kind, strongest first. */
export function buyingSignals(norm: string): Signal[] {
  const out: Signal[] = [];
  if (!norm) return out;
  for (const i of PREFILTER.candidateIndexes(norm)) {
    const b = COMPILED[i]!;
    b.re.lastIndex = 0;
    const m = b.re.exec(norm);
    if (m) out.push({ key: b.key, points: b.points, index: m.index, quote: m[0] });
  }
  return out.sort((a, b) => b.points - a.points);
}

/** Urgency from buying signals: the strongest one, plus 10 for each other kind, at most 50. */
export function buyingUrgency(signals: readonly Signal[]): number {
  if (signals.length === 0) return 0;
  return Math.min(50, signals[0]!.points + 10 * (signals.length - 1));
}
