import type { Lead } from '../../contracts';
import { normalize, normalizePair } from '../../text/normalize';
import { compileAny, compileAnyGlobal } from '../../text/patterns';
import { readTimes, type TimeMention } from '../../text/time';
import { execAll } from '../../text/regex';
import { buyingSignals, buyingUrgency, type Signal } from './signals';
import { clampScore, type Contribution, type ScoreResult } from './types';

/**
 * Urgency 0–100 (the source's rule 4: keywords, operational risk, time pressure), from four kinds
 * of evidence, each quoting the lead's words:
 *   incident  — something broken or lost now, with or without the usual keywords
 *               ("perdimos la base de producción", "stores cannot sell", "cuentas comprometidas");
 *   pressure  — an explicit urgency word ("urgente", "ASAP", "cuanto antes", "lo necesitamos ya");
 *   time      — the nearest date the lead names ("la semana que viene", "before the end of Q2");
 *   buying    — budget approved, tender, proposal / demo asked for, vendors compared (signals.ts).
 * The strongest kind counts in full and each other one for a quarter: two weak signals do not
 * make an emergency, a near date on top of an approved budget does. Levels: ≥ 80 critical
 * (the source: "urgencia CRÍTICA → P1"), ≥ 60 high, ≥ 30 medium.
 */
export const URGENCY = { critical: 80, high: 60, medium: 30 } as const;

const INCIDENT_TERMS = [
  // data lost or destroyed
  'perdida* de datos', 'perdimos', 'hemos perdido', 'se perdieron', 'se perdio', 'perdio la', 'data loss', 'lost * data', 'lost data', 'lost all',
  'lost our', '/lost (?:a |the |an )?(?:full |whole |entire )?(?:load|shipment|cargo|batch|database|files|records)/', 'datos perdidos', 'borrado* de datos',
  '/borr\\w+ (?:los |la |el )?(?:datos|archivos|base de datos)/', '/se (?:dano|danaron|rompio|rompieron|quemo|corrompio|corrompieron)/', 'corrupt*', 'corromp*',
  // production or business stopped
  '/(?:detencion|parada|paro|paralizacion|caida) de (?:la )?(?:produccion|planta|linea)/', '/(?:planta|linea|lineas|fabrica|produccion)(?: [a-z0-9]+){0,2} (?:esta |estan |quedo |se quedo )?(?:parad|detenid|paralizad|caid)[a-z]*/',
  '/production (?:is |has |has been |was )?(?:down|stopped|halted|standstill)/', '/production line[s]? (?:is |are )?(?:down|stopped|halted)/', '/(?:halted|stopped) production/',
  '/plant (?:is )?(?:down|stopped)/', '/(?:no (?:podemos|puedo|pueden|puede) (?:facturar|trabajar|operar|vender|despachar|acceder|producir|cobrar|atender))/',
  "/(?:cannot|can't|cant|unable to|could not|couldn't) (?:invoice|work|operate|sell|ship|access|produce|bill|trade|log in|serve)/",
  // attacks and breaches
  // v5: the verb, not only the noun: "the file server got encrypted", "nos encriptaron los discos"
  '/(?:got|been|was|were|are|is|have been|has been|fueron|han sido|quedaron|estan|esta|se) (?:all |todos |todo )?(?:[a-z]+ )?(?:encrypted|cifrad[oa]s?|encriptad[oa]s?)/', 'encriptaron', 'encrypted by',
  'ransomware', 'cifraron', 'cifrado de archivos', 'archivos cifrados', 'encrypted our', 'files encrypted', 'encrypted files', 'secuestro de datos', 'rescate',
  'brecha*', 'breach*', 'hackead*', 'hackeo', 'hackearon', 'hacked', 'intrusion', 'ciberataque*', 'cyberattack*', 'cyber attack', 'ataque informatico',
  'ataque*', 'attack*', 'fuga de datos', 'data leak*', 'filtracion de datos', 'leaked', '/(?:cuentas?|equipos?|servidor(?:es)?|credenciales|sistemas?|correos?|buzones|redes?)(?: [a-z]+)? (?:estan |fueron |han sido )?comprometid[oa]s?/', 'compromised', 'acceso no autorizado',
  'unauthori?ed access', 'unauthorised access', 'unauthorized access', 'phishing que', 'robo', 'robos', 'robaron', 'robado*', 'stolen', 'theft', 'being stolen', 'siphon*',
  // systems down
  'caido', 'caida', 'caidos', 'caidas', 'se cayo', 'se ha caido', '/se (?:nos |me |les |le )?(?:ha |han )?(?:cayo|cayeron|caido)/', 'outage*', 'downtime',
  '/(?:is|are|went|goes|going|been|was|were|still|keeps going) down/', 'sin servicio', 'sin sistema*', 'fuera de servicio', 'out of service', 'offline',
  'inoperativ*', 'no funciona*', 'dejo de funcionar', 'dejaron de funcionar', 'ha dejado de funcionar', 'not working', "doesn't work", 'doesnt work',
  'stopped working', "isn't working", "won't start", 'fallo*', 'falla', 'fallas', 'fallando', 'fallan', 'fallaron', 'fallado', 'averia*', 'failed',
  'failing', 'failure*', 'broken', 'crash*', 'colaps*', 'error critico', 'critical error', '/(?<!respuesta a |gestion de |respuesta ante )incidentes?/', '/incidents?(?! response| management| manager)/', 'multa*', 'sancion*', 'penalty',
  'accidente* grave*', 'serious accident*',
];
const PRESSURE_TERMS = [
  'urgen*', 'asap', 'a.s.a.p', 'cuanto antes', 'lo antes posible', 'lo mas pronto posible', 'as soon as possible', 'de inmediato', 'inmediat*',
  'immediate*', 'right away', 'ya mismo', 'emergencia*', 'emergency', 'critic*', 'sin demora', 'without delay', 'time-sensitive', 'time sensitive',
  'top priority', 'maxima prioridad', 'prioridad alta', 'high priority', 'prisa', 'rush', 'hurry',
  '/(?:lo |la |los |las )?(?:necesit|quere|requeri)[a-z]* (?:[a-z0-9/]+ ){0,5}ya(?! (?:tenemos|hemos|contamos|usamos|trabajamos|somos|estamos|que))/',
];
const INCIDENT = compileAnyGlobal(INCIDENT_TERMS);
const PRESSURE = compileAnyGlobal(PRESSURE_TERMS);

