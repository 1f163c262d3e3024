import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LeadClassificationSchema, ScrapeResultSchema } from '../../lib/contracts';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { MQL_ANSWER } from '../testing/fixtures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/pulso.js');
const FIXTURE_101 = join(ROOT, 'e2e/fixtures/hubspot/contact-101.html');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: unknown[];
}

/** Runs `node bin/pulso.js …` from a temp cwd (the launcher must work from anywhere). */
function pulso(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, ...options.env };
    for (const key of ['LLM_BASE_URL', 'PULSO_PROFILE', 'PORT']) if (!options.env?.[key]) delete env[key];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        code,
        stdout,
        stderr,
        lines: stdout
          .split('\n')
          .filter(Boolean)
          .map((l): unknown => {
            try {
              return JSON.parse(l);
            } catch {
              return l;
            }
          }),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}

let dir: string;
let fake: FakeVllm;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pulso-cli-'));
  fake = await startFakeVllm({ answer: MQL_ANSWER });
});
afterAll(async () => {
  await fake.close();
});

const GOOD_A = { fullName: 'Jane Doe', jobTitle: 'CTO', company: 'Acme Logistics', email: 'jane@acmelogistics.com', description: 'We need cloud migration urgently.' };
const GOOD_B = { fullName: 'Lucía Gómez', jobTitle: 'Directora de sistemas', company: 'Norte SA', email: 'lucia@norte.es', companySize: 300 };

describe('pulso CLI', () => {
  it('--help prints the usage (exit 0); an unknown command prints it on stderr (exit 2)', async () => {
    const help = await pulso(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/usage: pulso/);
    expect(help.stdout).toMatch(/classify/);
    const unknown = await pulso(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command: frobnicate/);
    expect(unknown.stderr).toMatch(/usage: pulso/);
  });

  it('classify JSON lines from a file: one output line per input, in order; bad lines named, exit 1', async () => {
    const file = join(dir, 'leads.jsonl');
    writeFileSync(file, [JSON.stringify(GOOD_A), '{"fullName": "broken"', '', JSON.stringify({ fullName: 'X', email: 42 }), JSON.stringify(GOOD_B)].join('\n') + '\n');
    const run = await pulso(['classify', file]);
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(4);
    const [a, bad1, bad2, b] = run.lines as Record<string, unknown>[];
    expect(LeadClassificationSchema.parse(a).source).toBe('rules');
    expect(bad1).toMatchObject({ line: 2 });
    expect(String(bad1!.error)).toMatch(/^line 2: malformed JSON/);
    expect(bad2).toEqual({ error: 'line 4: email: Invalid input: expected string, received number', line: 4 });
    expect(LeadClassificationSchema.parse(b).source).toBe('rules');
    expect(run.stderr).toMatch(/line 2/);
    expect(run.stderr).toMatch(/line 4: email/);
  });

  it('classify from stdin, all good → exit 0', async () => {
    const run = await pulso(['classify'], { input: `${JSON.stringify(GOOD_A)}\n${JSON.stringify(GOOD_B)}\n` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => LeadClassificationSchema.parse(l).source)).toEqual(['rules', 'rules']);
  });

  it('classify a CSV (quoted commas and newlines), by extension and by content on stdin', async () => {
    const csv = 'fullName,company,email,description,companySize\n' + '"Doe, Jane",Acme Logistics,jane@acmelogistics.com,"We need, urgently,\ncloud migration",800\n' + 'Bob,,,,\n' + ',,,only a description,\n';
    const file = join(dir, 'leads.csv');
    writeFileSync(file, csv);
    for (const run of [await pulso(['classify', file]), await pulso(['classify'], { input: csv })]) {
      expect(run.code).toBe(1);
      expect(run.lines).toHaveLength(3);
      expect(LeadClassificationSchema.safeParse(run.lines[0]).success).toBe(true);
      expect(LeadClassificationSchema.safeParse(run.lines[1]).success).toBe(true);
      expect(run.lines[2]).toMatchObject({ line: 5 }); // the quoted newline makes row 3 start on line 5
      expect(run.stderr).toMatch(/line 5: fullName: a lead needs/);
    }
  });

  it('classify --profile PROFILE.json uses that profile (its SLA hours)', async () => {
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, JSON.stringify({ name: 'Slow Co', slaHours: { P1: 11, P2: 22, P3: 33, P4: 44 } }));
    const run = await pulso(['classify', '--profile', profile], { input: JSON.stringify(GOOD_A) });
    expect(run.code).toBe(0);
    expect([11, 22, 33, 44]).toContain(LeadClassificationSchema.parse(run.lines[0]).slaHours);
    const bad = await pulso(['classify', '--profile', join(dir, 'missing.json')], { input: JSON.stringify(GOOD_A) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot read/);
  });

  it('classify uses the LLM when LLM_BASE_URL is set, and falls back to the rules when it fails', async () => {
    fake.reset();
    const run = await pulso(['classify'], { input: `${JSON.stringify(GOOD_A)}\n${JSON.stringify(GOOD_B)}\n`, env: { LLM_BASE_URL: fake.baseUrl } });
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => LeadClassificationSchema.parse(l).source)).toEqual(['llm', 'llm']);
    expect(fake.chatRequests).toHaveLength(2);

    fake.setMode('429');
    const down = await pulso(['classify'], { input: JSON.stringify(GOOD_A), env: { LLM_BASE_URL: fake.baseUrl } });
    expect(down.code).toBe(0);
    expect(LeadClassificationSchema.parse(down.lines[0]).source).toBe('rules');
    expect(down.stderr).toMatch(/rate_limited/);
    fake.reset();
  });

  it('a bad environment is a clear error', async () => {
    const run = await pulso(['classify'], { input: JSON.stringify(GOOD_A), env: { LLM_BASE_URL: 'nope' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/LLM_BASE_URL/);
  });

  it('scrape --url URL FILE.html → one ScrapeResult for the saved HubSpot contact page', async () => {
    expect(existsSync(FIXTURE_101), `fixture ${FIXTURE_101} must exist`).toBe(true);
    const run = await pulso(['scrape', '--url', 'https://app.hubspot.com/contacts/12345678/record/0-1/101', FIXTURE_101]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    const result = ScrapeResultSchema.parse(run.lines[0]);
    expect(result).toMatchObject({ crm: 'hubspot', kind: 'record', recordId: '101' });
    expect(result.fields.fullName).toBeTruthy();
  });

  it('scrape: an unsupported URL → exit 1 with a message; a missing --url → usage', async () => {
    const run = await pulso(['scrape', '--url', 'https://example.com/', FIXTURE_101]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pulso scrape/);
    expect(run.stdout).toBe('');
    const usage = await pulso(['scrape', FIXTURE_101]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--url URL is required/);
  });

  it('serve starts the backend on PORT', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = String((probe.address() as AddressInfo).port);
    await new Promise<void>((r) => probe.close(() => r()));
    const env: Record<string, string | undefined> = { ...process.env, PORT: port, LOG_LEVEL: 'warn' };
    delete env.LLM_BASE_URL;
    const child = spawn(process.execPath, [BIN, 'serve'], { cwd: tmpdir(), env, stdio: 'ignore' });
    try {
      // Polls until the server answers (it is starting in another process), then checks what it says.
      const health = await vi.waitFor(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json()), { timeout: 50_000, interval: 100 });
      expect(health).toMatchObject({ ok: true, mode: 'rules' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
