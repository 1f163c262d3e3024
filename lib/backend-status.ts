import { createBackendClient } from './backend-client';
import type { BackendStatusReply } from './messaging';
import type { Settings } from './settings';

/** GET /healthz on the configured backend, for the popup: reachable or not, rules or which LLM. */
export async function checkBackendStatus(settings: Pick<Settings, 'backendUrl' | 'token'>, fetchImpl?: typeof fetch): Promise<BackendStatusReply> {
  const client = createBackendClient({ baseUrl: settings.backendUrl, token: settings.token, fetch: fetchImpl });
  try {
    const health = await client.health();
    return {
      backendUrl: settings.backendUrl,
      reachable: true,
      mode: health.mode,
      engine: health.engine,
      version: health.version,
      ...(health.model ? { model: health.model } : {}),
    };
  } catch (err) {
    return { backendUrl: settings.backendUrl, reachable: false, error: (err as Error).message };
  }
}
