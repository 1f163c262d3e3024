import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { CampaignContextSchema, CampaignTemplatesSchema, describeZodIssues, LeadClassificationSchema, LeadSchema, type CampaignTemplates, type CompanyProfile } from '../../lib/contracts';
import type { CampaignInput } from '../../lib/campaign/facts';
import { checkObject, detectFormat, parseCsvLeads, parseJsonLinesWith, type Checked } from './input';
import type { CampaignWriter } from '../llm/campaign-writer';
import { createProgress } from './progress';

/**
 * `pulso campaign`: one Campaign JSON line per input row (a Lead JSON line, a
 * `{ "lead", "context"?, "classification"? }` line, or a CSV row), in order, each with the input
 * `line` it answers; a bad row gets `{"error", "line"}` in its place and the rest go on.
 *
 * With `--out FILE` the lines go to FILE, one write per finished line, and a run that was
 * interrupted (Ctrl-C, kill, a crash) resumes where it stopped: the rows FILE already holds are
 * checked against the input (same `line` numbers, in order), a half-written last line is cut
 * off, and only the rest is done — no row twice, none skipped.
 */
export interface CampaignCommandOptions {
  file: string | undefined;
  text: string;
  out?: string;
  /** At most this many rows a second (to spare a shared backend or LLM); default unlimited. */
  rate?: number;
  profile: CompanyProfile;
  templates?: CampaignTemplates;
  /** Writes one campaign: the rules, or the LLM with the rescue (backend/llm/campaign-writer.ts). */
  writer: Pick<CampaignWriter, 'mode' | 'writeDetailed'>;
  /** Rows in flight at once (the LLM's share of the upstream; 1 for the rules, which take microseconds). */
  concurrency: number;
  stdout: (line: string) => Promise<void>;
  stderr: (text: string) => void;
  stderrIsTty: boolean;
  /** Set when the user interrupts (SIGINT / SIGTERM): the row being written is finished, then the run stops. */
  interrupted: { readonly requested: boolean };
}

export type CampaignItem = { line: number; input: CampaignInput } | { line: number; error: string };

/** A JSON line that carries the page's context beside the lead. */
const CampaignLineSchema = z.object({
  lead: LeadSchema,
  context: CampaignContextSchema.optional(),
  classification: LeadClassificationSchema.optional(),
});

/** Lead JSON lines, `{lead, context?, classification?}` lines, or a CSV of Lead columns. */
export function parseCampaignInput(text: string, fileName?: string): { items: CampaignItem[]; warnings: string[] } {
  if (detectFormat(text, fileName) === 'csv') {
    const { items, warnings } = parseCsvLeads(text);
    return { items: items.map((i) => ('error' in i ? i : { line: i.line, input: { lead: i.lead } })), warnings };
  }
  const items = parseJsonLinesWith(text, (line, value): Checked<CampaignInput> => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'lead' in value) return checkObject(line, value, 'campaign input', CampaignLineSchema);
    const lead = checkObject(line, value, 'Lead', LeadSchema);
    return 'error' in lead ? lead : { line, value: { lead: lead.value } };
  }).map((i): CampaignItem => ('error' in i ? i : { line: i.line, input: i.value }));
  return { items, warnings: [] };
}

export class CampaignCommandError extends Error {}

/**
 * How many rows of this input FILE already holds. A last line without its line break (the
 * process died while writing it) is cut off so it is written again; every complete line must be
 * JSON with the `line` of the input row at its position, else FILE is another run's output.
 */
export function resumePoint(out: string, items: readonly CampaignItem[]): number {
  if (!existsSync(out)) return 0;
  const content = readFileSync(out, 'utf8');
  const end = content.lastIndexOf('\n') + 1;
  if (end < content.length) {
    const fd = openSync(out, 'r+');
    try {
      ftruncateSync(fd, Buffer.byteLength(content.slice(0, end)));
    } finally {
      closeSync(fd);
    }
  }
  const lines = content.slice(0, end).split('\n').slice(0, -1);
  if (lines.length > items.length) throw new CampaignCommandError(`${out} has ${lines.length} rows but the input has ${items.length}: it is not this input's output`);
  lines.forEach((text, i) => {
    let line: unknown;
    try {
      line = (JSON.parse(text) as { line?: unknown }).line;
    } catch {
      throw new CampaignCommandError(`${out} line ${i + 1} is not JSON: it is not a pulso campaign output`);
    }
    if (line !== items[i]!.line) throw new CampaignCommandError(`${out} row ${i + 1} answers input line ${String(line)}, but this input's row ${i + 1} is line ${items[i]!.line}: it is another input's output`);
  });
  return lines.length;
}

