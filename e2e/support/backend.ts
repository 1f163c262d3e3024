import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../backend/config';
import { startServer } from '../../backend/server';

/** The real backend on a free loopback port, rules engine (no LLM_BASE_URL). */
export async function startRulesBackend(): Promise<{ url: string; app: FastifyInstance }> {
  const app = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }));
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('backend did not bind a port');
  return { url: `http://127.0.0.1:${address.port}`, app };
}
