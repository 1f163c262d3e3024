import { DEFAULT_BACKEND_URL } from '../settings';
import { createBackendClient } from './backend-client';

/** The services' `backend` dependency for tests: the default URL, answered by `fetchImpl`. */
export const testBackend = (fetchImpl: typeof fetch) => async () => createBackendClient({ baseUrl: DEFAULT_BACKEND_URL, fetch: fetchImpl });

/** A fetch answered by an in-process backend (Fastify's inject): no port is opened. */
export function injectFetch(app: { inject: (request: { method: 'GET'; url: string; headers?: Record<string, string>; payload?: string }) => Promise<{ body: string; statusCode: number; headers: unknown }> }): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
  };
}
