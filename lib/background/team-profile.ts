import type { CompanyProfile, Connection, TeamProfileResponse } from '../contracts';
import { writeTeamProfile } from '../profile/stored';
import { BackendError, backendClientFor } from './backend-client';

/** How often the background pulls the team profile (a browser.alarms alarm). */
export const TEAM_PROFILE_PULL_MINUTES = 10;
export const TEAM_PROFILE_ALARM = 'pulso:pull-team-profile';

export interface TeamProfileDeps {
  readConnection: () => Promise<Connection>;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * GET /v1/profile with the rep's team token and keep it in storage.local; every
 * classification reads it from there (readProfile), and its version is in every cache key.
 * Throws BackendError when the backend cannot be reached or refuses the token; the last
 * pulled profile then stays in use.
 */
export async function pullTeamProfile(deps: TeamProfileDeps): Promise<TeamProfileResponse> {
  const connection = await deps.readConnection();
  const answer = await backendClientFor(connection, { fetch: deps.fetch }).getProfile();
  await writeTeamProfile({ ...answer, backendUrl: connection.backendUrl, pulledAt: (deps.now ?? Date.now)() });
  return answer;
}

/** PUT /v1/profile with the admin token, then keep it so this browser uses it at once. */
export async function publishTeamProfile(profile: CompanyProfile, deps: TeamProfileDeps): Promise<TeamProfileResponse> {
  const connection = await deps.readConnection();
  if (!connection.adminToken) throw new BackendError('set the admin token first: only the admin token can publish the team profile', 403);
  const answer = await backendClientFor(connection, { as: 'admin', fetch: deps.fetch }).putProfile(profile);
  await writeTeamProfile({ ...answer, backendUrl: connection.backendUrl, pulledAt: (deps.now ?? Date.now)() });
  return answer;
}
