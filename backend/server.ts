import { readFileSync } from 'node:fs';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import { registerAuth } from './auth';
import { createGateways, type Gateways } from './capabilities/index';
import type { Config } from './config';
import { assertSafeBind, isAllowedOrigin } from './exposure';
import { BODY_LIMIT_BYTES, errorBody, handleError } from './http';
import type { CampaignWriter } from './llm/campaign-writer';
import type { ConversationTriager } from './llm/conversation-triage';
import { createLeadClassifier, type LeadClassifier } from './llm/lead-classifier';
import type { ReplyDrafter } from './llm/reply-drafter';
import { registerDocs } from './openapi';
import { createProfileResolver, type ProfileSource } from './profiles';
import { campaignRoutes } from './routes/campaigns';
import { conversationDraftRoutes } from './routes/conversations-draft';
import { conversationTriageRoutes } from './routes/conversations-triage';
import { healthRoutes } from './routes/health';
import { leadRoutes } from './routes/leads';
import { metricsRoutes } from './routes/metrics';
import { profileRoutes } from './routes/profile';
import { feedbackRoutes } from './routes/feedback';
import { createStrategySuggester } from './learning/strategy-suggester';
import type { Random } from '../lib/learning/random';
import { storeProfileSource } from './store/profile-source';
import { openStore, storeLocation, type Store } from './store/store';
import { selectorRoutes } from './routes/selectors';
import { storeSelectorPackSource } from './selectors/pack-source';
import { warmUpRules } from './warm-up';

export { bearerMatches } from './auth';
export { isAllowedOrigin } from './exposure';
export { BATCH_BODY_LIMIT_BYTES, BODY_LIMIT_BYTES, errorBody } from './http';

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
  /** Override the conversation triager (tests). */
  triager?: ConversationTriager;
  /** Override the reply drafter (tests). */
  drafter?: ReplyDrafter;
  /** Override the campaign writer (tests). */
  campaignWriter?: CampaignWriter;
  /** Receives the gateways (cache, single-flight, admission, metrics) the routes use — tests and benches read them. */
  onGateways?: (gateways: Gateways) => void;
  /** Where the team profile comes from; default the store's published profile, else the configured one. */
  profileSource?: ProfileSource;
  /** The store (profiles, feedback, policy, campaigns, selector packs); default opened from config (DATABASE_URL, else PULSO_DATA_DIR) and closed with the server. */
  store?: Store;
  /** The team policy's Thompson-sampling draws (tests seed them); default Math.random. */
  policyRandom?: Random;
  /** The clock of the server's short-lived caches (current profile, team policy); tests freeze it. Default Date.now. */
  now?: () => number;
  /** Process metrics (RSS, event-loop lag) in /metrics; startServer turns them on. */
  processMetrics?: boolean;
  /** Sees every route as it is registered (tests: the OpenAPI document must list them all). */
  onRoute?: (route: RouteOptions) => void;
  /** More routes (tests: what a route that declares no access gets). */
  extraRoutes?: FastifyPluginAsync;
  /** GET /metrics's text; default this server's registry (a cluster worker asks the primary for every worker's, summed). */
  renderMetrics?: () => Promise<string>;
  /** startServer logs "pulso backend ready" with the settings (default); a cluster's primary says it once for all its workers. */
  announce?: boolean;
  /** Run the rules engine on synthetic records (backend/warm-up.ts) once ready, before listening; startServer does. */
  warmUp?: boolean;
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The most a pipe writes in one piece (Linux PIPE_BUF): lines from several workers on one stdout never interleave mid-line. */
const ATOMIC_WRITE_BYTES = 4096;

/**
 * stdout, written asynchronously: a line is handed to the kernel at once when nothing is being
 * written, and lines logged meanwhile go out together in the next write (whole lines, at most
 * ATOMIC_WRITE_BYTES), so a busy worker makes one write per batch instead of one blocking write per
 * line. Nothing waits for a timer or a buffer to fill: a quiet server's line is written at once.
 * pino flushes what is left synchronously when the process exits.
 */
function stdoutDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: false, maxWrite: ATOMIC_WRITE_BYTES });
}

export function createLogger(config: Pick<Config, 'logLevel'>, stream?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return pino(options, stream ?? stdoutDestination());
}

/**
 * One access line per request, written when it is answered, instead of Fastify's two (one on
 * arrival, one on answer): the line carries what the arrival line did. A line for an answered
 * request is written without the redaction pass (a walk of REDACT_PATHS over the line, a cost of
 * the order of the HTTP parsing in rules mode): it holds only what the req/res serializers keep
 * (method, URL, host, address, status, time), none of which any redact path names. A failed
 * request's line carries the error, so it goes through the redacting logger.
 */
