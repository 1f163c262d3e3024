import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { generateCampaignByRules } from '../lib/campaign/generate';
import type { CampaignInput } from '../lib/campaign/facts';
import { loadLabeledLeads, loadProfile } from '../eval/dataset';
import { main } from '../backend/cli/main';
import { percentile } from './stats';

/** The eval leads (es + en, every stage), each with a three-item timeline and a deal stage, as a record page would give. */
function campaignInputs(): CampaignInput[] {
  const stages = ['Appointment scheduled', 'Propuesta enviada', 'Closed lost', 'Closed won', ''];
  return loadLabeledLeads().map((l, i) => ({
    lead: l.lead,
    context: {
      timeline: [
        { kind: 'call' as const, date: '2025-03-04', text: `Call about ${String(l.lead.description ?? 'their needs').slice(0, 200)}` },
        { kind: 'email' as const, date: '2025-02-20', text: 'Sent our brochure and pricing overview.' },
        { kind: 'note' as const, date: '2025-02-18', text: 'Met at the trade fair; interested in a follow-up.' },
      ],
      dealStage: stages[i % stages.length],
    },
  }));
}

/** One rules campaign per record page: cold (first call in the process) and warm p50/p99 (target < 50 ms). */
export function benchCampaignLatency() {
  const profile = loadProfile();
  const inputs = campaignInputs();
  const t0 = performance.now();
  generateCampaignByRules(inputs[0]!, profile);
  const coldMs = performance.now() - t0;
  for (let i = 0; i < 300; i++) generateCampaignByRules(inputs[i % inputs.length]!, profile); // warm-up (JIT)
  const samples: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t = performance.now();
    generateCampaignByRules(inputs[i % inputs.length]!, profile);
    samples.push(performance.now() - t);
  }
  return { records: inputs.length, runs: samples.length, coldMs, p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) };
}

/** `pulso campaign leads.csv --out FILE` over a 1,000-row CSV export, in-process, rules mode: rows per second end to end. */
export async function benchCampaignBatch(rows = 1_000) {
  const leads = loadLabeledLeads().map((l) => l.lead);
  const columns = ['fullName', 'jobTitle', 'company', 'email', 'industry', 'location', 'description'] as const;
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""').replace(/\r?\n/g, ' ')}"`;
  const lines = [columns.join(',')];
  for (let i = 0; i < rows; i++) {
    const lead = leads[i % leads.length]! as Record<string, unknown>;
    lines.push(columns.map((c) => cell(c === 'company' ? `${lead.company ?? 'Company'} ${i}` : lead[c])).join(','));
  }
  const dir = mkdtempSync(join(tmpdir(), 'pulso-bench-campaign-'));
  try {
    const csv = join(dir, 'leads.csv');
    const out = join(dir, 'campaigns.jsonl');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const t = performance.now();
    const code = await main(['campaign', csv, '--out', out], { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from(['']), env: {} });
    const seconds = (performance.now() - t) / 1000;
    const written = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
    return { rows, written, code, seconds, rowsPerSecond: written / seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
