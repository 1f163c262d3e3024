import type { BackendStatus, ConnectionReport, Health } from '../contracts';
import { BackendError, createBackendClient, type BackendClient } from './backend-client';

type Target = { backendUrl: string; token: string };

async function probeHealth(client: BackendClient): Promise<{ health: Health } | { error: string }> {
  try {
    return { health: await client.health() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** GET /healthz on the configured backend, for the popup: reachable or not, rules or which LLM. */
export async function checkBackendStatus(target: Target, fetchImpl?: typeof fetch): Promise<BackendStatus> {
  const probe = await probeHealth(createBackendClient({ baseUrl: target.backendUrl, token: target.token, fetch: fetchImpl }));
  if ('error' in probe) return { backendUrl: target.backendUrl, reachable: false, error: probe.error };
  const { health } = probe;
  return {
    backendUrl: target.backendUrl,
    reachable: true,
    mode: health.mode,
    engine: health.engine,
    version: health.version,
    ...(health.model ? { model: health.model } : {}),
  };
}

/** "Test connection": reachability and mode/model (GET /healthz), then auth (GET /v1/profile, an authenticated route). */
export async function checkConnection(target: Target, deps: { fetch?: typeof fetch } = {}): Promise<ConnectionReport> {
  const client = createBackendClient({ baseUrl: target.backendUrl, token: target.token, fetch: deps.fetch });
  const probe = await probeHealth(client);
  if ('error' in probe) return { reachable: false, auth: 'skipped', error: probe.error };
  const { health } = probe;
  const report: ConnectionReport = { reachable: true, auth: 'ok', mode: health.mode, model: health.model, version: health.version };
  try {
    report.profileVersion = (await client.getProfile()).version;
  } catch (err) {
    const status = err instanceof BackendError ? err.status : undefined;
    report.auth = status === 401 || status === 403 ? 'refused' : 'skipped';
    report.error = (err as Error).message;
  }
  return report;
}
