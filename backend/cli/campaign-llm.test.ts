import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignSchema } from '../../lib/contracts';
import { startFakeVllm, type ChatRequestBody, type FakeVllm } from '../testing/fake-vllm';
import { CAMPAIGN_ANSWER } from '../testing/fixtures';
import { runCliInProcess as run } from '../testing/cli-in-process';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'pulso-campaign-llm-'));
let fake: FakeVllm;

/** A Spanish answer naming the company the record in the request names: every output line can be traced to its row. */
function answerFor(body: ChatRequestBody) {
  const user = String(body.messages?.[1]?.content ?? '');
  const company = /"company": "([^"]+)"/.exec(user)?.[1] ?? 'tu empresa';
  return {
    ...CAMPAIGN_ANSWER,
    suggestedProduct: 'Cloud migration',
    subject: `Migración a la nube para ${company}`,
    message: `Hola,\n\nNos contaste que ${company} necesita migrar a la nube con urgencia. Nuestro equipo de migración puede preparar un plan a vuestra medida esta misma semana.\n\n¿Hablamos el jueves?\n\nEquipo Nube Segura IT`,
    html: '',
  };
}

function leadsCsv(n: number): string {
  const rows = ['fullName,jobTitle,company,email,industry,description'];
  for (let i = 1; i <= n; i++) rows.push(`Persona ${i},CTO,Empresa ${String(i).padStart(4, '0')},p${i}@empresa${i}.es,Retail,"Necesitamos migrar a la nube, es urgente (${i})"`);
  return `${rows.join('\n')}\n`;
}

const outLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);

function expectOneToOne(lines: string[], n: number) {
  expect(lines).toHaveLength(n);
  lines.forEach((text, i) => {
    const row = JSON.parse(text) as { line: number; subject: string; source: string };
    expect(row.line).toBe(i + 2);
    expect(row.subject).toBe(`Migración a la nube para Empresa ${String(i + 1).padStart(4, '0')}`);
    expect(row.source).toBe('llm');
  });
  expect(new Set(lines.map((l) => (JSON.parse(l) as { line: number }).line)).size).toBe(n);
}

/** The most requests the test server was decoding at the same time. */
function peakConcurrency(): number {
  const events = fake.chatRequests.flatMap((r) => [
    { at: r.scheduledAt ?? r.at, d: 1 },
    { at: r.finishedAt ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of events) peak = Math.max(peak, (now += e.d));
  return peak;
}

beforeAll(async () => {
  fake = await startFakeVllm({ answer: answerFor, ttftMs: 20, perTokenMs: 0.5 });
});
afterAll(async () => {
  await fake.close();
});

const llmEnv = (extra: Record<string, string> = {}) => ({ LLM_BASE_URL: fake.baseUrl, LLM_RETRY_BACKOFF_MS: '5', ...extra });

describe('pulso campaign with an LLM', () => {
  it('runs several rows at once (never more than LLM_MAX_CONCURRENCY) and still writes them in input order', async () => {
    fake.reset();
    const r = await run(['campaign', '--concurrency', '4'], leadsCsv(24), llmEnv({ LLM_MAX_CONCURRENCY: '4' }));
    expect(r.code).toBe(0);
    expectOneToOne(r.out.split('\n').filter(Boolean), 24);
    expect(CampaignSchema.safeParse(r.lines[0]).success).toBe(true);
    expect(peakConcurrency()).toBeGreaterThan(1);
    expect(peakConcurrency()).toBeLessThanOrEqual(4);
    // Asking for more than the upstream is provisioned for is refused.
    expect((await run(['campaign', '--concurrency', '9'], leadsCsv(1), llmEnv({ LLM_MAX_CONCURRENCY: '4' }))).code).toBe(2);
  });

  it('a row whose model call fails gets the labelled rescue in its place; the others are the model’s', async () => {
    fake.reset();
    fake.setMode('500', { times: 2 }); // the first row's two attempts
    const r = await run(['campaign', '--concurrency', '1'], leadsCsv(3), llmEnv());
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.source)).toEqual(['rules', 'llm', 'llm']);
    expect(r.lines[0]).toMatchObject({ rescue: true, flags: expect.arrayContaining(['rescue:unavailable']) });
    expect(r.err).toMatch(/LLM campaign failed; using the rescue template \(server_error/);
  });

  it('interrupted with rows in flight: only whole rows, in order, are kept (never a cancelled row as a rescue); the rerun completes it exactly', async () => {
    fake.reset();
    const csv = join(dir, 'int.csv');
    writeFileSync(csv, leadsCsv(40));
    const out = join(dir, 'int.jsonl');
    let interrupt: (() => void) | undefined;
    const stderr = new Writable({
      write(chunk, _enc, done) {
        if (/12\/40 rows/.test(String(chunk))) interrupt?.();
        done();
      },
    });
    const code = await main(['campaign', csv, '--out', out, '--concurrency', '6'], {
      stdout: new PassThrough(),
      stderr,
      stdin: Readable.from(['']),
      env: llmEnv(),
      interrupts: (handler) => {
        interrupt = handler;
        return () => (interrupt = undefined);
      },
    });
    expect(code).toBe(130);
    const kept = outLines(out);
    expect(kept).toHaveLength(12);
    expectOneToOne(kept, 12);
    // Rows that were still being written when the run stopped were never written (and not as rescues).
    expect(kept.every((l) => !l.includes('rescue'))).toBe(true);
    const rerun = await run(['campaign', csv, '--out', out, '--concurrency', '6'], '', llmEnv());
    expect(rerun.code).toBe(0);
    expect(rerun.err).toMatch(/resuming: 12 of 40 rows already in/);
    expectOneToOne(outLines(out), 40);
  });
});
