import { readFileSync } from 'node:fs';
import cors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { registerAuth } from './auth';
export { bearerMatches } from './auth';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';
import { BODY_LIMIT_BYTES, errorBody } from './http';
export { BATCH_BODY_LIMIT_BYTES, BODY_LIMIT_BYTES, errorBody } from './http';
import { createLeadClassifier, type LeadClassifier } from './llm/lead-classifier';
import { createLeadGateway, type LeadGateway } from './llm/lead-gateway';
import { healthRoutes } from './routes/health';
import { leadRoutes } from './routes/leads';
import { conversationTriageRoutes } from './routes/conversations-triage';
import { conversationDraftRoutes } from './routes/conversations-draft';
import { createReplyDrafter, type ReplyDrafter } from './llm/reply-drafter';
import { metricsRoutes } from './routes/metrics';
import { currentProfile, profileRoutes } from './routes/profile';
import { ProfileStore } from './store/profile-store';
import { feedbackRoutes } from './routes/feedback';
import { lazyStore } from './store/lazy-store';
import { storeLocation, type Store } from './store/store';

/** Everything that may carry a secret in a log line is censored. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'apiKey',
  'token',
  'tokens',
  'teamTokens',
  'adminToken',
  '*.apiKey',
  '*.authorization',
  '*.token',
  '*.teamTokens',
  '*.adminToken',
  'config.llm.apiKey',
  'config.databaseUrl',
  'databaseUrl',
  '*.databaseUrl',
];

export interface BuildOptions {
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: DestinationStream;
  /** Override the lead classifier (tests). */
  classifier?: LeadClassifier;
  /** Receives the gateway (cache, single-flight, admission) the routes use — tests and benches read its metrics. */
  onGateway?: (gateway: LeadGateway) => void;
  /** Override the reply drafter (tests). */
  drafter?: ReplyDrafter;
  /** Override the embedded profile store (tests); default one under config.dataDir. */
  profileStore?: ProfileStore;
  /** The store (feedback, policy); default PGlite under config.dataDir or DATABASE_URL's PostgreSQL, opened on first use. */
  store?: Store;
  /** More routes (tests: what a route that declares no access gets). */
  extraRoutes?: FastifyPluginAsync;
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function createLogger(config: Pick<Config, 'logLevel'>, stream?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return stream ? pino(options, stream) : pino(options);
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-zA-Z0-9._-]+$/;

export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  if (allowed.includes(origin)) return true;
  return EXTENSION_ORIGIN.test(origin);
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = createLogger(config, options.logStream);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
  });

  // Request log lines include the headers, so redaction is what keeps the token out.
  app.addHook('onRequest', async (req) => {
    req.log.debug({ headers: req.headers }, 'request headers');
  });

  const classifier = options.classifier ?? createLeadClassifier(config.llm, { logger: logger.child({ component: 'lead-classifier' }) });
  const gateway = createLeadGateway(classifier, config.admission, config.cache);
  options.onGateway?.(gateway);

  await app.register(cors, {
    origin: (origin, cb) => {
      // No Origin header: same-origin, curl, the CLI — CORS does not apply.
      if (!origin) return cb(null, true);
      cb(null, isAllowedOrigin(origin, config.allowedOrigins));
    },
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });

  registerAuth(app, config);

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      const limit = req.routeOptions?.bodyLimit ?? BODY_LIMIT_BYTES;
      return reply.code(413).send(errorBody('payload_too_large', `request body exceeds ${limit} bytes`));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply.code(415).send(errorBody('unsupported_media_type', 'send Content-Type: application/json'));
    }
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send(errorBody('invalid_json', `the body is not valid JSON: ${err.message}`));
    }
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody('bad_request', err.message));
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal', 'internal server error'));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });

  // Routes read `config.profile` when a request brings no profile: it is the published team
  // profile once an admin has published one (PUT /v1/profile), else the configured one.
  const profileStore = options.profileStore ?? new ProfileStore(config.dataDir);
  const routeConfig: Config = Object.defineProperty({ ...config }, 'profile', {
    get: () => currentProfile(config, profileStore),
    enumerable: true,
  });

  await app.register(healthRoutes, { config: routeConfig, classifier, version: packageVersion() });
  await app.register(leadRoutes, { config: routeConfig, gateway });
  await app.register(conversationTriageRoutes, { config: routeConfig, admission: gateway.admission, logger: logger.child({ component: 'conversation-triage' }) });
  await app.register(conversationDraftRoutes, {
    config: routeConfig,
    drafter: options.drafter ?? createReplyDrafter(config.llm, { logger: logger.child({ component: 'reply-drafter' }) }),
    admission: gateway.admission,
  });
  await app.register(profileRoutes, { config, store: profileStore });
  // Opened on first use: a server that never records feedback opens no database.
  const store = lazyStore(() => ({ location: storeLocation(config), audit: config.auditLog, legacyDataDir: config.dataDir }), options.store);
  app.addHook('onClose', () => store.close());
  await app.register(feedbackRoutes, { store: store.get });
  await app.register(metricsRoutes, { gateway });
  if (options.extraRoutes) await app.register(options.extraRoutes);

  return app;
}

/** Builds the server and listens on config.host:config.port. */
export async function startServer(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = await buildServer(config, options);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    {
      mode: config.llm ? 'llm' : 'rules',
      model: config.llm?.model,
      reasoningEffort: config.llm?.reasoningEffort,
      admission: config.admission,
      cacheTtlMs: config.cache.ttlMs,
      llmBaseUrl: config.llm?.baseUrl,
      auth: config.teamTokens.length > 0 || Boolean(config.adminToken),
      allowedOrigins: config.allowedOrigins,
      // DATABASE_URL is accepted but not used yet: the embedded store holds the team profile.
      store: 'embedded',
      dataDir: config.dataDir,
      databaseUrlIgnored: Boolean(config.databaseUrl),
      profile: config.profileSource,
    },
    'pulso backend ready',
  );
  return app;
}
