/**
 * `pulso scrape --explain`: what a scrape read and which selector (or label) found each field,
 * as text for the person fixing a broken page. Pure formatting over a ScrapeResult and the
 * ScrapeTrace of the same scrape.
 */
import { LEAD_FIELDS, type ScrapeResult } from '../contracts';
import type { FieldExplanation, ScrapeTrace, SelectorHit } from './query';

const WIDTH = 14;

/** Each selector once, in first-use order: "HIGHLIGHT_NAME[1] [data-test-id=…]" (×3 when used three times). */
function describeHits(hits: readonly SelectorHit[]): string[] {
  const counts = new Map<string, number>();
  for (const { key, index, selector } of hits) {
    const line = `${key}[${index}] ${selector}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
}

function sources(explanation: FieldExplanation | undefined): string[] {
  if (!explanation) return [];
  const lines = describeHits(explanation.hits).map((line) => `← ${line}`);
  for (const label of new Set(explanation.labels)) lines.push(`← label "${label}"`);
  for (const note of explanation.notes) lines.push(`  ${note}`);
  return lines;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

function block(name: string, value: string, lines: readonly string[]): string[] {
  const out = [`${name.padEnd(WIDTH)}${value}`];
  for (const line of lines) out.push(`${''.padEnd(WIDTH)}${line}`);
  return out;
}

export function explainScrape(result: ScrapeResult, trace: ScrapeTrace, selectorsVersion: string): string {
  const out: string[] = [];
  out.push(`${result.crm} ${result.kind} ${result.recordType}${result.recordId ? ` ${result.recordId}` : ''} — ${result.url}`);
  out.push(`selectors: ${selectorsVersion}`);
  if (result.unrecognised) out.push(`unrecognised: ${result.unrecognised}`);
  out.push('');
  if (result.kind === 'list') {
    out.push(`rows          ${result.rows.length}`);
    for (const row of result.rows.slice(0, 3)) out.push(`${''.padEnd(WIDTH)}${row.recordId}: ${show(row.fields)}`);
    if (result.rows.length > 3) out.push(`${''.padEnd(WIDTH)}…`);
  } else {
    for (const field of LEAD_FIELDS) {
      const value = result.fields[field];
      out.push(...block(field, value === undefined ? '(missing)' : show(value), sources(trace.fields.get(field))));
    }
  }
  if (result.conversation) {
    const { contact, messages } = result.conversation;
    out.push(...block('contact', show(contact), []));
    out.push(...block('messages', String(messages.length), sources(trace.fields.get('messages'))));
  }
  const page = describeHits(trace.page).map((line) => `← ${line}`);
  if (page.length > 0) out.push('', ...block('page', page[0]!, page.slice(1)));
  return `${out.join('\n')}\n`;
}
