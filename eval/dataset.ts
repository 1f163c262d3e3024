import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompanyProfileSchema, LeadSchema, PrioritySchema, StageSchema, type CompanyProfile, type Lead } from '../lib/contracts';
import { parseCsv } from '../lib/text/csv';

export const EVAL_DIR = dirname(fileURLToPath(import.meta.url));
/** Held-out set, labelled blind to the rules engine (eval/HOLDOUT.md). */
export const HOLDOUT_PATH = join(EVAL_DIR, 'holdout.jsonl');

export const LabeledLeadSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['es', 'en']),
  tags: z.array(z.string()),
  expected: z.object({ stage: StageSchema, priority: PrioritySchema }),
  note: z.string().min(1),
  lead: LeadSchema,
  /** For injection cases: the same lead without the injected text. */
  clean: LeadSchema.optional(),
});
export type LabeledLead = z.infer<typeof LabeledLeadSchema>;

export function loadLabeledLeads(path = join(EVAL_DIR, 'leads.jsonl')): LabeledLead[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      const parsed = LabeledLeadSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`eval/${basename(path)} line ${n}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export function loadProfile(name = 'profile.json'): CompanyProfile {
  return CompanyProfileSchema.parse(JSON.parse(readFileSync(join(EVAL_DIR, name), 'utf8')));
}

/** The public labelled datasets; PULSO_DATASETS when the checkout is not beside them (a git worktree). */
export const DATASETS_DIR = process.env.PULSO_DATASETS ?? join(EVAL_DIR, '..', '..', 'shared', 'datasets');
export const ODOO_CSV = join(DATASETS_DIR, 'odoo_crm_demo_leads', 'crm_leads_flat.csv');

export interface OdooLead {
  id: string;
  lead: Lead;
  /** SOURCE.md mapping: opportunity or Qualified/Proposition/Won → SQL; a New lead → MQL or Nurture. */
  expectedStages: string[];
  expectedPriority: 'P1' | 'P2' | 'P3' | 'P4';
  hot: boolean;
}

const COUNTRY: Record<string, string> = { fr: 'France', be: 'Belgium', us: 'United States', uk: 'United Kingdom', gb: 'United Kingdom', in: 'India', de: 'Germany', es: 'Spain', it: 'Italy', cn: 'China', mx: 'Mexico', ca: 'Canada', au: 'Australia', nl: 'Netherlands', ch: 'Switzerland', br: 'Brazil', ar: 'Argentina', jp: 'Japan', ie: 'Ireland', pt: 'Portugal' };

export function loadOdoo(path = ODOO_CSV): OdooLead[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const col = (name: string) => header.cells.indexOf(name);
  const get = (cells: string[], name: string) => (cells[col(name)] ?? '').trim();
  return rows.map((row) => {
    const c = row.cells;
    const country = get(c, 'country').toLowerCase();
    const location = [get(c, 'city'), COUNTRY[country] ?? country.toUpperCase()].filter(Boolean).join(', ');
    const description = [get(c, 'name'), get(c, 'description'), get(c, 'inbound_messages')].filter(Boolean).join('. ').slice(0, 8_000);
    const raw: Record<string, string> = {
      fullName: get(c, 'contact_name'),
      company: get(c, 'partner_name'),
      jobTitle: get(c, 'function'),
      email: get(c, 'email_from'),
      location,
      description,
      industry: '',
      annualRevenue: get(c, 'expected_revenue'),
    };
    const lead = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')) as Lead;
    if (!lead.fullName && !lead.company && !lead.email) lead.company = get(c, 'name') || get(c, 'xml_id');
    const stage = get(c, 'stage');
    const sql = get(c, 'type') === 'opportunity' || ['Qualified', 'Proposition', 'Won'].includes(stage);
    const expectedPriority = (['P4', 'P3', 'P2', 'P1'] as const)[Number(get(c, 'priority')) || 0] ?? 'P4';
    return { id: get(c, 'xml_id'), lead: LeadSchema.parse(lead), expectedStages: sql ? ['SQL'] : ['MQL', 'Nurture'], expectedPriority, hot: sql || expectedPriority === 'P1' };
  });
}
