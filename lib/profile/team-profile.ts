import { BackendError, createBackendClient } from '../backend-client';
import type { CompanyProfile, Health, TeamProfileResponse } from '../contracts';
import { readSettings, writeTeamProfile, type Settings } from '../settings';

/** How often the background pulls the team profile (a browser.alarms alarm). */
export const TEAM_PROFILE_PULL_MINUTES = 10;
export const TEAM_PROFILE_ALARM = 'pulso:pull-team-profile';

export interface TeamProfileDeps {
  readSettings?: () => Promise<Settings>;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * GET /v1/profile with the rep's team token and keep it in storage.local; every
 * classification reads it from there (readProfile), and its version is in every cache key.
 * Throws BackendError when the backend cannot be reached or refuses the token; the last
 * pulled profile then stays in use.
 */
export async function pullTeamProfile(deps: TeamProfileDeps = {}): Promise<TeamProfileResponse> {
  const settings = await (deps.readSettings ?? readSettings)();
  const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
  const answer = await client.getProfile();
  await writeTeamProfile({ ...answer, backendUrl: settings.backendUrl, pulledAt: (deps.now ?? Date.now)() });
  return answer;
}

/** PUT /v1/profile with the admin token, then pull it back so this browser uses it at once. */
export async function publishTeamProfile(profile: CompanyProfile, deps: TeamProfileDeps = {}): Promise<TeamProfileResponse> {
  const settings = await (deps.readSettings ?? readSettings)();
  if (!settings.adminToken) throw new BackendError('set the admin token first: only the admin token can publish the team profile', 403);
  const admin = createBackendClient({ baseUrl: settings.backendUrl, token: settings.adminToken, fetch: deps.fetch });
  const answer = await admin.putProfile(profile);
  await writeTeamProfile({ ...answer, backendUrl: settings.backendUrl, pulledAt: (deps.now ?? Date.now)() });
  return answer;
}

export interface ConnectionReport {
  reachable: boolean;
  /** ok: the team token is accepted; refused: 401/403; skipped: the backend could not be reached. */
  auth: 'ok' | 'refused' | 'skipped';
  mode?: Health['mode'];
  model?: string;
  version?: string;
  /** The profile version the backend serves, when auth is ok. */
  profileVersion?: string;
  error?: string;
}

/** "Test connection": reachability and mode/model (GET /healthz), then auth (GET /v1/profile, an authenticated route). */
export async function checkConnection(settings: Pick<Settings, 'backendUrl' | 'token'>, deps: Pick<TeamProfileDeps, 'fetch'> = {}): Promise<ConnectionReport> {
  const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: deps.fetch });
  let health: Health;
  try {
    health = await client.health();
  } catch (err) {
    return { reachable: false, auth: 'skipped', error: (err as Error).message };
  }
  const report: ConnectionReport = { reachable: true, auth: 'ok', mode: health.mode, model: health.model, version: health.version };
  try {
    report.profileVersion = (await client.getProfile()).version;
  } catch (err) {
    const status = err instanceof BackendError ? err.status : undefined;
    report.auth = status === 401 || status === 403 ? 'refused' : 'skipped';
    report.error = (err as Error).message;
  }
  return report;
}
