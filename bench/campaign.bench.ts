import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable, Writable } from 'node:stream';
import { generateCampaignByRules } from '../lib/campaign/generate';
import { gatherCampaignFacts, type CampaignInput } from '../lib/campaign/facts';
import { loadLabeledLeads, loadProfile } from '../eval/dataset';
import { main } from '../backend/cli/main';
import { loadConfig } from '../backend/config';
import { buildServer } from '../backend/server';
import { startFakeVllm, tokenize } from '../backend/testing/fake-vllm';
import { CAMPAIGN_ANSWER } from '../backend/testing/fixtures';
import { CampaignStreamEventSchema } from '../lib/contracts';
import { readNdjson } from '../lib/ndjson';
import { fmt, percentile } from './stats';

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

/** The fake model's pace: the backend bench's (80 ms to the first token, 10 ms per token). */
const TTFT_MS = 80;
const PER_TOKEN_MS = 10;

/**
 * POST /v1/campaigns/draft?stream=1 against the fake vLLM (gpt-oss shape: reasoning first, then
 * the JSON), one request at a time, each English record different (no cache hit): the time to the first
 * step (read: the record, at once), to the first step the model wrote (reason: its segment), and
 * to the campaign.
 */
export async function benchCampaignStream(runs = 12) {
  const fake = await startFakeVllm({ answer: CAMPAIGN_ANSWER, ttftMs: TTFT_MS, perTokenMs: PER_TOKEN_MS });
  const app = await buildServer(loadConfig({ LOG_LEVEL: 'info', LLM_BASE_URL: fake.baseUrl, PULSO_DATA_DIR: 'memory://' }), { logStream: new Writable({ write: (_c, _e, cb) => cb() }) });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/campaigns/draft?stream=1`;
    // The fake's answer is in English: the English records (a Spanish one would get the rescue, wrong_language).
    const profile = loadProfile();
    const inputs = campaignInputs().filter((input) => gatherCampaignFacts(input, profile).language === 'en');
    const first: number[] = [];
    const modelStep: number[] = [];
    const final: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const input = inputs[i % inputs.length]!;
      const body = { ...input, profile, lead: { ...input.lead, company: `${String(input.lead.company ?? 'Company')} ${i}` } };
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const seen: Record<string, number> = {};
      for await (const line of readNdjson(res.body!)) {
        const event = CampaignStreamEventSchema.parse(line);
        const key = event.type === 'step' ? event.step.name : 'final';
        seen[key] ??= performance.now() - t0;
        if (event.type === 'final' && event.result.source !== 'llm') throw new Error(`the bench campaign was not the model's (${event.error ?? event.result.source})`);
      }
      if (i < 2) continue; // warm-up: the first requests compile the route and open the store
      first.push(seen.read!);
      modelStep.push(seen.reason!);
      final.push(seen.final!);
    }
    return { runs, answerTokens: tokenize(JSON.stringify(CAMPAIGN_ANSWER)).length, p50First: percentile(first, 50), p50Reason: percentile(modelStep, 50), p50Final: percentile(final, 50), p99Final: percentile(final, 99) };
  } finally {
    await app.close();
    await fake.close();
  }
}

/** The streamed campaign's figures as bench/run.ts prints them. */
export function formatCampaignStream(s: Awaited<ReturnType<typeof benchCampaignStream>>): string {
  return `campaign streamed from the fake vLLM (${TTFT_MS} ms to first token, ${PER_TOKEN_MS} ms per token, ${s.answerTokens}-token JSON after the reasoning; ${s.runs} requests): first step (read) p50 ${fmt(s.p50First, 1)} ms, the model's first step (reason) p50 ${fmt(s.p50Reason, 0)} ms, the campaign p50 ${fmt(s.p50Final, 0)} ms / p99 ${fmt(s.p99Final, 0)} ms`;
}

