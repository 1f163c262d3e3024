/**
 * Issue 16 weighed two hand-written parsers against well-kept libraries; this reruns the
 * comparison (`npx tsx bench/libraries.bench.ts`). Both parsers were kept:
 * - CSV (lib/text/csv.ts) vs papaparse: ours copies runs as slices and is the faster of the two;
 *   papaparse would add ~7 KB gzipped to the options page, guesses one line ending for the
 *   whole file (a CRLF header turns later LF rows into one cell) and reads an unterminated
 *   quote silently, where ours names its line.
 * - streamed JSON fields (lib/llm/incremental-json.ts) vs partial-json: partial-json parses the
 *   whole buffer again on every chunk (quadratic in the answer) and rejects a ```json fence;
 *   ours reads each character once and reports the same fields at the same chunk.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { Allow, parse as parsePartialJson } from 'partial-json';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { IncrementalJsonFields } from '../lib/llm/incremental-json';
import { classifyLeadByRules } from '../lib/rules';
import { parseCsv } from '../lib/text/csv';

function msPerRun(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(runs, 5); i++) fn(); // warm-up (JIT)
  const started = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - started) / runs;
}

export function benchCsv() {
  const datasets = process.env.PULSO_DATASETS ?? resolve(import.meta.dirname, '../../shared/datasets');
  const file = readFileSync(resolve(datasets, 'odoo_crm_demo_leads/crm_leads_flat.csv'), 'utf8');
  const body = file.slice(file.indexOf('\n') + 1);
  const text = file + '\n' + Array.from({ length: 100 }, () => body).join('\n');
  const mixed = 'a,b\r\n1,2\n"x\ny",z\n';
  return {
    kb: text.length / 1024,
    oursMs: msPerRun(() => parseCsv(text), 5),
    papaparseMs: msPerRun(() => Papa.parse(text, { skipEmptyLines: true }), 5),
    mixedLineEndings: { ours: parseCsv(mixed).length, papaparse: Papa.parse(mixed, { skipEmptyLines: true }).data.length },
  };
}

export function benchStreamedJson() {
  const lead = { fullName: 'Ana Ruiz', jobTitle: 'CTO', company: 'Retail Uno', email: 'ana@retailuno.es', description: 'Necesitamos migrar a la nube y soporte 24/7 urgente. '.repeat(8) };
  const answer = JSON.stringify(classifyLeadByRules(lead, DEMO_PROFILE));
  const chunks = Array.from({ length: Math.ceil(answer.length / 4) }, (_, i) => answer.slice(i * 4, i * 4 + 4)); // ~a token each
  const ours = () => {
    const reader = new IncrementalJsonFields();
    for (const chunk of chunks) reader.push(chunk);
    return reader.fields.priority;
  };
  const partialJson = () => {
    let buffer = '';
    let priority: unknown;
    for (const chunk of chunks) {
      buffer += chunk;
      try {
        priority = (parsePartialJson(buffer, Allow.ALL & ~Allow.STR & ~Allow.NUM) as { priority?: unknown }).priority ?? priority;
      } catch {
        // not an object yet
      }
    }
    return priority;
  };
  return { chars: answer.length, chunks: chunks.length, oursMs: msPerRun(ours, 200), partialJsonMs: msPerRun(partialJson, 50) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const csv = benchCsv();
  console.log(`CSV, ${csv.kb.toFixed(0)} KB: lib/text/csv.ts ${csv.oursMs.toFixed(1)} ms, papaparse ${csv.papaparseMs.toFixed(1)} ms; CRLF then LF rows read as ${csv.mixedLineEndings.ours} (ours) / ${csv.mixedLineEndings.papaparse} (papaparse) of 3`);
  const json = benchStreamedJson();
  console.log(`streamed answer, ${json.chars} chars in ${json.chunks} chunks: lib/llm/incremental-json.ts ${json.oursMs.toFixed(3)} ms, partial-json ${json.partialJsonMs.toFixed(3)} ms per answer`);
}
