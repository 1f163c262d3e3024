import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './http';

/**
 * Who may call a route. Declared on the route (`config: { access }`) and checked after
 * routing, on the route the router actually matched: checking the raw URL instead let
 * `/%761/profile` and absolute-form targets past the check while the router decoded them
 * to `/v1/profile`. A route that declares nothing needs a team token (deny by default).
 */
export type Access = 'public' | 'team' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Admin routes: what the route does, for the 403 a team token gets ("publish the team profile"). */
    adminAction?: string;
  }
}

export interface AuthTokens {
  teamTokens: readonly string[];
  adminToken?: string;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time check of `Authorization: Bearer <token>` against the configured tokens. */
export function bearerMatches(header: string | undefined, tokens: readonly string[]): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return false;
  const given = digest(match[1].trim());
  let ok = false;
  for (const t of tokens) if (timingSafeEqual(given, digest(t))) ok = true;
  return ok;
}

const UNAUTHORIZED = errorBody('unauthorized', 'missing or invalid bearer token (Authorization: Bearer <token>)');

/** Adds the access check to every route of `app` (register it before the routes). */
export function registerAuth(app: FastifyInstance, { teamTokens, adminToken }: AuthTokens): void {
  const anyToken = [...teamTokens, ...(adminToken ? [adminToken] : [])];
  app.addHook('onRequest', async (req, reply) => {
    // CORS preflights carry no credentials; @fastify/cors answers them.
    if (req.method === 'OPTIONS') return;
    // No route matched: the not-found handler answers and there is nothing to protect.
    if (req.is404) return;
    const access: Access = req.routeOptions.config.access ?? 'team';
    if (access === 'public') return;
    if (access === 'admin') {
      if (!adminToken) {
        return reply.code(403).send(errorBody('forbidden', 'this route is disabled: the backend has no PULSO_ADMIN_TOKEN'));
      }
      if (!bearerMatches(req.headers.authorization, anyToken)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send(UNAUTHORIZED);
      }
      if (!bearerMatches(req.headers.authorization, [adminToken])) {
        const action = req.routeOptions.config.adminAction ?? 'make this change';
        return reply.code(403).send(errorBody('forbidden', `only the admin token can ${action}; this token can read but not change it`));
      }
      return;
    }
    if (anyToken.length === 0) return;
    if (!bearerMatches(req.headers.authorization, anyToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(UNAUTHORIZED);
    }
  });
}
