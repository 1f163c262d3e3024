import type { FastifyPluginAsync } from 'fastify';
import { ApiErrorSchema, compareSelectorPackVersions, SelectorPackSchema, type SelectorPack } from '../../lib/contracts';
import { badRequest, errorBody, PUBLISH_BODY_LIMIT_BYTES } from '../http';
import { ERRORS, docs } from '../openapi';
import { unsignedPackMessage, type SelectorPackSource } from '../selectors/pack-source';
import { SelectorPackVersionConflict } from '../store/selector-packs';
import { requesterFingerprint } from '../store/token-fingerprint';

export interface SelectorRouteOptions {
  source: SelectorPackSource;
}

export const selectorRoutes: FastifyPluginAsync<SelectorRouteOptions> = async (app, { source }) => {
  /**
   * GET /v1/selectors — any team token → the team's SelectorPack (CONTRACTS.md), as signed; 404
   * `no_selector_pack` when there is none (the extensions keep their built-in selectors).
   */
  app.get(
    '/v1/selectors',
    {
      schema: docs({
        summary: "The team's selector pack",
        description: 'Selector chains and labels per site, data only, signed (Ed25519). Each extension checks the signature against the key pinned in its build before using it.',
        tags: ['selectors'],
        response: {
          200: { description: 'The current pack, as signed.', schema: SelectorPackSchema },
          401: ERRORS[401],
          404: { description: '`no_selector_pack`: none published or configured.', schema: ApiErrorSchema },
        },
      }),
    },
    async (_req, reply): Promise<SelectorPack | void> => {
      const pack = await source.current();
      if (!pack) return reply.code(404).send(errorBody('no_selector_pack', 'this backend publishes no selector pack; the extensions use their built-in selectors'));
      return pack;
    },
  );

  /**
   * PUT /v1/selectors — a signed SelectorPack with the admin token only (the auth hook answers
   * 401/403) → the pack, now current. The backend holds no key: it refuses what every extension
   * would refuse (wrong schema, script-like values, unsigned) and a version not newer than the
   * current one; the extensions check the signature.
   */
  app.put(
    '/v1/selectors',
    {
      config: { access: 'admin', adminAction: 'publish a selector pack' },
      bodyLimit: PUBLISH_BODY_LIMIT_BYTES,
      schema: docs({
        summary: 'Publish a signed selector pack (admin token)',
        tags: ['selectors'],
        body: SelectorPackSchema,
        response: {
          200: { description: 'The published pack, now served by GET /v1/selectors.', schema: SelectorPackSchema },
          400: { description: '`bad_request`: not a valid pack (`issues` names each path); `unsigned`: the pack has no signature.', schema: ApiErrorSchema },
          401: ERRORS[401],
          403: { description: 'Not the admin token.', schema: ApiErrorSchema },
          409: { description: '`selector_pack_not_newer`: the version is older than the current pack; `selector_pack_version_conflict`: the version was published before with other content.', schema: ApiErrorSchema },
          413: ERRORS[413],
        },
      }),
    },
    async (req, reply): Promise<SelectorPack | void> => {
      const parsed = SelectorPackSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error, 'invalid selector pack');
      const pack = parsed.data;
      if (!pack.signature) return reply.code(400).send(errorBody('unsigned', unsignedPackMessage(pack.version)));
      const current = await source.current();
      if (current && compareSelectorPackVersions(pack.version, current.version) < 0) {
        return reply.code(409).send(errorBody('selector_pack_not_newer', `selector pack ${pack.version} is older than the current one (${current.version}); raise its version`));
      }
      try {
        await source.publish(pack, { publishedBy: requesterFingerprint(req.headers.authorization) });
      } catch (err) {
        if (err instanceof SelectorPackVersionConflict) return reply.code(409).send(errorBody('selector_pack_version_conflict', err.message));
        throw err;
      }
      req.log.info({ version: pack.version }, 'selector pack published');
      return pack;
    },
  );
};
