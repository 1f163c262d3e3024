import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildServer } from '../../backend/server';
import { testConfig } from '../../backend/testing/helpers';
import { profileVersion } from '../cache-key';
import { ConnectionSchema, type ConnectionInput } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { readProfile, readTeamProfile, writeProfile } from '../profile/stored';
import { checkConnection } from './connection-check';
import { publishTeamProfile, pullTeamProfile } from './team-profile';
import { injectFetch } from './test-backend';

let app: FastifyInstance;
// The backend served in-process: fetch goes to app.inject, so no port is opened.
const backendFetch: typeof fetch = (input, init) => injectFetch(app)(input, init);

beforeEach(async () => {
  fakeBrowser.reset();
  app = await buildServer(testConfig({ PULSO_ADMIN_TOKEN: 'adm', PULSO_TEAM_TOKENS: 'rep', PULSO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulso-tp-')) }));
});
afterEach(async () => app.close());

const NEW = { ...DEMO_PROFILE, name: 'Acme Andina', services: ['Industrial welding'] };
/** The background's connection (backend URL and tokens) in this browser. */
let connection: ConnectionInput = { backendUrl: 'http://127.0.0.1:8787' };
const connect = (next: ConnectionInput) => (connection = next);
const deps = { readConnection: async () => ConnectionSchema.parse(connection), fetch: backendFetch };

describe('team profile sync', () => {
  it('a rep pulls the published profile; it becomes the one every classification uses', async () => {
    connect({ backendUrl: 'http://backend.test', token: 'adm', adminToken: 'adm' });
    await publishTeamProfile(NEW, deps);
    fakeBrowser.reset(); // another browser: only the team token
    connect({ backendUrl: 'http://backend.test', token: 'rep' });
    await writeProfile({ name: 'Local draft' });
    expect((await readProfile()).name).toBe('Local draft');
    const pulled = await pullTeamProfile(deps);
    expect(pulled.version).toBe(await profileVersion(NEW));
    expect((await readTeamProfile())?.source).toBe('published');
    expect(await readProfile()).toEqual(NEW);
  });

  it('a configured (unpublished) backend profile does not override a locally saved one', async () => {
    connect({ backendUrl: 'http://backend.test', token: 'rep' });
    await writeProfile({ name: 'Local only' });
    await pullTeamProfile(deps);
    expect((await readProfile()).name).toBe('Local only');
  });

  it('publishing with a team token is refused with the backend message, nothing cached', async () => {
    connect({ backendUrl: 'http://backend.test', token: 'rep', adminToken: 'rep' });
    await expect(publishTeamProfile(NEW, deps)).rejects.toThrow(/only the admin token/);
    expect(await readTeamProfile()).toBeUndefined();
    connect({ backendUrl: 'http://backend.test', token: 'rep' });
    await expect(publishTeamProfile(NEW, deps)).rejects.toThrow(/admin token first/);
  });

  it('test connection reports reachability, auth, mode', async () => {
    expect(await checkConnection({ backendUrl: 'http://backend.test', token: 'rep' }, deps)).toMatchObject({
      reachable: true,
      auth: 'ok',
      mode: 'rules',
    });
    expect(await checkConnection({ backendUrl: 'http://backend.test', token: 'wrong' }, deps)).toMatchObject({
      reachable: true,
      auth: 'refused',
    });
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await checkConnection({ backendUrl: 'http://backend.test', token: 'rep' }, { fetch: down })).toMatchObject({ reachable: false, auth: 'skipped' });
  });
});
