import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../lib/profile/demo-profile';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the CONTRACTS.md defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8787);
    expect(c.host).toBe('127.0.0.1');
    expect(c.llm).toBeUndefined();
    expect(c.llmModel).toBe('openai/gpt-oss-20b');
    expect(c.teamTokens).toEqual([]);
    expect(c.adminToken).toBeUndefined();
    expect(c.allowedOrigins).toEqual([]);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.profile).toEqual(DEMO_PROFILE);
    expect(c.profileSource).toBe('demo');
  });

  it('parses every variable', () => {
    const c = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      LLM_BASE_URL: 'http://gpu:8000/v1',
      LLM_MODEL: 'acme/lead-ft',
      LLM_API_KEY: 'k',
      LLM_TIMEOUT_MS: '2500',
      PULSO_TEAM_TOKENS: ' a, b ,,c ',
      PULSO_ADMIN_TOKEN: 'adm',
      PULSO_ALLOWED_ORIGINS: 'https://app.hubspot.com,https://x.lightning.force.com',
      DATABASE_URL: 'postgres://u:p@db:5432/pulso',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      llm: { baseUrl: 'http://gpu:8000/v1', model: 'acme/lead-ft', apiKey: 'k', timeoutMs: 2500 },
      teamTokens: ['a', 'b', 'c'],
      adminToken: 'adm',
      allowedOrigins: ['https://app.hubspot.com', 'https://x.lightning.force.com'],
      databaseUrl: 'postgres://u:p@db:5432/pulso',
    });
  });

  it('treats empty variables as unset and appends /v1 to a bare LLM host', () => {
    expect(loadConfig({ PORT: '', LLM_BASE_URL: '' }).port).toBe(8787);
    expect(loadConfig({ LLM_BASE_URL: '' }).llm).toBeUndefined();
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:8000' }).llm?.baseUrl).toBe('http://127.0.0.1:8000/v1');
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:8000/v1/' }).llm?.baseUrl).toBe('http://127.0.0.1:8000/v1');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LLM_BASE_URL: 'not a url' }, /LLM_BASE_URL/],
    [{ LLM_BASE_URL: 'ftp://gpu/v1' }, /LLM_BASE_URL/],
    [{ LLM_TIMEOUT_MS: '-5' }, /LLM_TIMEOUT_MS/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    // gpt-oss cannot stop reasoning: "none" used to omit the field, which means medium, not less.
    [{ LLM_REASONING_EFFORT: 'none' }, /LLM_REASONING_EFFORT: gpt-oss always reasons.*use low/],
    [{ LLM_MS_PER_OUTPUT_TOKEN: '0' }, /LLM_MS_PER_OUTPUT_TOKEN/],
  ])('a bad value is a clear error naming the variable: %o', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });

  it('loads PULSO_PROFILE and reports a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulso-config-'));
    const good = join(dir, 'profile.json');
    writeFileSync(good, JSON.stringify({ name: 'Acme', services: ['Widgets'], slaHours: { P1: 2, P2: 8, P3: 48, P4: 96 } }));
    const c = loadConfig({ PULSO_PROFILE: good });
    expect(c.profile.name).toBe('Acme');
    expect(c.profile.slaHours.P2).toBe(8);
    expect(c.profileSource).toBe(good);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: '', services: 'x' }));
    expect(() => loadConfig({ PULSO_PROFILE: bad })).toThrow(/PULSO_PROFILE: .*profile\.(name|services)/);
    writeFileSync(bad, '{nope');
    expect(() => loadConfig({ PULSO_PROFILE: bad })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ PULSO_PROFILE: join(dir, 'missing.json') })).toThrow(/cannot read/);
  });
});
