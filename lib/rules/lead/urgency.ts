import type { Lead } from '../../contracts';
import { normalize, normalizePair } from '../../text/normalize';
import { compileAnyGlobal, compileAny } from '../../text/patterns';
import { clampScore, type Contribution, type ScoreResult } from './types';

/**
 * Urgency cues. Source: the brief, rule 4 — "urgente, esta semana, fallo,
 * crítico, pérdida de datos, detención de producción", their English
 * equivalents, inflections and neighbours. `pressure` cues are about time and
 * are cancelled by an explicit "no es urgente / not urgent"; `incident` cues
 * describe something broken and stand unless negated themselves.
 */
const CUES: ReadonlyArray<{ kind: 'pressure' | 'incident'; points: number; terms: string[] }> = [
  { kind: 'incident', points: 40, terms: ['perdida* de datos', 'perdimos * datos', 'perdimos datos', 'hemos perdido', 'se perdieron', 'data loss', 'lost * data', 'lost data', 'lost all', 'datos perdidos', 'borrado* de datos'] },
  { kind: 'incident', points: 40, terms: ['/(?:detencion|parada|paro|paralizacion|caida) de (?:la )?(?:produccion|planta|linea)/', '/produccion (?:esta |se ha |ha )?(?:detenida|parada|paralizada|caida|detuvo|paro|paralizo)/', '/(?:planta|linea|lineas|fabrica) (?:esta |estan )?(?:parada|paradas|detenida|detenidas|paralizada|paralizadas)/', '/production (?:is |has |has been |was )?(?:down|stopped|halted|standstill)/', '/production line[s]? (?:is |are )?(?:down|stopped|halted)/', '/(?:halted|stopped) production/', '/plant (?:is )?(?:down|stopped)/'] },
  { kind: 'incident', points: 45, terms: ['ransomware', 'cifraron', 'encrypted our', 'secuestro de datos'] },
  { kind: 'incident', points: 35, terms: ['brecha*', 'breach*', 'hackead*', 'hackeo', 'hacked', 'intrusion', 'ciberataque*', 'cyberattack*', 'cyber attack', 'ataque informatico', 'ataque*', 'atac*', 'attack*', 'fuga de datos', 'data leak*'] },
  { kind: 'incident', points: 35, terms: ['caido', 'caida', 'caidos', 'caidas', 'se cayo', 'se ha caido', '/se (?:nos |me |les |le )?(?:ha |han )?(?:cayo|cayeron|caido)/', 'outage*', 'downtime', '/(?:is|are|went|goes|going|been|was|were|still|keeps going) down/', 'sin servicio', 'sin sistema*', 'fuera de servicio', 'out of service', 'offline', 'inoperativ*', 'bloquead*'] },
  { kind: 'incident', points: 30, terms: ['/no (?:podemos|puedo|pueden|podemos ni) (?:facturar|trabajar|operar|vender|despachar|acceder|producir|cobrar)/', "/(?:cannot|can't|cant|unable to) (?:invoice|work|operate|sell|ship|access|produce|bill)/", 'no funciona*', 'dejo de funcionar', 'dejaron de funcionar', 'ha dejado de funcionar', 'not working', "doesn't work", 'doesnt work', 'stopped working', "isn't working", "won't start", 'fallo*', 'falla', 'fallas', 'fallando', 'fallan', 'fallaron', 'fallado', 'averia*', 'fail', 'fails', 'failed', 'failing', 'failure*', 'broken', 'roto', 'rota', 'crash*', 'colaps*', 'error critico', 'critical error'] },
  { kind: 'incident', points: 30, terms: ['critic*', 'grave*', 'severe*', 'serious*', 'emergencia*', 'emergency', 'emergencies', 'sos'] },
  { kind: 'incident', points: 20, terms: ['incidente*', 'incident*', 'problema grave', 'serious problem', 'riesgo', 'at risk', 'multa*', 'sancion*', 'penalty'] },
  { kind: 'pressure', points: 35, terms: ['urgen*', 'asap', 'a.s.a.p', 'cuanto antes', 'lo antes posible', 'lo mas pronto posible', 'as soon as possible', 'de inmediato', 'inmediat*', 'immediate*', 'right away', 'right now', 'ya mismo', '/(?:lo |la |los |las )?necesit[a-z]* (?:[a-z0-9/]+ ){0,5}ya(?! (?:tenemos|hemos|contamos|usamos|trabajamos|somos|estamos))/'] },
  // v2: a date this close is 35 on its own (medium); with an urgency word or an incident it is high.
  { kind: 'pressure', points: 35, terms: ['/hoy(?! en dia)/', 'hoy mismo', 'today', 'tonight', 'esta noche', 'esta semana', 'this week', 'within * hours', 'en * horas', '24 horas', '24 hours', '48 horas', '48 hours', 'desde ayer', 'desde anoche', 'desde hoy', 'desde esta manana', 'since yesterday', 'since last night', 'since this morning', 'since today'] },
  { kind: 'pressure', points: 20, terms: ['/(?<!la |las |por )manana/', 'tomorrow', 'prisa', 'rush', 'hurry', 'prioridad alta', 'high priority', 'top priority', 'maxima prioridad', 'prioritario', 'time-sensitive', 'time sensitive'] },
  // v2: a dated timeline (this month, next week, a deadline) is the source's "medium urgency" on its own: 30, was 15.
  { kind: 'pressure', points: 30, terms: ['/(?<!largo |medio |corto )plazo/', 'deadline*', 'fecha limite', 'este mes', 'this month', 'fin de mes', 'end of * month', 'end of month', 'proxima semana', 'next week', 'proximo mes', 'el mes que viene', 'next month', 'este trimestre', 'this quarter', '/(?:in|within|en|dentro de) (?:\\d+|one|two|three|four|a few|a couple of|una|dos|tres|cuatro|unas pocas) (?:weeks?|semanas?|days|dias)/', 'auditoria * proxim*', 'before the audit', 'vence*', 'expira*', 'expires'] },
];

