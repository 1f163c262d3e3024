import type { FastifyPluginAsync } from 'fastify';
import { PublishProfileRequestSchema, describeZodIssues, type CompanyProfile, type TeamProfileResponse } from '../../lib/contracts';
import { profileVersion } from '../../lib/cache-key';
import type { Config } from '../config';
import { BODY_LIMIT_BYTES, errorBody } from '../http';
import type { ProfileStore } from '../store/profile-store';

export interface ProfileRouteOptions {
  config: Config;
  store: ProfileStore;
}

/** A profile with a full catalog is bigger than a lead. */
export const PROFILE_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The profile a classification uses when the request brings none: the published one, else the configured one. */
export function currentProfile(config: Config, store: ProfileStore): CompanyProfile {
  return store.get()?.profile ?? config.profile;
}

export async function teamProfileAnswer(config: Config, store: ProfileStore): Promise<TeamProfileResponse> {
  const stored = store.get();
  const profile = stored?.profile ?? config.profile;
  return { version: await profileVersion(profile), profile, updatedAt: stored?.updatedAt ?? null, source: stored ? 'published' : 'configured' };
}

export const profileRoutes: FastifyPluginAsync<ProfileRouteOptions> = async (app, { config, store }) => {
  /** GET /v1/profile — any team token (the /v1 auth hook has checked it) → { version, profile, updatedAt, source }. */
  app.get('/v1/profile', async (): Promise<TeamProfileResponse> => teamProfileAnswer(config, store));

  /** PUT /v1/profile — { profile } with the admin token only (the auth hook answers 401/403). */
  app.put('/v1/profile', { config: { access: 'admin', adminAction: 'publish the team profile' }, bodyLimit: Math.max(BODY_LIMIT_BYTES, PROFILE_BODY_LIMIT_BYTES) }, async (req, reply): Promise<TeamProfileResponse | void> => {
    const parsed = PublishProfileRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return reply.code(400).send(errorBody('bad_request', describeZodIssues(parsed.error) || 'invalid profile', issues));
    }
    store.put(parsed.data.profile);
    req.log.info({ name: parsed.data.profile.name }, 'team profile published');
    return teamProfileAnswer(config, store);
  });
};
