import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LeadClassificationSchema } from '../lib/contracts';

/**
 * The source's own demo, end to end through the command line (issue 14, "Done when"):
 * `echo '<demo lead>' | npx pulso classify --profile eval/profiles/sasnw-demo.json` → SQL, P1,
 * "Respaldo de datos" among the matched services. The profile's services are written
 * "Name: description" and its audience is prose only, as the source gives them.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROFILE = join(ROOT, 'eval/profiles/sasnw-demo.json');
const DEMO_LEAD = readFileSync(join(ROOT, 'eval/profiles/sasnw-demo-lead.json'), 'utf8').trim();

function classifyWithCli(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const env = { ...process.env };
    delete env.LLM_BASE_URL;
    delete env.PULSO_PROFILE;
    const child = spawn(process.execPath, [join(ROOT, 'bin/pulso.js'), 'classify', '--profile', PROFILE], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(`${input}\n`);
  });
}

describe('the source demo: SASNW profile + the CTO who urgently needs better backups', () => {
  it('pulso classify gives SQL, P1 and "Respaldo de datos", from the rules, with the evidence quoted', async () => {
    const run = await classifyWithCli(DEMO_LEAD);
    expect(run.code, run.stderr).toBe(0);
    const result = LeadClassificationSchema.parse(JSON.parse(run.stdout.trim().split('\n')[0]!));
    expect(result).toMatchObject({ stage: 'SQL', priority: 'P1', source: 'rules' });
    expect(result.matchedServices).toContain('Respaldo de datos');
    expect(result.contact).toMatchObject({ seniority: 'C_LEVEL', decisionPower: 'HIGH', emailType: 'CORPORATE' });
    expect(result.rationale).toMatch(/urgentemente/);
    expect(result.rationale).not.toMatch(/ningún servicio coincide|cualquier sector/);
  }, 30_000);
});
