import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../config';

/**
 * compose.yaml checked with Compose itself (`docker compose config`, or Debian's
 * `docker-compose` v1 where the v2 plugin is absent: scripts/ensure-test-tools.sh). No Docker
 * engine runs here: `config` only parses, interpolates and validates the file.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPOSE_FILE = join(ROOT, 'compose.yaml');

let command: string[] | undefined;
function composeCommand(): string[] {
  if (command) return command;
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) command = ['docker', 'compose'];
  else if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) command = ['docker-compose'];
  else throw new Error('neither `docker compose` nor `docker-compose` is installed: run `bash scripts/ensure-test-tools.sh`');
  return command;
}
// Compose v1 is a Python program: a second or more per run on a busy machine.
const COMPOSE_TIMEOUT = 120_000;

const SECRETS = {
  PULSO_TEAM_TOKENS: 'rep-token-aaaaaaaaaaaaaaaa,rep-token-bbbbbbbbbbbbbbbb',
  PULSO_ADMIN_TOKEN: 'admin-token-cccccccccccccccc',
  PULSO_ALLOWED_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  POSTGRES_PASSWORD: 'pg-password-dddddddddddd',
  LLM_API_KEY: 'vllm-key-eeeeeeeeeeeeeeee',
};

/** `compose config` with exactly `env` (an empty env file: a developer's .env must not fill the gaps). */
function composeConfig(env: Record<string, string>) {
  const [cmd, ...args] = composeCommand();
  const emptyEnvFile = join(mkdtempSync(join(tmpdir(), 'pulso-compose-')), 'empty.env');
  writeFileSync(emptyEnvFile, '');
  const result = spawnSync(cmd!, [...args, '--env-file', emptyEnvFile, '-f', COMPOSE_FILE, 'config'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Service = {
  image?: string;
  ports?: (string | { host_ip?: string; published?: string | number; target?: number })[];
  networks?: Record<string, unknown> | string[];
  environment?: Record<string, string>;
  command?: string[] | string;
};
type Resolved = { services: Record<string, Service>; networks: Record<string, { internal?: boolean } | null> };

/** "127.0.0.1:8787:8787/tcp" (v1) or { host_ip, published, target } (v2) → "127.0.0.1:8787". */
function published(port: NonNullable<Service['ports']>[number]): string {
  if (typeof port === 'string') return port.replace(/:\d+(\/tcp)?$/, '');
  return `${port.host_ip ?? '0.0.0.0'}:${port.published}`;
}
const networksOf = (s: Service) => (Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? {})).sort();
const flag = (s: Service, name: string) => {
  const args = Array.isArray(s.command) ? s.command : String(s.command ?? '').split(/\s+/);
  const hit = args.find((a) => a.startsWith(`${name}=`));
  return hit?.slice(name.length + 1);
};

describe('compose.yaml (validated by `compose config`, no Docker engine)', () => {
  it.each(Object.keys(SECRETS))(
    'refuses to start with %s empty, and says which',
    (name) => {
      const result = composeConfig({ ...SECRETS, [name]: '' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`set ${name}`);
    },
    COMPOSE_TIMEOUT,
  );

  it(
    'refuses to start with a secret unset, and says which',
    () => {
      const { PULSO_TEAM_TOKENS: _unset, ...rest } = SECRETS;
      const result = composeConfig(rest);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('set PULSO_TEAM_TOKENS');
    },
    COMPOSE_TIMEOUT,
  );

  it('with every secret given: valid, backend published on loopback only, PostgreSQL and vLLM unreachable from outside', () => {
    const result = composeConfig(SECRETS);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const { services, networks } = parse(result.stdout) as Resolved;
    expect(Object.keys(services).sort()).toEqual(['backend', 'postgres', 'vllm']);
    const { backend, postgres, vllm } = services as Record<'backend' | 'postgres' | 'vllm', Service>;

    expect(backend.ports?.map(published)).toEqual(['127.0.0.1:8787']);
    expect(postgres.ports ?? []).toEqual([]);
    expect(vllm.ports ?? []).toEqual([]);
    expect(networks.internal?.internal).toBe(true);
    expect(networksOf(postgres)).toEqual(['internal']);
    expect(networksOf(backend)).toEqual(['edge', 'internal']);
    // vLLM shares no network with the published port; `egress` is outbound only (model download).
    expect(networksOf(vllm)).toEqual(['egress', 'internal']);
    expect(networksOf(backend)).not.toContain('egress');

    // The pinned vLLM, its key shared with the backend, and the backend's cap within its batch.
    expect(vllm.image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
    expect(vllm.environment?.VLLM_API_KEY).toBe(SECRETS.LLM_API_KEY);
    expect(backend.environment?.LLM_API_KEY).toBe(SECRETS.LLM_API_KEY);
    expect(flag(vllm, '--model')).toBe('openai/gpt-oss-20b');
    expect(Number(backend.environment?.LLM_MAX_CONCURRENCY)).toBeLessThanOrEqual(Number(flag(vllm, '--max-num-seqs')));
    expect(vllm.environment?.VLLM_SYSTEM_START_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, COMPOSE_TIMEOUT);

  it('the backend it describes is configured safely: real tokens, pinned CORS, the shared PostgreSQL, the internal vLLM', () => {
    const { services } = parse(composeConfig(SECRETS).stdout) as Resolved;
    const config = loadConfig(services.backend!.environment!);
    expect(config.teamTokens).toEqual(SECRETS.PULSO_TEAM_TOKENS.split(','));
    expect(config.adminToken).toBe(SECRETS.PULSO_ADMIN_TOKEN);
    expect(config.allowedOrigins).toEqual([SECRETS.PULSO_ALLOWED_ORIGINS]);
    expect(config.allowedOrigins).not.toContain('*');
    expect(new URL(config.databaseUrl!).host).toBe('postgres:5432');
    expect(new URL(config.llm!.baseUrl).hostname).toBe('vllm');
    expect(config.llm!.apiKey).toBe(SECRETS.LLM_API_KEY);
    expect(config.auditLog).toBe(false);
  }, COMPOSE_TIMEOUT);

  it('publishing beyond loopback is a deliberate setting', () => {
    const { services } = parse(composeConfig({ ...SECRETS, PULSO_PUBLISH: '0.0.0.0:443' }).stdout) as Resolved;
    expect(services.backend!.ports?.map(published)).toEqual(['0.0.0.0:443']);
  }, COMPOSE_TIMEOUT);

  it('the image keeps the embedded store on a volume the unprivileged user writes', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ENV .*PULSO_DATA_DIR=\/data/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]/m);
    expect(dockerfile).toMatch(/^RUN .*chown node:node \/data/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
