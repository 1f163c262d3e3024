import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../config';
import { assertSafeBind } from '../exposure';
import { createLogger, readyLogFields, startServer } from '../server';
import { remoteStore, serveStore, type StoreChannel, type StoreMessage } from '../store/remote-store';
import { openStore, storeLocation, type Store } from '../store/store';
import { buildWorkerBundle, type WorkerBundle } from './worker-bundle';
import { workerConfig, workerCount } from './workers';

/**
 * `pulso serve`: one process, or — with more than one worker (backend/cluster/workers.ts) — a
 * node:cluster primary and N workers answering on the one port (the primary hands each new
 * connection to the next worker).
 *
 * The store: with DATABASE_URL every worker opens its own pool, as replicas do. The embedded
 * database (PGlite) serves one process only, so the primary opens it and the workers ask it
 * (store/remote-store.ts); a request's hot path asks the store at most once a second per worker.
 * GET /metrics is every worker's, summed by the primary (prom-client's AggregatorRegistry), so
 * counters stay monotonic whichever worker answers the scrape.
 *
 * Shutdown (SIGINT, SIGTERM to the primary or to the whole group): each worker stops accepting,
 * finishes what it is answering and exits; then the primary closes the store and exits 0.
 */
export async function serveBackend(config: Config): Promise<void> {
  const workers = workerCount(config);
  if (cluster.isWorker) return runWorker(workerConfig(config, workers));
  if (workers <= 1) return runSingle(config);
  return runPrimary(config, workers);
}

/** Where a worker is told to stop; one for the whole process. */
const SHUTDOWN = { pulsoShutdown: true } as const;
type ClusterMessage = { pulsoListening?: string; pulsoMetrics?: number; text?: string; error?: string; pulsoShutdown?: boolean };

async function runSingle(config: Config): Promise<void> {
  const app = await startServer(config);
  const stop = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** A worker's end of the cluster channel. */
const toPrimary: StoreChannel = {
  send: (message: StoreMessage) => void process.send!(message),
  onMessage: (listener) => void process.on('message', listener),
  onClose: (listener) => void process.once('disconnect', listener),
};

async function runWorker(config: Config): Promise<void> {
  // Answers the primary's requests for this worker's metrics (installed by the constructor).
  new AggregatorRegistry();
  const store: Store | undefined = config.databaseUrl ? undefined : remoteStore(toPrimary);
  let nextMetrics = 0;
  const metricsAnswers = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  process.on('message', (message: ClusterMessage) => {
    if (message?.pulsoMetrics === undefined || message.text === undefined && message.error === undefined) return;
    const pending = metricsAnswers.get(message.pulsoMetrics);
    metricsAnswers.delete(message.pulsoMetrics);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.text!);
  });
  const renderMetrics = () =>
    new Promise<string>((resolve, reject) => {
      const id = ++nextMetrics;
      metricsAnswers.set(id, { resolve, reject });
      process.send!({ pulsoMetrics: id });
    });

  const app = await startServer(config, {
    announce: false,
    ...(store ? { store } : {}),
    renderMetrics,
    onGateways: (gateways) => AggregatorRegistry.setRegistries([gateways.metrics.registry]),
  });
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ why, worker: cluster.worker?.id }, 'worker shutting down');
    void app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (message: ClusterMessage) => {
    if (message?.pulsoShutdown) stop('primary');
  });
  // Ctrl+C reaches the whole process group; the primary's own signal arrives as a message.
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // The primary is gone (killed): nobody can answer the store any more.
  process.once('disconnect', () => stop('primary gone'));
  const address = app.server.address() as AddressInfo;
  process.send!({ pulsoListening: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` });
}

/** How long the primary waits for its workers to finish what they answer before it kills them. */
const SHUTDOWN_BOUND_MS = 10_000;

async function runPrimary(config: Config, workers: number): Promise<void> {
  assertSafeBind(config);
  const logger = createLogger(config);
  const store = config.databaseUrl
    ? undefined
    : await openStore({ location: storeLocation(config), audit: config.auditLog, legacyDataDir: config.dataDir, onError: (err) => logger.warn({ err }, 'database connection error') });
  const aggregator = new AggregatorRegistry();
  // The workers run the backend bundled (worker-bundle.ts), not through tsx, unless PULSO_WORKER_BUNDLE=off or it cannot be built.
  let bundle: WorkerBundle | undefined;
  if (config.workerBundle) {
    bundle = await buildWorkerBundle().catch((err: unknown) => {
      logger.warn({ err }, 'workers run through tsx: the backend could not be bundled');
      return undefined;
    });
  }
  cluster.setupPrimary({ serialization: 'advanced', ...(bundle ? { exec: bundle.file } : {}) });

  let listening = 0;
  let ready = false;
  let stopping = false;
  const alive = new Set<Worker>();

  const finish = async (code: number) => {
    bundle?.remove();
    await store?.close().catch((err: unknown) => logger.error({ err }, 'closing the store failed'));
    process.exit(code);
  };

  const stopAll = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why, workers: alive.size }, 'shutting down');
    for (const worker of alive) if (worker.isConnected()) worker.send(SHUTDOWN);
    const bound = setTimeout(() => {
      for (const worker of alive) worker.process.kill('SIGKILL');
    }, SHUTDOWN_BOUND_MS);
    bound.unref();
    const done = () => {
      clearTimeout(bound);
      void finish(code);
    };
    if (alive.size === 0) done();
    else cluster.on('exit', () => alive.size === 0 && done());
  };

  const fork = () => {
    const worker = cluster.fork();
    alive.add(worker);
    if (store) {
      serveStore(store, {
        send: (message) => worker.isConnected() && worker.send(message),
        onMessage: (listener) => void worker.on('message', listener),
      });
    }
    worker.on('message', (message: ClusterMessage) => {
      if (message?.pulsoListening) {
        listening++;
        if (!ready && listening >= workers) {
          ready = true;
          logger.info({ ...readyLogFields(config), workers, address: message.pulsoListening }, 'pulso backend ready');
        }
      } else if (message?.pulsoMetrics !== undefined && message.text === undefined) {
        aggregator.clusterMetrics().then(
          (text) => worker.isConnected() && worker.send({ pulsoMetrics: message.pulsoMetrics, text }),
          (err: Error) => worker.isConnected() && worker.send({ pulsoMetrics: message.pulsoMetrics, error: err.message }),
        );
      }
    });
    worker.on('exit', (code, signal) => {
      alive.delete(worker);
      if (stopping) return;
      if (!ready) {
        // A worker that cannot start (port taken, bad setting) will not start again: stop, say why.
        logger.error({ worker: worker.id, code, signal }, 'a worker exited before the backend was ready');
        stopAll('a worker failed to start', 1);
        return;
      }
      logger.error({ worker: worker.id, code, signal }, 'a worker exited; starting another');
      fork();
    });
  };

  process.once('SIGINT', () => stopAll('SIGINT', 0));
  process.once('SIGTERM', () => stopAll('SIGTERM', 0));
  for (let i = 0; i < workers; i++) fork();
}
