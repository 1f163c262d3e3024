import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../backend/config';
import { startServer } from '../../backend/server';

/** The real backend on a free loopback port; without LLM_BASE_URL in `env`, the rules engine. */
export async function startBackend(env: Record<string, string> = {}): Promise<{ url: string; app: FastifyInstance }> {
  const app = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }));
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('backend did not bind a port');
  return { url: `http://127.0.0.1:${address.port}`, app };
}

export const startRulesBackend = () => startBackend();
