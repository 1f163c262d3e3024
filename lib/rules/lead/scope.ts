import { NUMBER_SOURCE, readNumber } from '../../text/numbers';
import { execAll } from '../../text/regex';

/**
 * How big an organisation or a project is, in the unit the text uses: employees, vehicles,
 * sites (offices, clinics, stores, plants…) or users (seats, licences, endpoints). One reader for
 * both sides: a profile's audience ("dos o más sedes", "50 vehicles or more", "de entre 10 y 250
 * trabajadores") and a lead's own words ("we run 180 refrigerated trucks", "tenemos 9 sedes").
 */
export type ScopeUnit = 'employees' | 'vehicles' | 'sites' | 'users';

export interface ScopeMention {
  unit: ScopeUnit;
  min: number;
  max: number;
  /** The words that said it, as normalised text. */
  quote: string;
}

const UNITS: Record<ScopeUnit, string> = {
  employees: 'empleados|empleadas|trabajadores|trabajadoras|personas|colaboradores|employees|staff|people|workers|personnel|headcount|empl|emp',
  vehicles: 'vehiculos|vehicles|camiones|trucks|vans|furgonetas|camionetas|trailers|remolques|tractocamiones|reefers|buses|autobuses|coches|cars|unidades de reparto|service trucks',
  sites: 'sedes|sede|sucursales|sucursal|clinicas|clinica|consultorios|consultorio|tiendas|tienda|locales|local|oficinas|oficina|plantas|planta|almacenes|hospitales|centros|restaurantes|hoteles|bares|pubs|offices|office|locations|location|sites|site|branches|branch|stores|store|shops|shop|clinics|clinic|practices|practice|plants|plant|warehouses|depots|restaurants|hotels|salones|gyms|gimnasios|colegios|schools|pharmacies|farmacias',
  users: 'usuarios|users|seats|puestos|licencias|licenses|licences|endpoints|equipos|ordenadores|computers|agentes|agents',
};
const UNIT_OF = new Map<string, ScopeUnit>();
for (const [unit, words] of Object.entries(UNITS) as [ScopeUnit, string][]) for (const w of words.split('|')) UNIT_OF.set(w, unit);
const UNIT_WORDS = [...UNIT_OF.keys()].sort((a, b) => b.length - a.length).join('|');

const MIN_BEFORE = new Set(['mas de', 'more than', 'over', 'al menos', 'at least', 'minimo', 'minimum', 'desde', 'a partir de', 'upwards of', 'above', 'por encima de']);
const MAX_BEFORE = new Set(['menos de', 'less than', 'fewer than', 'under', 'hasta', 'up to', 'maximo', 'max', 'below', 'por debajo de']);
const MIN_AFTER = new Set(['o mas', 'or more', 'or above', 'y mas', 'and up', 'and above', 'en adelante', 'o superior', 'or over']);
const RANGE_JOIN = new Set(['-', '–', 'a', 'to', 'y', 'and']);
const ONE_WORDS = new Set(['single', 'solo', 'sola', 'unico', 'unica', 'one', 'uno']);
const TOKEN = /[a-z]+|\d[\d.,]*\d(?:\s?k(?![a-z]))?|\d(?:\s?k(?![a-z]))?|[+\-–]/g;
const IS_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`);

/** Cheap gate: no unit word, no size mention (most texts), so the token pass never runs. */
const UNIT_GATE = new RegExp(`(?<![a-z])(?:${UNIT_WORDS})(?![a-z])`);

interface Tok {
  t: string;
  start: number;
  end: number;
}

const num = (tok: Tok | undefined): number => (tok && IS_NUMBER.test(tok.t) ? readNumber(tok.t) : Number.NaN);
const pair = (toks: Tok[], i: number) => (i >= 0 && i + 1 < toks.length ? `${toks[i]!.t} ${toks[i + 1]!.t}` : '');
const triple = (toks: Tok[], i: number) => (i >= 0 && i + 2 < toks.length ? `${toks[i]!.t} ${toks[i + 1]!.t} ${toks[i + 2]!.t}` : '');

/**
 * Every size mention of a normalised text: a number (digits or a word) up to two describing
 * words before a unit word, read with what surrounds it — a range ("entre 10 y 250", "50-5000"),
 * a floor ("más de 300", "50 vehicles or more", "1,000+", "dos o más sedes") or a ceiling
 * ("hasta 50"). One token pass, so long descriptions stay cheap.
 */
export function readScope(norm: string): ScopeMention[] {
  const out: ScopeMention[] = [];
  if (!norm || !UNIT_GATE.test(norm)) return out;
  const toks: Tok[] = [];
  for (const m of execAll(TOKEN, norm)) toks.push({ t: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  for (let i = 0; i < toks.length; i++) {
    const unit = UNIT_OF.get(toks[i]!.t);
    if (!unit) continue;
    // The number: up to two words back (adjectives), skipping an "o más / or more" between.
    let j = i - 1;
    let floorBetween = false;
    if (MIN_AFTER.has(pair(toks, i - 2))) {
      floorBetween = true;
      j = i - 3;
    }
    let k = j;
    while (k >= 0 && k >= j - 2 && Number.isNaN(num(toks[k]))) k--;
    const a = num(toks[k]);
    if (k < 0 || Number.isNaN(a)) continue;
    let first = k;
    let mention: { min: number; max: number };
    const before2 = pair(toks, k - 2);
    const before3 = triple(toks, k - 3);
    const lower = num(toks[k - 2]);
    if (RANGE_JOIN.has(toks[k - 1]?.t ?? '') && !Number.isNaN(lower)) {
      mention = { min: Math.min(lower, a), max: Math.max(lower, a) };
      first = k - 2;
    } else if (floorBetween || toks[k + 1]?.t === '+' || MIN_AFTER.has(pair(toks, i + 1)) || toks[i + 1]?.t === '+' || MIN_BEFORE.has(before2) || MIN_BEFORE.has(toks[k - 1]?.t ?? '') || MIN_BEFORE.has(before3)) {
      mention = { min: a, max: Number.POSITIVE_INFINITY };
    } else if (MAX_BEFORE.has(before2) || MAX_BEFORE.has(toks[k - 1]?.t ?? '') || MAX_BEFORE.has(before3)) {
      mention = { min: 0, max: a };
    } else {
      // "a/an/una + unit" is an article, not a count; "a single clinic", "un solo consultorio" are one.
      if (a === 1 && !ONE_WORDS.has(toks[k]!.t) && !/^\d/.test(toks[k]!.t)) continue;
      mention = { min: a, max: a };
    }
    out.push({ unit, ...mention, quote: norm.slice(toks[first]!.start, toks[i]!.end) });
  }
  return out;
}