const COMPILED = CUES.map((cue) => ({ ...cue, regex: compileAnyGlobal(cue.terms) }));

/** Cues that lower urgency: "next quarter", "solo explorando". */
const CALM = compileAny([
  'proximo trimestre', 'next quarter', 'proximo ano', 'el ano que viene', 'next year', 'largo plazo', 'long term', 'long-term',
  'sin fecha', 'no deadline', 'explorando', 'exploring', 'just looking', 'solo mirando', 'a futuro', 'in the future',
  'mas adelante', 'later this year', 'informacion general', 'general information', 'curiosidad', 'just curious',
]);
const NEGATORS = new Set([
  'no', 'not', 'sin', 'without', 'never', 'nunca', 'ni', 'nor', 'nothing', 'nada', "don't", 'dont', "isn't", 'isnt',
  "aren't", 'arent', "wasn't", 'wasnt', "doesn't", 'doesnt', 'ningun', 'ninguna', 'ninguno', 'tampoco', 'zero', 'cero',
]);
const CLAUSE_BREAK = /[.!?;:,\n()]|\b(?:y|and|pero|but|aunque|although|porque|because|que|which)\b/g;
// Negative words that belong to an incident cue ("no funciona"), not to a negation of what follows.
const NOT_A_NEGATION = /\b(?:no|not|cannot|can't)\s+(?:funciona\w*|working|work|works|arranca\w*|responde\w*|anda|carga|podemos|puedo|can|access|acceder)\b/g;
const HOT_STATUS = /\b(?:hot|caliente|urgent|urgente|critical|critico|critica)\b/;

/** True when one of the three words before `index` (in the same clause) negates what follows. */
function negated(norm: string, index: number): boolean {
  const window = norm.slice(Math.max(0, index - 40), index).replace(NOT_A_NEGATION, ' , ');
  let start = 0;
  for (const m of window.matchAll(CLAUSE_BREAK)) start = (m.index ?? 0) + m[0].length;
  const words = window.slice(start).split(/[^a-z0-9']+/).filter(Boolean).slice(-3);
  return words.some((w) => NEGATORS.has(w));
}

/** Urgency 0–100 from the description and the CRM status (rule 4). */
export function scoreUrgency(lead: Pick<Lead, 'description' | 'status'>): ScoreResult & { calm: boolean; incident: boolean } {
  const { norm, display } = normalizePair(lead.description);
  const contributions: Contribution[] = [];
  let saidNotUrgent = false;
  const hits: Array<{ kind: 'pressure' | 'incident'; points: number; detail: string }> = [];
  for (const cue of COMPILED) {
    for (const m of norm.matchAll(cue.regex)) {
      const index = m.index ?? 0;
      if (negated(norm, index)) {
        if (cue.kind === 'pressure') saidNotUrgent = true;
        continue;
      }
      hits.push({ kind: cue.kind, points: cue.points, detail: display.slice(index, index + m[0].length) });
      break;
    }
  }
  for (const hit of hits) {
    if (saidNotUrgent && hit.kind === 'pressure') continue;
    contributions.push({ key: 'urgency_cue', detail: hit.detail, points: hit.points });
  }
  if (saidNotUrgent) contributions.push({ key: 'urgency_negated', detail: '', points: 0 });
  const calm = CALM.test(norm);
  if (calm && hits.some((h) => !(saidNotUrgent && h.kind === 'pressure'))) contributions.push({ key: 'urgency_calm', detail: '', points: -15 });
  const status = normalize(lead.status);
  if (status && HOT_STATUS.test(status)) contributions.push({ key: 'urgency_status', detail: lead.status ?? '', points: 15 });
  const score = clampScore(contributions.reduce((sum, c) => sum + c.points, 0));
  const incident = hits.some((h) => h.kind === 'incident');
  return { score, contributions, calm: calm || saidNotUrgent, incident };
}
