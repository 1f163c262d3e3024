import type { FastifyPluginAsync } from 'fastify';
import { ApiErrorSchema, SelectorPackSchema, type SelectorPack } from '../../lib/contracts';
import { errorBody } from '../http';
import { ERRORS, docs } from '../openapi';
import type { SelectorPackSource } from '../selectors/pack-source';

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
};
