import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_SEGMENTS, CampaignSchema } from '../../lib/contracts';
import { runCliInProcess as run } from '../testing/cli-in-process';
import { main } from './main';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/pulso.js');
const dir = mkdtempSync(join(tmpdir(), 'pulso-campaign-'));

/** A CSV of `n` leads, each naming its own company ("Empresa 0007") so every output can be traced to its row. */
function leadsCsv(n: number): string {
  const rows = ['fullName,jobTitle,company,email,industry,description'];
  for (let i = 1; i <= n; i++) {
    rows.push(`Persona ${i},CTO,Empresa ${String(i).padStart(4, '0')},p${i}@empresa${i}.es,Retail,"Necesitamos migrar a la nube, es urgente (${i})"`);
  }
  return `${rows.join('\n')}\n`;
}

const outLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);

/** Every output line answers its CSV row (row i is line i + 1, after the header) and names its company; none twice. */
function expectOneToOne(lines: string[], n: number) {
  expect(lines).toHaveLength(n);
  const seen = new Set<number>();
  lines.forEach((text, i) => {
    const row = JSON.parse(text) as { line: number; subject: string };
    expect(row.line).toBe(i + 2);
    expect(row.subject).toContain(`Empresa ${String(i + 1).padStart(4, '0')}`);
    seen.add(row.line);
  });
  expect(seen.size).toBe(n);
}

describe('pulso campaign (in-process)', () => {
  it('one Campaign line per input row, in order, with its line; Lead lines, lines with context, bad lines in place', async () => {
    const input = [
      JSON.stringify({ fullName: 'Ana Ruiz', company: 'Talleres Ruiz', description: 'Necesitamos copias de seguridad urgentes' }),
      '',
      'not json',
      JSON.stringify({ lead: { fullName: 'John Carter', company: 'Northwind', description: 'Moving to the cloud' }, context: { dealStage: 'Closed lost', timeline: [{ kind: 'call', text: 'Discussed migration' }] } }),
      JSON.stringify({ jobTitle: 'CTO' }),
    ].join('\n');
    const r = await run(['campaign'], input);
    expect(r.code).toBe(1);
    const lines = r.lines;
    expect(lines.map((l) => l.line)).toEqual([1, 3, 4, 5]);
    expect(CampaignSchema.safeParse(lines[0]).success).toBe(true);
    expect(lines[1]).toEqual({ error: expect.stringMatching(/^line 3: malformed JSON/), line: 3 });
    expect(lines[2]).toMatchObject({ segment: 'win_back', language: 'en' });
    expect(lines[3]).toEqual({ error: expect.stringMatching(/^line 5: .*at least one of fullName, email, company/), line: 5 });
    expect(r.err).toMatch(/4 rows \(4 written now\), 2 failed/);
  });

  it('reads a CSV export and shows progress with an ETA on stderr', async () => {
    const r = await run(['campaign'], leadsCsv(30));
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(30);
    expect(r.err).toMatch(/pulso campaign: 3\/30 rows \(10%\), [\d.]+ rows\/s, ETA \d+:\d\d/);
    expect(r.err).toMatch(/pulso campaign: 30\/30 rows \(100%\)/);
  });

  it('--out resumes after a torn last line (a kill mid-write): that row is redone, none duplicated, none skipped', async () => {
    const csv = join(dir, 'torn.csv');
    writeFileSync(csv, leadsCsv(40));
    const full = join(dir, 'torn-full.jsonl');
    expect((await run(['campaign', csv, '--out', full])).code).toBe(0);
    const complete = readFileSync(full, 'utf8');
    const cut = complete.split('\n').slice(0, 17).join('\n').length + 1 + 50; // 17 whole lines and 50 bytes of the 18th
    const partial = join(dir, 'torn-partial.jsonl');
    writeFileSync(partial, complete.slice(0, cut));
    const r = await run(['campaign', csv, '--out', partial]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/resuming: 17 of 40 rows already in/);
    expect(readFileSync(partial, 'utf8')).toBe(complete);
    expectOneToOne(outLines(partial), 40);
  });

  it('Ctrl-C stops between rows (exit 130, says how to resume); running again finishes the rest', async () => {
    const csv = join(dir, 'int.csv');
    writeFileSync(csv, leadsCsv(50));
    const out = join(dir, 'int.jsonl');
    let interrupt: (() => void) | undefined;
    let err = '';
    const stderr = new Writable({
      write(chunk, _enc, done) {
        err += chunk;
        if (/10\/50 rows/.test(String(chunk))) interrupt?.(); // the user presses Ctrl-C when a fifth is done
        done();
      },
    });
    const code = await main(['campaign', csv, '--out', out], {
      stdout: new PassThrough(),
      stderr,
      stdin: Readable.from(['']),
      env: {},
      interrupts: (handler) => {
        interrupt = handler;
        return () => (interrupt = undefined);
      },
    });
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted after 10 of 50 rows; run the same command again to resume from row 11/);
    expect(outLines(out)).toHaveLength(10);
    expect((await run(['campaign', csv, '--out', out])).code).toBe(0);
    expectOneToOne(outLines(out), 50);
  });

  it("refuses to resume into another input's output, and leaves it alone", async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, leadsCsv(5));
    writeFileSync(b, `${leadsCsv(5).split('\n').slice(0, 3).join('\n')}\n\n\n${leadsCsv(5).split('\n').slice(3).join('\n')}`);
    const out = join(dir, 'ab.jsonl');
    await run(['campaign', a, '--out', out]);
    const before = readFileSync(out, 'utf8');
    const r = await run(['campaign', b, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 3 answers input line 4, but this input's row 3 is line 6: it is another input's output/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect((await run(['campaign', a, '--out', a])).err).toMatch(/--out must not be the input file/);
  });

  it("--templates: the admin's templates are used; a bad file is refused naming the problem", async () => {
    const good = join(dir, 'templates.json');
    // The same template for every segment, so the test does not depend on how the rules classify the lead.
    const mine = { subject: 'Para {company}', preheader: '', body: '{greeting}\n\n{product}.\n\n{signature}', callToAction: 'Hablemos' };
    writeFileSync(good, JSON.stringify({ segments: Object.fromEntries(CAMPAIGN_SEGMENTS.map((segment) => [segment, { es: mine }])) }));
    const r = await run(['campaign', '--templates', good], leadsCsv(1));
    expect(r.lines[0]).toMatchObject({ subject: 'Para Empresa 0001', message: 'Hola Persona,\n\nCloud migration.\n\nEquipo Nube Segura IT' });
    const bad = join(dir, 'bad-templates.json');
    writeFileSync(bad, JSON.stringify({ segments: { hot: { es: { subject: 'Hola {nombre}', preheader: '', body: 'x', callToAction: 'y' } } } }));
    const refused = await run(['campaign', '--templates', bad], leadsCsv(1));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/unknown slot \{nombre\}/);
    expect((await run(['campaign', '--rate', '0'], '')).code).toBe(2);
  });
});

