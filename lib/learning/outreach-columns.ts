import type { OutreachCandidate } from '../contracts';
import { normalize } from '../text/normalize';
import { parseCurrencyAmount } from '../sites/values';

/**
 * A CRM list row's shown columns (ListRow.columns: header label → cell text) read as the
 * outreach ranking's signals: days since the last contact, open issues, billing level and
 * conformity. Labels are matched by meaning in Spanish and English, never by position; what a
 * list does not show stays unknown (the ranking counts it as middling, never as safe). Cell
 * text is data: it only ever becomes a number or one of a few closed values.
 */
export interface OutreachRow {
  recordId: string;
  name?: string;
  columns?: Readonly<Record<string, string>>;
}

type Signal = 'lastContact' | 'openIssues' | 'tier' | 'amount' | 'score';

/** Header words per signal, on normalize()d labels (lowercase, no accents). The first match wins. */
const LABELS: ReadonlyArray<readonly [Signal, RegExp]> = [
  ['lastContact', /\b(last (contacted|contact|activity|activity date|engagement|interaction|touch)|ultimo contacto|ultima (actividad|interaccion|comunicacion)|fecha del ultimo contacto)\b/],
  ['openIssues', /\b(open (tickets?|cases?|issues?)|tickets? (abiertos?|open)|casos abiertos|incidencias abiertas|reclamos abiertos)\b/],
  ['score', /\b(nps|csat|satisfaction|satisfaccion|customer score|puntuacion)\b/],
  ['tier', /\b(billing (tier|level|plan)|tier|plan|subscription|suscripcion|nivel de facturacion|segmento de facturacion|customer tier)\b/],
  ['amount', /\b(annual revenue|revenue|arr|mrr|billing|facturacion|ingresos|monto facturado|amount billed)\b/],
];

/** Plan / tier words (normalised) that say the billing level. Anything else stays unknown. */
const HIGH_TIERS = /\b(enterprise|premium|platinum|gold|oro|platino|high|alto|alta|corporativo|corporate|vip|key account|cuenta clave)\b/;
const LOW_TIERS = /\b(basic|basico|free|gratis|gratuito|starter|inicial|low|bajo|baja|lite|freemium|trial|prueba)\b/;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, ene: 0, feb: 1, mar: 2, apr: 3, abr: 3, may: 4, jun: 5, jul: 6, aug: 7, ago: 7, sep: 8, set: 8, oct: 9, nov: 10, dec: 11, dic: 11,
};
const DAY_MS = 86_400_000;

function signalOf(label: string): Signal | undefined {
  const norm = normalize(label);
  return LABELS.find(([, pattern]) => pattern.test(norm))?.[0];
}

/** Days from a shown date to `now` (0 for a date in the future); undefined when it is no date. */
export function daysSince(text: string, now: number): number | undefined {
  const norm = normalize(text);
  if (!norm) return undefined;
  if (/\b(today|hoy|just now|ahora)\b/.test(norm)) return 0;
  if (/\b(yesterday|ayer)\b/.test(norm)) return 1;
  const relative = /\b(\d{1,4})\s*(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)\b/.exec(norm);
  if (relative && /\b(ago|hace)\b/.test(norm)) {
    const n = Number(relative[1]);
    const unit = relative[2]!;
    const days = /^(min|hour|hr|hora)/.test(unit) ? 0 : /^(day|dia)/.test(unit) ? n : /^(week|semana)/.test(unit) ? 7 * n : /^(month|mes)/.test(unit) ? 30 * n : 365 * n;
    return days;
  }
  const at = shownDate(norm);
  if (at === undefined) return undefined;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** Epoch ms of a date as lists show it: ISO, "Jun 1, 2025", "1 jun. 2025", "1 de junio de 2025", d/m/y or m/d/y. */
function shownDate(norm: string): number | undefined {
  let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(norm);
  if (m) return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  m = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(norm);
  if (m && m[1]! in MONTHS) return utc(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]));
  m = /\b(\d{1,2})\s+(?:de\s+)?([a-z]{3})[a-z]*\.?\s+(?:de\s+)?(\d{4})\b/.exec(norm);
  if (m && m[2]! in MONTHS) return utc(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]));
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(norm);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Day first unless that is impossible (m/d/y with a day above 12); an ambiguous date reads day-first, as most of the Spanish-speaking world writes it.
    return a > 12 || b <= 12 ? utc(Number(m[3]), b - 1, a) : utc(Number(m[3]), a - 1, b);
  }
  return undefined;
}

