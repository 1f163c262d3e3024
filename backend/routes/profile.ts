import type { FastifyPluginAsync } from 'fastify';
import { PublishProfileRequestSchema, TeamProfileResponseSchema, type TeamProfileResponse } from '../../lib/contracts';
import { PUBLISH_BODY_LIMIT_BYTES, badRequest } from '../http';
import { ERRORS, docs } from '../openapi';
import type { CurrentProfile, ProfileSource } from '../profiles';
import { requesterFingerprint } from '../store/token-fingerprint';

export interface ProfileRouteOptions {
  source: ProfileSource;
}

const answer = ({ version, profile, updatedAt, source }: CurrentProfile): TeamProfileResponse => ({ version, profile, updatedAt, source });

export const profileRoutes: FastifyPluginAsync<ProfileRouteOptions> = async (app, { source }) => {
  /** GET /v1/profile — any team token → { version, profile, updatedAt, source }. */
  app.get(
    '/v1/profile',
    { schema: docs({ summary: "The team's profile", tags: ['profile'], response: { 200: { description: 'The current profile and its version.', schema: TeamProfileResponseSchema }, 401: ERRORS[401] } }) },
    async (): Promise<TeamProfileResponse> => answer(await source.current()),
  );

  /** PUT /v1/profile — { profile } with the admin token only (the auth hook answers 401/403). */
  app.put(
    '/v1/profile',
    {
      config: { access: 'admin', adminAction: 'publish the team profile' },
      bodyLimit: PUBLISH_BODY_LIMIT_BYTES,
      schema: docs({
        summary: "Publish the team's profile (admin token)",
        tags: ['profile'],
        body: PublishProfileRequestSchema,
        response: { 200: { description: 'The published profile and its version.', schema: TeamProfileResponseSchema }, 400: ERRORS[400], 401: ERRORS[401], 403: { description: 'Not the admin token.', schema: ERRORS[400].schema }, 413: ERRORS[413] },
      }),
    },
    async (req, reply): Promise<TeamProfileResponse | void> => {
      const parsed = PublishProfileRequestSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error, 'invalid profile');
      const published = await source.publish(parsed.data.profile, { publishedBy: requesterFingerprint(req.headers.authorization) });
      req.log.info({ name: parsed.data.profile.name, version: published.version }, 'team profile published');
      return answer(published);
    },
  );
};