export async function runCampaignCommand(o: CampaignCommandOptions): Promise<number> {
  const { items, warnings } = parseCampaignInput(o.text, o.file);
  for (const w of warnings) o.stderr(`pulso campaign: ${w}\n`);

  let start = 0;
  let fd: number | undefined;
  if (o.out) {
    if (o.file && resolve(o.out) === resolve(o.file)) throw new CampaignCommandError('--out must not be the input file');
    start = resumePoint(o.out, items);
    if (start) o.stderr(`pulso campaign: resuming: ${start} of ${items.length} rows already in ${o.out}\n`);
    fd = openSync(o.out, 'a');
  }
  const progress = createProgress({ total: items.length, already: start, write: o.stderr, tty: o.stderrIsTty, label: 'pulso campaign' });
  const templates = o.templates;
  // Rows still being written when the run stops are cancelled and never written: the rerun does them.
  const cancel = new AbortController();
  let failed = 0;
  let written = 0;
  const began = performance.now();
  let launched = 0;

  async function answer(item: CampaignItem): Promise<object> {
    if ('error' in item) return { error: item.error, line: item.line };
    try {
      const profile = templates ? { ...o.profile, campaignTemplates: templates } : o.profile;
      const { result } = await o.writer.writeDetailed(item.input, profile, { signal: cancel.signal });
      return { ...result, line: item.line };
    } catch (err) {
      return { error: `line ${item.line}: campaign failed: ${(err as Error).message}`, line: item.line };
    }
  }

  /** Starts the next row, no sooner than --rate allows. */
  async function launch(i: number): Promise<object> {
    if (o.rate) {
      const due = began + (launched++ * 1000) / o.rate - performance.now();
      if (due > 0) await sleep(due);
    }
    return answer(items[i]!);
  }

  // Up to `concurrency` rows in flight; lines are written strictly in input order, each in one write.
  const inFlight: Promise<object>[] = [];
  let next = start;
  const fill = () => {
    while (!o.interrupted.requested && next < items.length && inFlight.length < Math.max(1, o.concurrency)) inFlight.push(launch(next++));
  };
  try {
    fill();
    while (inFlight.length) {
      const row = await inFlight.shift()!;
      if (o.interrupted.requested) break;
      if ('error' in row) {
        failed++;
        o.stderr(`pulso campaign: ${(row as { error: string }).error}\n`);
      }
      const text = `${JSON.stringify(row)}\n`;
      // One write per whole line: a kill can lose the line being written, never half of another.
      if (fd !== undefined) writeSync(fd, text);
      else await o.stdout(text);
      written++;
      progress.tick();
      // Let a signal in between rows.
      await new Promise((r) => setImmediate(r));
      fill();
    }
  } finally {
    cancel.abort();
    await Promise.allSettled(inFlight);
    if (fd !== undefined) closeSync(fd);
    progress.finish();
  }
  const done = start + written;
  if (done < items.length) {
    o.stderr(`pulso campaign: interrupted after ${done} of ${items.length} rows${o.out ? `; run the same command again to resume from row ${done + 1}` : ''}\n`);
    return 130;
  }
  o.stderr(`pulso campaign: ${items.length} rows (${written} written now${start ? `, ${start} already there` : ''}), ${failed} failed, ${Math.round(progress.rate())} rows/s\n`);
  return failed ? 1 : 0;
}

/** The admin's templates from a JSON file, validated, or the reason they are refused. */
export function loadCampaignTemplates(path: string): CampaignTemplates {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CampaignCommandError(`cannot read the templates ${path}: ${(err as Error).message}`);
  }
  const parsed = CampaignTemplatesSchema.safeParse(raw);
  if (!parsed.success) throw new CampaignCommandError(`templates ${path}: ${describeZodIssues(parsed.error)}`);
  return parsed.data;
}