function utc(year: number, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month, day);
}

function count(text: string): number | undefined {
  const m = /^\s*(\d{1,4})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function tierLevel(text: string): 'high' | 'low' | undefined {
  const norm = normalize(text);
  if (HIGH_TIERS.test(norm)) return 'high';
  if (LOW_TIERS.test(norm)) return 'low';
  return undefined;
}

/** NPS 0–10 (a detractor, 0–6, is low conformity) or a percentage / 0–100 satisfaction (below 70 is low). */
function conformityOf(text: string): 'high' | 'low' | undefined {
  const m = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*(%)?/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(',', '.'));
  if (!m[2] && value <= 10) return value <= 6 ? 'low' : 'high';
  if (value > 100) return undefined;
  return value < 70 ? 'low' : 'high';
}

function amountOf(text: string): number | undefined {
  const value = parseCurrencyAmount(text);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The least rows with an amount before amounts say anything about a billing level. */
const MIN_AMOUNTS = 4;

/**
 * The candidates of a list page. A row's billing level is its plan or tier when the list shows
 * one, else — when the list shows amounts (revenue, billing) on at least 4 rows — whether its
 * amount is at or above the median of the page's: the list's own spread, not a fixed threshold.
 */
export function outreachCandidates(rows: readonly OutreachRow[], now: number): OutreachCandidate[] {
  const read = rows.map((row) => {
    const signals: Partial<Record<Signal, string>> = {};
    for (const [label, text] of Object.entries(row.columns ?? {})) {
      const signal = signalOf(label);
      if (signal && !(signal in signals)) signals[signal] = text;
    }
    return { row, signals, amount: signals.amount === undefined ? undefined : amountOf(signals.amount) };
  });
  const amounts = read.flatMap((r) => (r.amount === undefined ? [] : [r.amount])).sort((a, b) => a - b);
  const median = amounts.length >= MIN_AMOUNTS ? amounts[Math.floor((amounts.length - 1) / 2)]! : undefined;
  return read.map(({ row, signals, amount }) => {
    const days = signals.lastContact === undefined ? undefined : daysSince(signals.lastContact, now);
    const openIssues = signals.openIssues === undefined ? undefined : count(signals.openIssues);
    const tier = signals.tier === undefined ? undefined : tierLevel(signals.tier);
    const billingLevel = tier ?? (median !== undefined && amount !== undefined ? (amount >= median ? 'high' : 'low') : undefined);
    const conformity = signals.score === undefined ? undefined : conformityOf(signals.score);
    return {
      id: row.recordId.slice(0, 200),
      ...(row.name ? { name: row.name.slice(0, 200) } : {}),
      ...(billingLevel ? { billingLevel } : {}),
      ...(days !== undefined ? { daysSinceContact: Math.min(days, 36_500) } : {}),
      ...(openIssues !== undefined ? { openIssues: Math.min(openIssues, 1_000) } : {}),
      ...(conformity ? { conformity } : {}),
    };
  });
}

/** True when a page shows at least one outreach signal: without any, a ranking would say nothing. */
export function hasOutreachSignals(candidates: readonly OutreachCandidate[]): boolean {
  return candidates.some((c) => c.billingLevel !== undefined || c.daysSinceContact !== undefined || c.openIssues !== undefined || c.conformity !== undefined);
}