/** Cues that lower urgency: "next year", "solo explorando", "no rush". */
const CALM = compileAny([
  'proximo ano', 'el ano que viene', 'next year', 'largo plazo', 'long term', 'long-term', 'sin fecha', 'no deadline', 'no fixed timeline',
  'no timeline', 'explorando', 'exploring', 'just looking', 'solo mirando', 'a futuro', 'in the future', 'mas adelante', 'later this year',
  'informacion general', 'general information', 'curiosidad', 'just curious', 'curious about', 'gathering information', 'recopilando informacion',
  'sin prisa', 'no rush', 'no hurry', 'exploratori*', 'exploratory', 'solo queremos conocer', 'just want to learn', 'stay in touch', 'por ahora solo',
  // v5: nothing under way yet, the lead will come back
  'nada en marcha', 'nada decidido', 'nada previsto', 'nothing decided', 'nothing planned', 'nothing in motion', 'nothing underway', 'nothing under way',
  'ya os dire', 'ya les dire', 'ya te dire', 'ya os aviso', 'ya les aviso', 'ya te aviso', "i'll let you know", 'will let you know', 'we will be in touch', "we'll be in touch",
]);
const NEGATORS = new Set([
  'no', 'not', 'sin', 'without', 'never', 'nunca', 'ni', 'nor', 'nothing', 'nada', "don't", 'dont', "isn't", 'isnt', "aren't", 'arent', "wasn't",
  'wasnt', "doesn't", 'doesnt', 'ningun', 'ninguna', 'ninguno', 'tampoco', 'zero', 'cero',
]);
/** Words that make what follows a risk to avoid, not something that happened: "para evitar pérdidas", "to prevent a breach". */
const PREVENTION = /\b(?:evitar|evite|evitemos|prevenir|prevent|preventing|avoid|avoiding|proteger|protegernos|protect|protecting|contra|against|en caso de|in case of|ante un|ante una|riesgo de|risk of|por si|if|si hay|si se|de sufrir|suffer)\b[^.;!?]{0,30}$/;
const CLAUSE_BREAK = /[.!?;:,\n()]|\b(?:y|and|pero|but|aunque|although|porque|because|que|which)\b/g;
// Negative words that belong to the cue itself ("no funciona", "cannot sell"), not a negation of it.
const NOT_A_NEGATION = /\b(?:no|not|cannot|can't)\s+(?:funciona\w*|working|work|works|arranca\w*|responde\w*|anda|carga|podemos|puedo|pueden|puede|can|access|acceder|sell|vender)\b/g;
const HOT_STATUS = /\b(?:hot|caliente|urgent|urgente|critical|critico|critica)\b/;

/** True when one of the three words before `index` (in the same clause) negates what follows. */
function negated(norm: string, index: number): boolean {
  const window = norm.slice(Math.max(0, index - 40), index).replace(NOT_A_NEGATION, ' , ');
  let start = 0;
  for (const m of execAll(CLAUSE_BREAK, window)) start = (m.index ?? 0) + m[0].length;
  const words = window.slice(start).split(/[^a-z0-9']+/).filter(Boolean).slice(-3);
  return words.some((w) => NEGATORS.has(w));
}

function prevented(norm: string, index: number): boolean {
  return PREVENTION.test(norm.slice(Math.max(0, index - 60), index));
}

/** Points of the nearest future date: today or tomorrow 70, within two weeks 60, a month and a half 45, a quarter or so 32, half a year 15. */
export function timePoints(days: number): number {
  if (days <= 2) return 70;
  if (days <= 14) return 60;
  if (days <= 45) return 45;
  if (days <= 120) return 32;
  if (days <= 200) return 15;
  return 0;
}

export interface UrgencyResult extends ScoreResult {
  calm: boolean;
  /** Something is broken or lost now. */
  incident: boolean;
  /** Critical: an incident, an explicit urgency word, or a date within days. */
  critical: boolean;
  buying: Signal[];
  /** The nearest future date named, in days (null when none). */
  nearestDays: number | null;
}

const quoteAt = (display: string, norm: string, index: number, length: number) => (display.length === norm.length ? display : norm).slice(index, index + length);

/** Urgency 0–100 from the description and the CRM status (rule 4). */
export function scoreUrgency(lead: Pick<Lead, 'description' | 'status'>): UrgencyResult {
  const { norm, display } = normalizePair(lead.description);
  const contributions: Contribution[] = [];
  const times = readTimes(norm);
  const recentPast = times.some((t) => t.days < 0 && t.days >= -7);

  let incident: Contribution | undefined;
  for (const m of execAll(INCIDENT, norm)) {
    const at = m.index ?? 0;
    if (negated(norm, at) || prevented(norm, at)) continue;
    incident = { key: 'urgency_incident', detail: quoteAt(display, norm, at, m[0].length), points: recentPast ? 85 : 75 };
    break;
  }
  let pressure: Contribution | undefined;
  let saidNotUrgent = false;
  for (const m of execAll(PRESSURE, norm)) {
    const at = m.index ?? 0;
    if (negated(norm, at)) {
      saidNotUrgent = true;
      continue;
    }
    pressure = { key: 'urgency_word', detail: quoteAt(display, norm, at, m[0].length), points: 80 };
    break;
  }
  let nearest: TimeMention | undefined;
  for (const t of times) if (t.days >= 0 && !negated(norm, t.index) && (!nearest || t.days < nearest.days)) nearest = t;
  const time: Contribution | undefined =
    nearest && !saidNotUrgent && timePoints(nearest.days) > 0 ? { key: 'urgency_time', detail: quoteAt(display, norm, nearest.index, nearest.quote.length), points: timePoints(nearest.days) } : undefined;
  const buying = buyingSignals(norm);
  const buyingPoints = buyingUrgency(buying);
  const buy: Contribution | undefined = buyingPoints > 0 ? { key: 'urgency_buying', detail: buying.slice(0, 2).map((b) => quoteAt(display, norm, b.index, b.quote.length)).join("', '"), points: buyingPoints } : undefined;

  const parts = [incident, pressure, time, buy].filter((c): c is Contribution => !!c).sort((a, b) => b.points - a.points);
  // The strongest counts in full, each other for a quarter (shown so the rationale adds up).
  parts.forEach((c, i) => contributions.push(i === 0 ? c : { ...c, points: Math.round(c.points / 4) }));
  const calm = CALM.test(norm) || saidNotUrgent;
  let total = contributions.reduce((s, c) => s + c.points, 0);
  // v5: a far start ("kicking off next year") does not erase a near, dated buying step ("the RFP is
  // out next month", "shortlisting over the coming weeks"): that stays medium, below high.
  const calmCap = buy && nearest && nearest.days <= 45 ? URGENCY.high - 1 : 25;
  if (calm && !incident && total > calmCap) {
    contributions.push({ key: 'urgency_calm', detail: '', points: calmCap - total });
    total = calmCap;
  }
  if (saidNotUrgent) contributions.push({ key: 'urgency_negated', detail: '', points: 0 });
  const status = normalize(lead.status);
  if (status && HOT_STATUS.test(status)) contributions.push({ key: 'urgency_status', detail: lead.status ?? '', points: 15 });
  const score = clampScore(contributions.reduce((s, c) => s + c.points, 0));
  return {
    score,
    contributions,
    calm,
    incident: !!incident,
    critical: !!incident || !!pressure || (nearest !== undefined && nearest.days <= 2 && !saidNotUrgent),
    buying,
    nearestDays: nearest?.days ?? null,
  };
}
