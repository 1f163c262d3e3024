import type { Lead } from '../../contracts';
import { normalizePair } from '../../text/normalize';
import { compileAnyGlobal } from '../../text/patterns';
import { execAll } from '../../text/regex';
import { parseCompanySize, parseMoney } from './quantities';
import { readScope } from './scope';
import { clampScore, type Contribution, type ScoreResult } from './types';

/**
 * Opportunity size (rule 5 of the brief): company size, annual revenue, scope
 * and complexity of the project. Brackets follow the usual SMB / mid-market /
 * enterprise cut-offs; unknown size and revenue get a small neutral share.
 */
const SIZE_BRACKETS: ReadonlyArray<readonly [number, number]> = [[5000, 40], [1000, 36], [200, 30], [50, 22], [10, 12], [0, 5]];
const REVENUE_BRACKETS: ReadonlyArray<readonly [number, number]> = [[500e6, 25], [50e6, 20], [10e6, 15], [1e6, 10], [0, 3]];

const SCOPE = compileAnyGlobal([
  'todas las sedes', 'todas nuestras sedes', 'todas las oficinas', 'todas las plantas', 'todas las tiendas', 'all * offices',
  'all offices', 'all * sites', 'all sites', 'all * locations', 'all locations', 'all * branches', 'all * stores',
  'multiple sites', 'multiple offices', 'multiple locations', 'multiple countries', 'several countries', 'varias sedes',
  'varias plantas', 'varias oficinas', 'varias sucursales', 'varias tiendas', 'varios paises', 'diferentes paises',
  'global*', 'multinacional*', 'multinational*', 'internacional', 'international', 'nationwide', 'a nivel nacional',
  'toda la empresa', 'company-wide', 'company wide', 'enterprise-wide', 'toda la organizacion',
  '/\\d[\\d.,]*\\s*(?:sedes|plantas|oficinas|sucursales|tiendas|almacenes|paises|hospitales|clinicas|sites|offices|plants|branches|stores|warehouses|countries|hospitals|clinics)/',
  '/(?:[5-9]\\d|\\d{3,}|\\d{1,3}[.,]\\d{3})\\s*(?:usuarios|users|puestos|seats|empleados|employees|equipos|endpoints|servidores|servers|maquinas|vms|licencias|licenses)/',
]);
const COMPLEXITY = compileAnyGlobal([
  'integracion*', 'integrat*', 'integrar', 'migracion completa', 'full migration', 'complete migration', 'end-to-end',
  'end to end', 'llave en mano', 'turnkey', 'a medida', 'custom*', 'personalizad*', 'tailor*', 'compliance',
  'cumplimiento', 'normativ*', 'regulat*', 'iso 27001', 'gdpr', 'rgpd', 'ens', 'nis2', 'pci', 'hipaa', 'sox', 'dora',
  'erp', 'sap', 'multi-cloud', 'multicloud', 'hibrid*', 'hybrid', 'alta disponibilidad', 'high availability', '24/7',
  'contrato marco', 'framework agreement', 'licitacion', 'tender', 'rfp', 'rfq',
]);

function bracket(value: number, brackets: ReadonlyArray<readonly [number, number]>): number {
  for (const [floor, points] of brackets) if (value >= floor) return points;
  return 0;
}

function cues(norm: string, display: string, regex: RegExp, each: number, cap: number, key: string, out: Contribution[]): void {
  let total = 0;
  const seen = new Set<string>();
  for (const m of execAll(regex, norm)) {
    if (seen.has(m[0]) || total >= cap) continue;
    seen.add(m[0]);
    const points = Math.min(each, cap - total);
    total += points;
    const at = m.index ?? 0;
    out.push({ key, detail: display.slice(at, at + m[0].length), points });
  }
}

/** A budget the lead states ("presupuesto aprobado (120.000 €)", "budget of USD 150k"), in currency units. */
const BUDGET = /(?:presupuesto|budget|inversion|investment|partida)[^.;!?\n]{0,40}?((?:us\$|usd|eur|€|\$|£|mxn|cop|clp)?\s?\d[\d.,]*\s?(?:k|m|mm|mil|millones|million|millon)?\b\s?(?:€|eur|euros|usd|dolares|dollars|pesos)?)/;

/** v3: a multi-site, large-fleet or many-user rollout is a big opportunity on its own (the source's "varias plantas"). */
export const BIG_SCOPE = { sites: 20, vehicles: 200, users: 500 } as const;

/** Opportunity 0–100 (rule 5). */
export function scoreOpportunity(lead: Pick<Lead, 'companySize' | 'annualRevenue' | 'description'>): ScoreResult & { employees: number | null; revenue: number | null; budget: number | null; bigScope: boolean } {
  const contributions: Contribution[] = [];
  const employees = parseCompanySize(lead.companySize);
  if (employees === null) contributions.push({ key: 'opp_size_unknown', detail: '', points: 10 });
  else contributions.push({ key: 'opp_size', detail: String(employees), points: bracket(employees, SIZE_BRACKETS) });
  const revenue = parseMoney(lead.annualRevenue);
  if (revenue === null) contributions.push({ key: 'opp_revenue_unknown', detail: '', points: 5 });
  else contributions.push({ key: 'opp_revenue', detail: formatMoney(revenue), points: bracket(revenue, REVENUE_BRACKETS) });
  const { norm, display } = normalizePair(lead.description);
  let budget: number | null = null;
  let bigScope = false;
  if (norm) {
    cues(norm, display, SCOPE, 10, 20, 'opp_scope', contributions);
    cues(norm, display, COMPLEXITY, 8, 15, 'opp_complexity', contributions);
    const b = BUDGET.exec(norm);
    const amount = b ? parseMoney(b[1]) : null;
    if (b && amount !== null && amount >= 1_000) {
      budget = amount;
      contributions.push({ key: 'opp_budget', detail: b[1]!.trim(), points: amount >= 100_000 ? 25 : amount >= 20_000 ? 15 : 5 });
    }
    for (const m of readScope(norm.slice(0, 2_000))) {
      const cut = BIG_SCOPE[m.unit as keyof typeof BIG_SCOPE];
      const n = Number.isFinite(m.max) ? m.max : m.min;
      if (cut !== undefined && n >= cut) {
        bigScope = true;
        contributions.push({ key: 'opp_scope', detail: m.quote, points: 15 });
        break;
      }
    }
  }
  const score = clampScore(contributions.reduce((sum, c) => sum + c.points, 0));
  return { score, contributions, employees, revenue, budget, bigScope };
}

export function formatMoney(value: number): string {
  if (value >= 1e9) return `${+(value / 1e9).toFixed(1)}B`;
  if (value >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (value >= 1e3) return `${+(value / 1e3).toFixed(1)}k`;
  return String(Math.round(value));
}