/** Runs `node bin/pulso.js …` as a real child process. */
function spawnPulso(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of ['LLM_BASE_URL', 'PULSO_PROFILE']) delete env[key];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolveExit) => child.on('close', (code, signal) => resolveExit(code ?? (signal ? -1 : null))));
  return { child, exited, stderr: () => stderr };
}

/** Waits until the output file holds at least `n` lines (the state, not a guessed time); fails if the child ended first. */
async function untilLines(path: string, n: number, exited: Promise<unknown>) {
  let ended = false;
  void exited.then(() => (ended = true));
  for (let i = 0; i < 6_000; i++) {
    if (outLines(path).length >= n) return;
    if (ended) throw new Error(`the child ended before writing ${n} lines`);
    await sleep(10);
  }
  throw new Error(`no ${n} lines after a minute`);
}

/** A 200-row CSV run with --out as a child process, slowed by --rate so it can be caught mid-way, once it has written `atLeast` lines. */
async function startAndCatch(name: string, atLeast: number) {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, leadsCsv(200));
  const out = join(dir, `${name}.jsonl`);
  const first = spawnPulso(['campaign', csv, '--out', out, '--rate', '100']);
  await untilLines(out, atLeast, first.exited);
  return { csv, out, first };
}

describe('pulso campaign --out, killed for real', () => {
  it('a 200-row CSV: kill -9 mid-run, run again: the output matches the input one to one, zero duplicates', async () => {
    const { csv, out, first } = await startAndCatch('kill9', 30);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(-1);
    const before = outLines(out).length;
    expect(before).toBeGreaterThanOrEqual(30);
    expect(before).toBeLessThan(200);
    const second = spawnPulso(['campaign', csv, '--out', out]);
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toMatch(new RegExp(`resuming: ${before} of 200 rows already in`));
    expect(second.stderr()).toMatch(new RegExp(`200 rows \\(${200 - before} written now, ${before} already there\\), 0 failed`));
    expectOneToOne(outLines(out), 200);
  }, 120_000);

  it('Ctrl-C (SIGINT) on the real process: exit 130 after a whole row, then the rerun completes it', async () => {
    const { csv, out, first } = await startAndCatch('sigint', 20);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(130);
    const before = outLines(out).length;
    expect(first.stderr()).toMatch(new RegExp(`interrupted after ${before} of 200 rows; run the same command again to resume from row ${before + 1}`));
    expect(readFileSync(out, 'utf8').endsWith('\n')).toBe(true);
    expect(await spawnPulso(['campaign', csv, '--out', out]).exited).toBe(0);
    expectOneToOne(outLines(out), 200);
  }, 120_000);
});
