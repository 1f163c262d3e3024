/**
 * Field accuracy of the site readers on the fixture pages, per app and per markup variant.
 *
 *   npx tsx scripts/scrape-accuracy.ts            one line per app and variant
 *   npx tsx scripts/scrape-accuracy.ts --detail   every wrong field
 *
 * Every e2e/fixtures/<crm>/<page>.expected.json names its page's URL and what a reader should
 * return. A record's fields, a list row's fields, a conversation's contact and each message's
 * direction / author / time / text are compared one by one. The total counts every field the page
 * should show plus every field the reader returned that it should not (a value read from a label or
 * a placeholder is wrong, not a bonus); a missing message counts all four of its fields as wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScrapeResult } from '../lib/contracts';
import { scrapePage } from '../lib/sites';
import { documentFromHtml } from '../lib/sites/saved-page';

interface Expected {
  app: string;
  variant: 'current' | 'older';
  url: string;
  kind: 'record' | 'list' | 'conversation';
  fields?: Record<string, unknown>;
  rows?: { recordId: string; fields: Record<string, unknown> }[];
  conversation?: { contact?: Record<string, string>; messages?: Record<string, string>[] };
}

interface Score {
  correct: number;
  total: number;
  wrong: string[];
}

const FIXTURES = fileURLToPath(new URL('../e2e/fixtures/', import.meta.url));

function compareFields(score: Score, where: string, expected: Record<string, unknown>, actual: Record<string, unknown>): void {
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = expected[key];
    const got = actual[key];
    if (want === undefined && (got === undefined || got === '')) continue;
    score.total += 1;
    if (JSON.stringify(want) === JSON.stringify(got)) score.correct += 1;
    else score.wrong.push(`${where} ${key}: expected ${JSON.stringify(want)}, read ${JSON.stringify(got)}`);
  }
}

function scoreCase(expected: Expected, result: ScrapeResult | undefined, score: Score, name: string): void {
  if (expected.fields) compareFields(score, name, expected.fields, (result?.fields ?? {}) as Record<string, unknown>);
  if (expected.rows) {
    const byId = new Map((result?.rows ?? []).map((row) => [row.recordId, row.fields as Record<string, unknown>]));
    for (const row of expected.rows) compareFields(score, `${name} row ${row.recordId}`, row.fields, byId.get(row.recordId) ?? {});
    for (const row of result?.rows ?? []) {
      if (expected.rows.some((want) => want.recordId === row.recordId)) continue;
      compareFields(score, `${name} extra row ${row.recordId}`, {}, row.fields as Record<string, unknown>);
    }
  }
  if (expected.conversation) {
    const conversation = result?.conversation;
    if (expected.conversation.contact) compareFields(score, `${name} contact`, expected.conversation.contact, (conversation?.contact ?? {}) as Record<string, unknown>);
    const want = expected.conversation.messages ?? [];
    const got = conversation?.messages ?? [];
    for (let i = 0; i < Math.max(want.length, got.length); i += 1) {
      compareFields(score, `${name} message ${i + 1}`, want[i] ?? {}, (got[i] ?? {}) as Record<string, unknown>);
    }
  }
}

function main(): void {
  const detail = process.argv.includes('--detail');
  const scores = new Map<string, Score>();
  for (const app of readdirSync(FIXTURES)) {
    let files: string[];
    try {
      files = readdirSync(`${FIXTURES}${app}`).filter((file) => file.endsWith('.expected.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const expected = JSON.parse(readFileSync(`${FIXTURES}${app}/${file}`, 'utf8')) as Expected;
      const html = readFileSync(`${FIXTURES}${app}/${file.replace(/\.expected\.json$/, '.html')}`, 'utf8');
      let result: ScrapeResult | undefined;
      try {
        result = scrapePage(documentFromHtml(html), expected.url);
      } catch (err) {
        console.error(`${app}/${file}: ${(err as Error).message}`);
      }
      const key = `${expected.app} ${expected.variant}`;
      const score = scores.get(key) ?? { correct: 0, total: 0, wrong: [] };
      scoreCase(expected, result, score, `${app}/${file.replace(/\.expected\.json$/, '')}`);
      scores.set(key, score);
    }
  }
  for (const [key, score] of [...scores].sort(([a], [b]) => a.localeCompare(b))) {
    const percent = score.total === 0 ? 100 : (100 * score.correct) / score.total;
    console.log(`${key.padEnd(20)} ${percent.toFixed(1).padStart(5)} %  (${score.correct}/${score.total} fields)`);
    if (detail) for (const line of score.wrong) console.log(`  ${line}`);
  }
}

main();