class AccessLog extends LogController {
  private completed?: FastifyBaseLogger;
  /** The logger of answered requests' lines: the server's, with its serializers, without redaction. */
  use(logger: FastifyBaseLogger): void {
    this.completed = logger.child({}, { redact: [] });
  }
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(req)) return;
    if (error) reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else if (this.completed) this.completed.info({ reqId: req.id, req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = createLogger(config, options.logStream);
  const accessLog = new AccessLog();
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: accessLog,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    // A client that declares a body and never sends it, or never finishes its headers, is cut
    // off (408); an idle keep-alive connection is closed (issue 9, D2). Node checks the first
    // two every connectionsCheckingInterval, so that follows the shorter of them.
    requestTimeout: config.timeouts.requestMs,
    keepAliveTimeout: config.timeouts.keepAliveMs,
    http: {
      headersTimeout: config.timeouts.headersMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(config.timeouts.headersMs / 2))),
    },
  });
  accessLog.use(app.log);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  // Request log lines include the headers, so redaction is what keeps the token out.
  if (logger.isLevelEnabled('debug')) {
    app.addHook('onRequest', (req, _reply, done) => {
      req.log.debug({ headers: req.headers }, 'request headers');
      done();
    });
  }

  await app.register(cors, {
    origin: (origin, cb) => {
      // No Origin header: same-origin, curl, the CLI, the extension's background — CORS does not apply.
      if (!origin) return cb(null, true);
      cb(null, isAllowedOrigin(origin, config.allowedOrigins));
    },
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });

  registerAuth(app, config);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  const version = packageVersion();
  await registerDocs(app, version);

  const classifier = options.classifier ?? createLeadClassifier(config.llm, { logger: logger.child({ component: 'lead-classifier' }) });
  const gateways = createGateways(config, logger, { classifier, triager: options.triager, drafter: options.drafter, campaignWriter: options.campaignWriter, processMetrics: options.processMetrics });
  options.onGateways?.(gateways);
  // The profile is passed to every route explicitly: the source (published, else configured)
  // and the resolver that also knows the profiles clients sent recently.
  const store = options.store ?? (await openStore({ location: storeLocation(config), audit: config.auditLog, legacyDataDir: config.dataDir, onError: (err) => logger.warn({ err }, 'database connection error') }));
  if (!options.store) app.addHook('onClose', () => store.close());
  const source = options.profileSource ?? storeProfileSource(store, config.profile);
  const profiles = createProfileResolver(source, { now: options.now });
  if (options.warmUp) {
    // Before listening (onReady): the first reps' requests find the engine compiled, with the
    // profile they will be answered with already understood (compileProfile keeps it).
    app.addHook('onReady', async () => {
      const current = await profiles.resolve({});
      if (!current) return;
      const started = performance.now();
      const rounds = warmUpRules(current.profile);
      logger.debug({ rounds, ms: Math.round(performance.now() - started) }, 'rules engine warmed up');
    });
  }
  // The draft's default strategy: the team policy's pick, from the same store (every replica's feedback).
  const suggester = createStrategySuggester(store, { rng: options.policyRandom, now: options.now, logger: logger.child({ component: 'strategy-suggester' }) });
  const { budget } = config;

  await app.register(healthRoutes, { config, classifier, admission: gateways.admission, pingDatabase: () => store.ping(), version });
  await app.register(leadRoutes, { leads: gateways.leads, profiles, budget });
  await app.register(conversationTriageRoutes, { triage: gateways.triage, profiles, budget });
  await app.register(conversationDraftRoutes, { draft: gateways.draft, judge: gateways.judge, suggester, profiles, budget });
  await app.register(campaignRoutes, { campaign: gateways.campaign, profiles, budget, history: store.campaigns });
  await app.register(profileRoutes, { source: profiles.source });
  await app.register(feedbackRoutes, { store, onRecorded: () => suggester.invalidate() });
  await app.register(selectorRoutes, { source: storeSelectorPackSource(store.selectorPacks, config.selectorPack) });
  await app.register(metricsRoutes, { metrics: gateways.metrics, render: options.renderMetrics });
  if (options.extraRoutes) await app.register(options.extraRoutes);

  return app;
}

/** Builds the server and listens on config.host:config.port; refuses an open bind (no tokens beyond loopback). */
export async function startServer(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  assertSafeBind(config);
  const app = await buildServer(config, { processMetrics: true, warmUp: true, ...options });
  await app.listen({ port: config.port, host: config.host });
  if (options.announce !== false) app.log.info(readyLogFields(config), 'pulso backend ready');
  return app;
}

/** What the "pulso backend ready" line says about the settings (never a secret). */
export function readyLogFields(config: Config): object {
  return {
    mode: config.llm ? 'llm' : 'rules',
    model: config.llm?.model,
    reasoningEffort: config.llm?.reasoningEffort,
    admission: config.admission,
    budget: config.budget,
    timeouts: config.timeouts,
    cacheTtlMs: config.cache.ttlMs,
    llmBaseUrl: config.llm?.baseUrl,
    auth: config.teamTokens.length > 0 || Boolean(config.adminToken),
    allowedOrigins: config.allowedOrigins,
    store: config.databaseUrl ? 'postgres' : 'pglite',
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    profile: config.profileSource,
  };
}
