import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsv } from '../lib/text/csv';
import { LeadSchema, type Lead } from '../lib/contracts';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { classifyLeadByRules } from '../lib/rules';
import { percentile } from './stats';

/** Realistic leads: the Odoo CRM demo set, plus Spanish and English leads with long notes. */
export function benchLeads(): Lead[] {
  // PULSO_DATASETS: where the public datasets are when the checkout is not beside them (a git worktree).
  const datasets = process.env.PULSO_DATASETS ?? resolve(import.meta.dirname, '../../shared/datasets');
  const csv = readFileSync(resolve(datasets, 'odoo_crm_demo_leads/crm_leads_flat.csv'), 'utf8');
  const [header, ...records] = parseCsv(csv);
  const leads: Lead[] = [];
  for (const record of records) {
    const row = Object.fromEntries(header!.cells.map((name, i) => [name, record.cells[i] ?? ''])) as Record<string, string>;
    const lead = LeadSchema.safeParse({
      fullName: row.contact_name || undefined,
      jobTitle: row.function || undefined,
      company: row.partner_name || undefined,
      email: row.email_from || undefined,
      phone: row.phone || undefined,
      location: [row.city, row.country].filter(Boolean).join(', ') || undefined,
      description: row.description || row.name || undefined,
    });
    if (lead.success) leads.push(lead.data);
  }
  const note = 'Tenemos un fallo crítico en las copias de seguridad, pérdida de datos y producción detenida esta semana. '.repeat(20);
  leads.push(
    { fullName: 'María González', jobTitle: 'CTO', company: 'Metalúrgica Andina', email: 'maria@andina.com.ar', industry: 'Manufacturing', description: note, companySize: '201-500' },
    { fullName: 'John Carter', jobTitle: 'IT Manager', company: 'Northwind Retail', email: 'john@northwind.com', industry: 'Retail', description: 'Looking at cloud migration options next quarter, no rush.' },
  );
  return leads;
}

export function benchRules() {
  const leads = benchLeads();
  for (let i = 0; i < 2_000; i++) classifyLeadByRules(leads[i % leads.length]!, DEMO_PROFILE); // warm-up (JIT)
  const rounds = 20_000;
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    classifyLeadByRules(leads[i % leads.length]!, DEMO_PROFILE);
    samples.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  return { leads: leads.length, rounds, meanMs: total / rounds, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}

/** One lead with a 7,500-character description (the scoring reads the first 1,500; injection screening all of it). */
export function benchLongDescription() {
  const lead: Lead = {
    fullName: 'Ana Ruiz', jobTitle: 'IT Manager', company: 'Retail Uno', email: 'ana@retailuno.es', industry: 'Retail', location: 'Madrid, España', companySize: 300,
    description: 'Necesitamos migrar a la nube y soporte 24/7. '.repeat(170).slice(0, 7_500),
  };
  for (let i = 0; i < 200; i++) classifyLeadByRules(lead, DEMO_PROFILE); // warm-up (JIT)
  const samples: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t0 = performance.now();
    classifyLeadByRules(lead, DEMO_PROFILE);
    samples.push(performance.now() - t0);
  }
  return { chars: lead.description!.length, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}
