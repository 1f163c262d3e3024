/**
 * Time expressions in Spanish and English, relative ("la semana que viene", "in two weeks",
 * "before the end of the quarter") and absolute ("el 15 de marzo", "before March 15", "el día
 * 20"), read from normalize()d text. Pulso does not know today's date inside the pure rules, so
 * each expression is turned into an estimate of how many days away it is: enough to tell "this
 * week" from "this quarter" from "next year", which is what urgency needs.
 */
import { NUMBER_SOURCE, readNumber } from './numbers';

export interface TimeMention {
  /** Estimated days from now; negative for the past ("ayer", "two hours ago"). */
  days: number;
  /** The words, as normalised text. */
  quote: string;
  index: number;
}

const N = `(${NUMBER_SOURCE})`;
const WEEKDAY = '(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';
const UNIT_DAYS: Record<string, number> = { hora: 0, horas: 0, hour: 0, hours: 0, minuto: 0, minutos: 0, minute: 0, minutes: 0, dia: 1, dias: 1, day: 1, days: 1, semana: 7, semanas: 7, week: 7, weeks: 7, mes: 30, meses: 30, month: 30, months: 30, ano: 365, anos: 365, year: 365, years: 365 };
const UNIT = '(horas?|hours?|minutos?|minutes?|dias?|days?|semanas?|weeks?|mes|meses|months?|anos?|years?)';

/** Fixed phrases, most specific first (an overlapping later phrase is ignored). */
const FIXED: ReadonlyArray<readonly [string, number]> = [
  // past: an incident's recency
  ['(?:hace|desde hace) (?:un|una|unos|unas|pocos|pocas|\\d+|dos|tres) (?:minutos?|horas?)', -0.1],
  ['(?:an?|one|two|three|\\d+|a few|a couple of) (?:minutes?|hours?) ago', -0.1],
  ['esta manana|this morning|earlier today|esta tarde|this afternoon|desde hoy|since today|desde esta manana|since this morning', -0.2],
  ['anoche|last night|desde anoche|since last night|ayer|yesterday|desde ayer|since yesterday|el fin de semana pasado|over the weekend|last weekend', -1],
  ['(?:hace|desde hace) (?:unos |unas |\\d+ |dos |tres )?dias|(?:a few|\\d+|two|three) days ago|(?:el|este) (?:lunes|martes|miercoles|jueves|viernes) pasado|last (?:monday|tuesday|wednesday|thursday|friday)', -3],
  ['la semana pasada|last week|hace una semana|a week ago', -7],
  // future, nearest first
  ['ahora mismo|right now|ya mismo|de inmediato|inmediatamente|immediately|hoy mismo|hoy|today|tonight|esta noche|asap|cuanto antes|lo antes posible|as soon as possible', 0],
  ['(?<!esta |la |por la )manana|tomorrow|pasado manana|day after tomorrow', 1],
  ['en los proximos dias|en unos dias|in the next few days|in a few days|this weekend|este fin de semana|a fin de semana', 4],
  // v5: "over the coming weeks", "en las próximas semanas": about three weeks
  ['(?:en |durante )?las proximas semanas|(?:over |in |during )?the (?:coming|next few|next couple of) weeks|in a few weeks|en unas (?:pocas )?semanas|en un par de semanas|in a couple of weeks', 21],
  [`(?:antes del?|para el|hasta el|by|before|on|this|este|el|by next|next) ${WEEKDAY}`, 5],
  ['esta semana|this week|esta misma semana|within the week|en la semana|fin de la semana|end of the week', 5],
  ['la semana que viene|la proxima semana|proxima semana|next week|semana entrante|la otra semana|la semana proxima', 10],
  [`(?:el|del|para el|antes del|hasta el|by the|on the) (?:dia )?\\d{1,2}(?:st|nd|rd|th)? (?:del? )?(?:mes )?(?:proximo|que viene|next month)|(?:el|del) \\d{1,2} del (?:proximo|siguiente) mes|the \\d{1,2}(?:st|nd|rd|th)? of next month`, 40],
  ['(?:a |de |al )?(?:fin|final|finales|cierre) de(?:l| este)? mes|end of (?:the |this )?month|month-end|month end|este mes|this month|a lo largo del mes|within the month|antes de que acabe el mes', 20],
  [`(?:el|del|para el|antes del|hasta el|by the|on the|before the) (?:dia )?\\d{1,2}(?:st|nd|rd|th)?(?! de ${MONTH})(?! ${MONTH})(?! of ${MONTH})`, 15],
  ['el mes que viene|el proximo mes|proximo mes|el siguiente mes|next month|a partir del mes que viene|from next month|del mes que viene', 40],
  // v5: a quarter "of next year" is next year's, not this one's
  ['(?:(?:a |de |al )?(?:fin|final|finales|cierre) de(?:l| este)? trimestre|end of (?:the |this )?quarter|quarter-end|quarter end|este trimestre|this quarter|end of q[1-4]|(?:in|en|para el|during|durante el) q[1-4]|fin del q[1-4]|q[1-4])(?! (?:of |del |de )?(?:next year|el proximo ano|proximo ano|el ano que viene|ano que viene|next fiscal year))', 60],
  ['proximo trimestre|el trimestre que viene|next quarter|siguiente trimestre', 120],
  ['este semestre|segundo semestre|primer semestre|proximo semestre|second half|first half|next semester|h1|h2', 150],
  ['(?:a |de |al )?(?:fin|final|finales|cierre) de(?:l| este)? ano|end of (?:the |this )?year|year-end|year end|este ano|this year|later this year|a lo largo del ano', 150],
  ['proximo ano|el ano que viene|next year|el proximo ejercicio|next fiscal year|ano proximo|sometime next year|en \\d{4}|in \\d{4}', 300],
  ['(?:en|en la|esta|this|in|in the|by|for) (?:primavera|verano|otono|invierno|spring|summer|autumn|winter)', 90],
];

