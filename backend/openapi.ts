import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import { ApiErrorSchema } from '../lib/contracts';
import type { Access } from './auth';

/**
 * The OpenAPI document, generated: @fastify/swagger collects every route as it is registered,
 * and each route's `schema` is made from its zod contract by `docs()` (z.toJSONSchema). There is
 * no second copy of a schema to keep in step, and a route added later appears by itself.
 * GET /docs is the HTML (Swagger UI, served from the package, no CDN), /docs/openapi.json the
 * document; both public, like /healthz.
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  tags?: string[];
  body?: z.ZodType;
  querystring?: z.ZodType;
  /** Status → the zod schema of the answer (undefined: no JSON body), with a description. */
  response: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

type JsonSchema = Record<string, unknown>;

// Routes share schemas (ApiError on every one): each is converted once per direction.
const converted = { input: new WeakMap<z.ZodType, JsonSchema>(), output: new WeakMap<z.ZodType, JsonSchema>() };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  let json = converted[io].get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
    converted[io].set(schema, json);
  }
  return json;
}

/** The ApiError answers most routes share. */
export const ERRORS = {
  400: { description: 'Invalid body: `issues` names each field path.', schema: ApiErrorSchema },
  401: { description: 'Missing or invalid bearer token.', schema: ApiErrorSchema },
  409: { description: '`profile_unknown`: the named profile version is not known here; send the profile once.', schema: ApiErrorSchema },
  413: { description: 'Body over the route limit.', schema: ApiErrorSchema },
  429: { description: '`queue_full`: the LLM is at capacity; see Retry-After.', schema: ApiErrorSchema },
} as const;

/** A route's Fastify `schema` for the document (the route still validates with zod itself). */
export function docs(doc: RouteDoc): FastifySchema {
  const response: Record<string, unknown> = {};
  for (const [status, { description, schema, contentType }] of Object.entries(doc.response)) {
    if (!schema) response[status] = { description, type: 'null' };
    else if (contentType) response[status] = { description, content: { [contentType]: { schema: jsonSchema(schema, 'output') } } };
    else response[status] = { description, ...jsonSchema(schema, 'output') };
  }
  return {
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.tags ? { tags: doc.tags } : {}),
    ...(doc.body ? { body: jsonSchema(doc.body, 'input') } : {}),
    ...(doc.querystring ? { querystring: jsonSchema(doc.querystring, 'input') } : {}),
    response,
  };
}

/**
 * Registers the document and its pages. Call before any route. Schemas are documentation only:
 * requests are validated by the routes with zod (one error format), answers serialised as they are.
 */
export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Pulso backend', version, description: 'Lead classification, conversation triage and reply drafts (LLM or rules).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A team token (PULSO_TEAM_TOKENS) or the admin token.' } } },
    },
    transform: ({ schema, url, route }) => {
      const access: Access = (route.config as { access?: Access } | undefined)?.access ?? 'team';
      const base = (schema ?? {}) as FastifySchema & { security?: unknown };
      return { url, schema: access === 'public' ? base : { ...base, security: [{ bearer: [] }] } };
    },
  });
  await app.register(async (scope) => {
    // The documentation is public: every route of this scope (Swagger UI's own included).
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), access: 'public' };
    });
    await scope.register(swaggerUi, { routePrefix: '/docs' });
    scope.get('/docs/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
}
