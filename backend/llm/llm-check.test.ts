import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_BUDGET, TRIAGE_BUDGET, draftBudget } from '../../lib/llm/output-budget';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { startFakeVllm, type FakeVllm } from '../testing/fake-vllm';
import { answerForTask } from '../testing/fixtures';
import type { CheckReport } from './llm-check';

/**
 * Runs `npm run llm:check -- …` as a deployer would (`viaNpm`), or the same script without npm's
 * start-up (the later runs: the npm script itself is already proven), and collects its output.
 */
function llmCheck(args: string[], viaNpm = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [command, argv] = viaNpm ? ['npm', ['run', '--silent', 'llm:check', '--', ...args]] : [process.execPath, ['--import', 'tsx', 'backend/llm/llm-check.ts', ...args]];
    const child = spawn(command, argv as string[], { cwd: process.cwd(), env: { ...process.env, LLM_API_KEY: 'sk-check' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// `npm run llm:check` against the realistic test server, in CI: the deployer's GPU check cannot rot.
describe('npm run llm:check against the test server', () => {
  let fake: FakeVllm;
  beforeAll(async () => {
    // 2 decode slots and room for 1 waiting: the burst of 2 × 2 overflows it like --max-num-queued-reqs would.
    fake = await startFakeVllm({ answer: answerForTask, ttftMs: 5, perTokenMs: 0.5, maxNumSeqs: 2, maxNumQueuedReqs: 3, retryAfterSeconds: 1 });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('prints the report: every task answered from content within its cap, the prefix cache hit, the burst at 2× the cap', async () => {
    const run = await llmCheck(['--base-url', fake.url, '--concurrency', '2'], true);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`llm:check ${fake.baseUrl} — model openai/gpt-oss-20b (max_model_len 131072), reasoning_effort low`);
    expect(out).toMatch(new RegExp(`^  lead .* stop +\\d+/${LEAD_BUDGET.maxTokens}  ok$`, 'm'));
    expect(out).toMatch(new RegExp(`^  triage .* stop +\\d+/${TRIAGE_BUDGET.maxTokens}  ok$`, 'm'));
    expect(out).toMatch(new RegExp(`^  draft .* stop +\\d+/${draftBudget(DEMO_PROFILE.replyPolicy.maxWords).maxTokens}  ok$`, 'm'));
    expect(out).toMatch(/prefix cache: [1-9]\d* of \d+ prompt tokens cached on the second lead/);
    expect(out).toMatch(/decode at concurrency 1: \d+\.\d ms per output token/);
    expect(out).toMatch(/4 concurrent leads \(2× the cap\): /);
    expect(out).toContain('verdict: OK');
    // what the server saw: Pulso's real requests, each with its output cap and the key
    const chats = fake.chatRequests;
    expect(chats.length).toBe(3 + 1 + 4);
    expect(chats.every((r) => typeof r.body?.max_tokens === 'number' && r.body.reasoning_effort === 'low' && r.body.stream === true)).toBe(true);
    expect(chats.every((r) => r.headers.authorization === 'Bearer sk-check')).toBe(true);
  }, 60_000);

  it('--json: the burst got 200s or the queue\'s 503s, nothing else; a broken model fails the check (exit 1)', async () => {
    fake.reset();
    const run = await llmCheck(['--base-url', fake.baseUrl, '--concurrency', '2', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckReport;
    expect(Object.keys(report.burst.statuses).every((s) => s === '200' || s === '503')).toBe(true);
    expect(Object.values(report.burst.statuses).reduce((a, b) => a + b, 0)).toBe(4);
    expect(report.tasks.map((t) => [t.task, t.finishReason, t.failure])).toEqual([
      ['lead', 'stop', undefined],
      ['triage', 'stop', undefined],
      ['draft', 'stop', undefined],
    ]);

    fake.setMode('reasoning_only');
    const broken = await llmCheck(['--base-url', fake.baseUrl, '--concurrency', '1']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^  lead .*FAIL empty_content$/m);
    expect(broken.stdout).toContain('verdict: FAIL');
  }, 60_000);
});