const PATTERNS: ReadonlyArray<{ re: RegExp; days: (m: RegExpMatchArray) => number }> = [
  ...FIXED.map(([src, days]) => ({ re: new RegExp(`(?<![a-z0-9])(?:${src})(?![a-z0-9])`, 'g'), days: () => days })),
  // "en 3 semanas", "dentro de dos meses", "within 30 days", "in two weeks", "in the next 48 hours"
  {
    re: new RegExp(`(?<![a-z0-9])(?:en|dentro de|en menos de|en los proximos|en las proximas|within|in|in the next|in less than|over the next)\\s+${N}\\s+${UNIT}(?![a-z])`, 'g'),
    days: (m) => readNumber(m[1]!) * (UNIT_DAYS[m[2]!] ?? 1),
  },
  { re: new RegExp(`(?<![a-z0-9])${N}\\s+${UNIT}\\s+(?:ago|atras)(?![a-z])`, 'g'), days: (m) => -readNumber(m[1]!) * (UNIT_DAYS[m[2]!] ?? 1) },
  // absolute dates: "15 de marzo", "March 15", "el 3/4" — the year's position is unknown: weeks to months away.
  { re: new RegExp(`(?<![a-z0-9])(?:\\d{1,2} de ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}|(?:en|in|by|before|antes de|para) ${MONTH})(?![a-z])`, 'g'), days: () => 45 },
];

/** What every pattern starts with: the left boundary, a zero-width assertion. */
const LEFT = '(?<![a-z0-9])';

/**
 * Where any of PATTERNS can start a match: the positions where a lookahead of their alternation
 * succeeds (the left boundary, the same for all, tested once per position). Read once per text;
 * most of a CRM's texts name no time, and then no pattern runs at all. (No pattern has a
 * back-reference, so renumbered groups change nothing.)
 */
const STARTS = new RegExp(
  `${LEFT}(?=${PATTERNS.map(({ re }) => {
    if (!re.source.startsWith(LEFT)) throw new Error(`time pattern without the left boundary: ${re.source.slice(0, 40)}`);
    return `(?:${re.source.slice(LEFT.length)})`;
  }).join('|')})`,
  'g',
);

/** Each pattern anchored where it is tried (sticky): only at the starts STARTS found. */
const ANCHORED = PATTERNS.map(({ re, days }) => ({ at: new RegExp(re.source, 'y'), days }));

function startsOf(norm: string): number[] {
  const starts: number[] = [];
  STARTS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STARTS.exec(norm)) !== null) {
    starts.push(m.index);
    STARTS.lastIndex = m.index + 1; // an empty match: step past it
  }
  STARTS.lastIndex = 0;
  return starts;
}

/**
 * A pattern's matches as its global regex's exec loop finds them (execAll), tried only at `starts`:
 * that loop's next match is at the first position from its lastIndex where the pattern matches,
 * every such position is a start (the lookahead of the alternation succeeds there whenever one
 * alternative does), and a match tried anchored at a position is the one the loop finds there.
 * After a match the loop goes on from its end (one past it when empty, no u flag).
 */
function matchesAt(at: RegExp, norm: string, starts: readonly number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    at.lastIndex = start;
    const m = at.exec(norm);
    if (!m) continue;
    matches.push(m);
    from = m[0] === '' ? start + 1 : start + m[0].length;
  }
  return matches;
}

/** Every time expression of a normalised text, nearest-first patterns winning overlaps. */
export function readTimes(norm: string): TimeMention[] {
  const out: TimeMention[] = [];
  if (!norm) return out;
  const starts = startsOf(norm);
  if (starts.length === 0) return out;
  const taken: Array<[number, number]> = [];
  for (const { at, days } of ANCHORED) {
    for (const m of matchesAt(at, norm, starts)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const d = days(m);
      if (!Number.isFinite(d)) continue;
      taken.push([start, end]);
      out.push({ days: d, quote: m[0], index: start });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
