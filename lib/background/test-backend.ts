import { DEFAULT_BACKEND_URL } from '../settings';
import { createBackendClient } from './backend-client';

/** The services' `backend` dependency for tests: the default URL, answered by `fetchImpl`. */
export const testBackend = (fetchImpl: typeof fetch) => async () => createBackendClient({ baseUrl: DEFAULT_BACKEND_URL, fetch: fetchImpl });
