import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { buildServer, startServer } from './server';
import { testConfig } from './testing/helpers';

// Issue 9, "open by default": no open bind beyond this machine (CORS pinning: server.test.ts).

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('the server refuses an open bind', () => {
  for (const host of ['0.0.0.0', '::', '192.0.2.10']) {
    it(`HOST=${host} without tokens → a ConfigError that says what to set`, async () => {
      const start = startServer(testConfig({ HOST: host, PORT: '0' }));
      await expect(start).rejects.toBeInstanceOf(ConfigError);
      await expect(start).rejects.toThrow(/PULSO_TEAM_TOKENS/);
    });
  }

  it('HOST=0.0.0.0 with a team token starts', async () => {
    const app = await startServer(testConfig({ HOST: '0.0.0.0', PORT: '0', PULSO_TEAM_TOKENS: 'rep' }));
    apps.push(app);
    expect(app.server.listening).toBe(true);
  });

  for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
    it(`loopback HOST=${host} without tokens starts (this machine only)`, async () => {
      const app = await startServer(testConfig({ HOST: host, PORT: '0' }));
      apps.push(app);
      expect(app.server.listening).toBe(true);
    });
  }
});
